import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { ParsedMail } from 'mailparser';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createAction } from '../../src/agenda/actions.js';
import { outgoingMail, users } from '../../src/db/schema/index.js';
import { onRoundClosed, sendDigest } from '../../src/digest/send-digest.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { readOutbox, writeEmlFiles } from '../../src/mail/operator-outbox.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createTestApp, fixedClock, realCatalogue, type TestApp } from '../helpers/app.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { networkWithPeople } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { roundWithResponses } from '../results/fixture.js';

let t: TestApp;
let sink: SmtpSink;
afterEach(async () => {
  await sink?.close();
  t?.database.dispose();
});

const EXTRA = 'lautakunta@kunta.example';

/** `count` answers; each rule's items get 3 + shift(rule), spread by ±1 so that intervals have width, kept on the 1–5 scale. */
function answers(count: number, shift: (rule: number) => number) {
  const scored = realCatalogue().find('network-rules', 1)!.items.filter((item) => item.kind === 'scored');
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(scored.map((item) => [item.name, Math.min(5, Math.max(1, 3 + shift(Number(item.measure!.split(':')[1])) + ((i % 3) - 1)))])),
  );
}

async function setup() {
  sink = await startSmtpSink();
  t = await createTestApp({ clock: fixedClock('2026-03-02T09:00:00.000Z'), mailer: createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>') });
  const people = await networkWithPeople(t);
  await t.deps.db.update(users).set({ language: 'sv' }).where(eq(users.id, people.leader.userId));
  return people;
}

/** PNG width and height from the IHDR chunk, which always follows the 8-byte signature. */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

async function nonWhiteShare(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  let inked = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! < 240 || data[i + 1]! < 240 || data[i + 2]! < 240) inked++;
  return inked / (image.width * image.height);
}

const textOf = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
const decimals = (text: string) => new Set(text.match(/[+−-]?\d+,\d/g) ?? []);
const mailTo = (mails: ParsedMail[], address: string) => mails.find((mail) => JSON.stringify(mail.to).includes(address))!;

describe('the emailed digest over real SMTP', () => {
  it('reaches the leader in Swedish and the extra recipient, with inline charts, the same figures as text and a working report link', async () => {
    const { network } = await setup();
    const first = await roundWithResponses(t, network.id, answers(12, () => 0), { closesAt: '2025-06-01T12:00:00.000Z' });
    await roundWithResponses(t, network.id, answers(12, (rule) => ({ 2: 2, 4: 1, 9: -2 })[rule] ?? 0), { closesAt: '2026-02-01T12:00:00.000Z' });
    await createAction(t.deps.db, t.deps.clock, network.id, { roundId: first.id, measure: 'rule:9', description: 'Kuuntelutuokiot <joka kuu>', owner: 'Rehtorit', dueOn: '2026-05-31', status: 'in_progress' });
    await createAction(t.deps.db, t.deps.clock, network.id, { roundId: first.id, measure: 'rule:1', description: 'Valmis jo', owner: '', dueOn: null, status: 'done' });

    const outcome = await sendDigest(t.deps, network, { extraRecipients: [EXTRA.toUpperCase()], lang: 'en' });
    expect(outcome).toEqual({ recipients: 2, queued: 2, inOutbox: 0 });
    const mails = await receivedMail(sink, 2);
    const sv = mailTo(mails, 'rehtori@kunta.example');
    const en = mailTo(mails, EXTRA);

    expect(sv.subject).toBe('Resultatsammandrag: Testiverkosto');
    expect(sv.text).toContain('Största förbättringarna:\n- 2. Val och engagemang av medlemmar: 3,0 → 4,7 (förändring +1,7');
    expect(sv.text).toContain('- 4. Ledningens engagemang: 3,0 → 4,0');
    expect(sv.text).toContain('Största försämringarna:\n- 9. Förtroende och att lyssna på medlemmarna: 3,0 → 1,3 (förändring −1,7');
    expect(sv.text).toContain('Antal svar: 12.');
    expect(sv.text).toContain('Kuuntelutuokiot <joka kuu> – ansvarig: Rehtorit, senast 31.5.2026 (Pågår)');
    expect(sv.text).not.toContain('Valmis jo');
    expect(sv.html).toContain('Kuuntelutuokiot &lt;joka kuu&gt;');
    expect(en.subject).toBe('Results digest: Testiverkosto');
    expect(en.text).toContain('- 2. Choosing and committing members: 3.0 → 4.7 (change +1.7');

    // One report link per send, the same in every mail, and it opens the report.
    const links = mails.map((mail) => mail.text!.match(/http:\/\/127\.0\.0\.1:3000\/r\/([\w-]+)/)![1]);
    expect(new Set(links).size).toBe(1);
    expect((await t.app.request(`/r/${links[0]}/data`)).status).toBe(200);
    expect(sv.html).toContain(`href="http://127.0.0.1:3000/r/${links[0]}"`);

    // The HTML shows each chart by content id, with alt text, from an inline PNG part of the expected size that is not blank.
    // mailparser swaps each "cid:" link that names a part for that part's data, so a data URI here proves the reference resolved.
    expect(sv.html).not.toContain('cid:');
    const images = [...(sv.html as string).matchAll(/<img src="data:image\/png;base64,([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)"/g)];
    expect(images).toHaveLength(2);
    expect(sv.attachments).toHaveLength(2);
    for (const [, data, alt, width, height] of images) {
      const part = sv.attachments.find((a) => a.content.toString('base64') === data)!;
      expect(part.cid).toMatch(/^(trend|profile)-network-rules@verkostopulssi$/);
      expect(part).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', related: true });
      expect(alt!.length).toBeGreaterThan(40);
      expect(pngSize(part.content)).toEqual({ width: 2 * Number(width), height: 2 * Number(height) });
      expect(await nonWhiteShare(part.content)).toBeGreaterThan(0.03);
    }
    expect(pngSize(sv.attachments.find((a) => a.cid!.startsWith('trend-'))!.content)).toEqual({ width: 1200, height: 800 });
    expect(images[0]![2]).toContain('Linjediagram');

    // The plain-text part carries the same figures as the HTML.
    expect(decimals(sv.text!)).toEqual(decimals(textOf(sv.html as string)));
    expect(decimals(sv.text!).size).toBeGreaterThan(5);

    // Replies go to the coordinator.
    expect(mails.map((mail) => mail.replyTo?.text)).toEqual(['koordinaattori@kunta.example', 'koordinaattori@kunta.example']);
    // Once sent, the rows keep no content at all: the bodies carry the report link, and the row names no one.
    await t.deps.background.settled();
    const rows = await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'digest'));
    expect(rows.map((r) => [r.status, r.sealed, r.sentAt])).toEqual([['sent', null, t.deps.clock.now().toISOString()], ['sent', null, t.deps.clock.now().toISOString()]]);
  });

  it('says only that there are too few answers when the latest round is below k: no figures, no images', async () => {
    const { network } = await setup();
    await roundWithResponses(t, network.id, answers(8, () => 0), { closesAt: '2025-06-01T12:00:00.000Z' });
    await roundWithResponses(t, network.id, answers(3, () => 1), { closesAt: '2026-02-01T12:00:00.000Z' });
    await sendDigest(t.deps, network, {});
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.text).toContain('Omgången fick för få svar för att resultaten ska kunna visas: resultat visas bara när minst 5 har svarat.');
    expect(mail!.attachments).toHaveLength(0);
    expect(mail!.html).not.toContain('<img');
    expect(mail!.text).not.toMatch(/\d,\d|Antal svar/);
    expect(textOf(mail!.html as string)).not.toMatch(/\d,\d/);
  });

  it('goes out when a round closes with figures and leaders, and not otherwise', async () => {
    const { network, other } = await setup();
    const enough = await roundWithResponses(t, network.id, answers(6, () => 0), { closesAt: '2026-02-01T12:00:00.000Z' });
    expect(await onRoundClosed(t.deps, enough.id)).toEqual({ recipients: 1, queued: 1, inOutbox: 0 });
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.text).toContain('Det finns ingen tidigare omgång');
    expect(mail!.attachments).toHaveLength(1);

    const tooFew = await roundWithResponses(t, network.id, answers(4, () => 0), { closesAt: '2026-03-01T12:00:00.000Z' });
    const open = await roundWithResponses(t, network.id, answers(6, () => 0), { status: 'open', closesAt: '2026-04-01T12:00:00.000Z' });
    const noLeaders = await roundWithResponses(t, other.id, answers(6, () => 0));
    expect(await onRoundClosed(t.deps, tooFew.id)).toBeNull();
    expect(await onRoundClosed(t.deps, open.id)).toBeNull();
    expect(await onRoundClosed(t.deps, noLeaders.id)).toBeNull();
    expect(await onRoundClosed(t.deps, 999_999)).toBeNull();
    expect(sink.messages).toHaveLength(1);
  });

  it('goes through the retrying queue, charts kept sealed until sent, and keeps the outbox in outbox mode', async () => {
    const { network } = await setup();
    await roundWithResponses(t, network.id, answers(6, () => 0));
    sink.rejectWith(451, 'Try again later');
    expect(await sendDigest(t.deps, network, {})).toMatchObject({ recipients: 1, queued: 1 });
    await t.deps.background.settled();
    const [waiting] = await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'digest'));
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(waiting!.lastError).toContain('451');
    // The whole link, not just "/r/": three random bytes of a large sealed blob could spell that.
    const [opened] = (await openedMailRows(t.deps)).filter((row) => row.kind === 'digest');
    const link = /\/r\/[\w-]{20,}/.exec(opened!.textBody ?? '')![0];
    expect(waiting!.sealed!.toString('latin1')).not.toContain(link);
    // The relay is back: the next delivery, after the back-off, sends it with its charts.
    sink.rejectWith(null);
    (t.deps.clock as ReturnType<typeof fixedClock>).advance(2 * 60_000);
    await runDueWork(t.deps);
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.attachments).toHaveLength(1);
    expect(mail!.attachments[0]!.contentType).toBe('image/png');
    const [sent] = await t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.kind, 'digest'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, sealed: null });

    const outbox = await createTestApp({ clock: fixedClock('2026-03-02T09:00:00.000Z') });
    try {
      const people = await networkWithPeople(outbox);
      await roundWithResponses(outbox, people.network.id, answers(6, () => 0));
      expect(await sendDigest(outbox.deps, people.network, { extraRecipients: [EXTRA] })).toMatchObject({ recipients: 2, inOutbox: 2 });
      // Kept sealed in the outbox: readable with the key, the link not in the stored bytes.
      const rows = (await openedMailRows(outbox.deps)).filter((row) => row.status === 'outbox');
      expect(rows).toHaveLength(2);
      expect(rows.map((row) => row.kind)).toEqual(['digest', 'digest']);
      expect(rows.map((row) => row.recipient).sort()).toEqual([EXTRA, 'rehtori@kunta.example']);
      const link = /\/r\/[\w-]{20,}/.exec(rows[0]!.textBody ?? '')![0];
      expect(rows[0]!.replyTo).toBe('koordinaattori@kunta.example');
      expect(rows[0]!.sealed!.toString('latin1')).not.toContain(link);
      // The operator reads them with npm run outbox.
      const kept = await readOutbox(outbox.deps.db, outbox.deps.secretKey, { networkId: people.network.id });
      expect(kept.map((item) => item.recipient).sort()).toEqual([EXTRA, 'rehtori@kunta.example']);
      // --eml writes them with their charts, for a mail program to send on.
      const [eml] = await writeEmlFiles(kept.slice(0, 1), join(outbox.database.dir, 'eml'), 'Verkostopulssi <no-reply@pulssi.example>');
      const parsed = await simpleParser(readFileSync(eml!));
      expect(parsed.attachments.map((a) => a.contentType)).toEqual(['image/png']);
      expect(parsed.html).not.toContain('cid:');
    } finally {
      outbox.database.dispose();
    }
  });
});
