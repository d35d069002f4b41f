import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { receiptNullifier } from '../../src/answering/receipts.js';
import { answerReceipts, invitations, members, networks, outgoingMail, rounds } from '../../src/db/schema/index.js';
import { finishAnonymityUpgrade } from '../../src/db/upgrade.js';
import { mailSealingKey, openMail } from '../../src/mail/sealed-mail.js';
import { invitationToken } from '../../src/rounds/invitation-links.js';
import { TEST_SECRET_KEY } from '../helpers/app.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let database: TestDatabase;
afterEach(() => database?.dispose());

const holdingTables = async () => (await database.db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE name LIKE 'upgrade_%'`)).map((row) => row.name);

describe('finishing the anonymity migration', () => {
  it('on a new database drops the empty holding tables and reports no upgrade', async () => {
    database = await createTestDatabase();
    expect(await holdingTables()).toEqual(['upgrade_used_invitations', 'upgrade_unsealed_mail']);
    expect(await finishAnonymityUpgrade(database.db, TEST_SECRET_KEY)).toBe(false);
    expect(await holdingTables()).toEqual([]);
    expect(await finishAnonymityUpgrade(database.db, TEST_SECRET_KEY)).toBe(false);
  });

  it('on an older database turns used invitations into keyed receipts and seals the unsent mail', async () => {
    database = await createTestDatabase();
    const { db } = database;
    const now = '2026-03-01T09:00:00.000Z';
    const [network] = await db.insert(networks).values({ name: 'Vanha verkosto', languages: ['fi'], createdAt: now }).returning();
    const [round] = await db.insert(rounds).values({ networkId: network!.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Kevät', status: 'open', opensAt: now, closesAt: now, createdAt: now }).returning();
    const [member] = await db.insert(members).values({ networkId: network!.id, name: 'Aino', email: 'aino@koulu.example', createdAt: now, updatedAt: now }).returning();
    const [invitation] = await db.insert(invitations).values({ roundId: round!.id, memberId: member!.id, tokenHash: 'h', sentAt: now, createdAt: now }).returning();
    const [mail] = await db.insert(outgoingMail).values({ networkId: network!.id, kind: 'invitation', status: 'queued', createdAt: now }).returning();
    await db.run(sql`INSERT INTO upgrade_used_invitations (invitation_id, round_id, answered_day_sealed) VALUES (${invitation!.id}, ${round!.id}, '')`);
    await db.run(sql`INSERT INTO upgrade_unsealed_mail (id, recipient, subject, text_body, html_body, reply_to, sender_name) VALUES (${mail!.id}, 'aino@koulu.example', 'Kutsu', 'linkki', '<p>linkki</p>', NULL, 'Vanha verkosto')`);

    expect(await finishAnonymityUpgrade(db, TEST_SECRET_KEY)).toBe(true);
    const [receipt] = await db.select().from(answerReceipts);
    expect(receipt!.nullifier).toEqual(receiptNullifier(TEST_SECRET_KEY, invitationToken(TEST_SECRET_KEY, invitation!.id)));
    const [sealed] = await db.select().from(outgoingMail);
    expect(openMail(mailSealingKey(TEST_SECRET_KEY), 'invitation', sealed!.sealed!)).toMatchObject({ recipient: 'aino@koulu.example', subject: 'Kutsu', textBody: 'linkki', senderName: 'Vanha verkosto' });
    expect(await holdingTables()).toEqual([]);
  });
});
