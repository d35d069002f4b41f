import { eq } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../src/accounts/tokens.js';
import { findAnswerContext } from '../../src/answering/invitation-state.js';
import { invitations, members } from '../../src/db/schema/index.js';
import { postForm } from '../helpers/people.js';
import { markInvitationAnswered } from '../helpers/receipts.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { LINK, MEMBERS, START, api, deliverySettled, mailOf, openedRound, page, roundRow, roundsWorld, wholeDatabaseText, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
let sink: SmtpSink;
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(async () => {
  await sink.close();
  w?.t.database.dispose();
});

const recipientOf = (mail: ParsedMail) => mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : undefined;
const linkIn = (mail: ParsedMail) => LINK.exec(mail.text ?? '')?.[0];
const byRecipient = (mails: ParsedMail[]) => new Map(mails.map((mail) => [recipientOf(mail), mail]));

describe('invitations through a real SMTP server', () => {
  it('sends each member a short personal link, in their language, that only the stored hash matches', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    const sent = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, {}));
    expect(sent.headers.get('location')).toBe(`/networks/${w.network.id}/rounds/${id}?invited=3`);
    const mails = byRecipient(await receivedMail(sink, 3));
    await deliverySettled(w, id);

    const aino = mails.get(MEMBERS[0].email)!;
    expect(aino.subject).toBe('Kutsu kyselyyn: Kevät 2026');
    expect(aino.from?.value[0]?.name).toBe('Testiverkosto');
    expect(aino.replyTo?.value[0]?.address).toBe('koordinaattori@kunta.example');
    expect(aino.text).toContain('16.3.2026 klo 16.00');
    expect(aino.text).toMatch(/vähintään 5 vastaajaa/);
    expect(mails.get(MEMBERS[1].email)!.subject).toBe('Inbjudan till enkäten: Kevät 2026');
    expect(mails.get(MEMBERS[2].email)!.subject).toBe('Invitation to the survey: Kevät 2026');

    const stored = await w.t.deps.db.select({ memberId: invitations.memberId, tokenHash: invitations.tokenHash, email: members.email }).from(invitations).innerJoin(members, eq(members.id, invitations.memberId));
    const database = await wholeDatabaseText(w);
    for (const mail of mails.values()) {
      const link = linkIn(mail)!;
      expect(link.length).toBeLessThan(80);
      const token = link.split('/a/')[1]!;
      expect(stored.find((row) => row.email === recipientOf(mail))!.tokenHash).toBe(hashToken(w.t.deps.secretKey, token));
      expect(database).not.toContain(token);
      // The answer routes find the invitation and its open round by this token.
      const context = await findAnswerContext(w.t.deps.db, w.t.deps.catalogue, w.t.deps.secretKey, token);
      expect(context).toMatchObject({ used: false, round: { id, status: 'open' } });
    }
  });

  it('invites members added while the round is open, and a chosen few only when they are at least 2k', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    const [aino] = await w.t.deps.db.select().from(members).where(eq(members.email, MEMBERS[0].email));
    // k is 5: a chosen group of fewer than 10 could single out a member's answers, and is refused.
    const few = await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: [aino!.id] });
    expect(few.status).toBe(409);
    expect(few.text).toContain('vähintään 10 valitulle jäsenelle');
    const fewByForm = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, { scope: 'chosen', memberId: String(aino!.id) }));
    expect(await fewByForm.text()).toContain('vähintään 10 valitulle jäsenelle');
    expect(await w.t.deps.db.select().from(invitations)).toHaveLength(0);
    const none = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/invite`, postForm(w.coordinator, { scope: 'chosen' }));
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Valitse vähintään yksi jäsen.');

    const more = await w.t.deps.db
      .insert(members)
      .values(Array.from({ length: 9 }, (_, i) => ({ networkId: w.network.id, name: `Lisä Jäsen ${i}`, email: `lisa${i}@koulu.example`, createdAt: 'x', updatedAt: 'x' })))
      .returning();
    // Ten chosen: Aino and nine of the new ones.
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: [aino!.id, ...more.map((m) => m.id)] })).json).toEqual({ invited: 10 });
    const chooser = await page(w, w.coordinator, `/rounds/${id}/invite`);
    expect(chooser.html).toContain(MEMBERS[1].name);
    expect(chooser.html).not.toContain(MEMBERS[0].name);
    // Once the round has 2k invitations, a member added later can be chosen alone.
    const [uusi] = await w.t.deps.db.insert(members).values({ networkId: w.network.id, name: 'Uusi Jäsen', email: 'uusi@koulu.example', createdAt: 'x', updatedAt: 'x' }).returning();
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: [uusi!.id] })).json).toEqual({ invited: 1 });
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 2 });
    await w.t.deps.db.insert(members).values({ networkId: w.network.id, name: 'Uusin Jäsen', email: 'uusin@koulu.example', createdAt: 'x', updatedAt: 'x' });
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 1 });
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 0 });
    expect(await w.t.deps.db.select().from(invitations)).toHaveLength(14);
    await receivedMail(sink, 14);
  });

  it('reminds only the unused links, with the same link, and never shows who answered', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    const invitationsSent = byRecipient(await receivedMail(sink, 3));
    await deliverySettled(w, id);
    // Bertil answers: his link gets its receipt, as a submission writes it; his invitation row is not touched.
    const [bertil] = await w.t.deps.db.select().from(members).where(eq(members.email, MEMBERS[1].email));
    const [bertilsInvitation] = await w.t.deps.db.select().from(invitations).where(eq(invitations.memberId, bertil!.id));
    await markInvitationAnswered(w.t.deps, id, bertilsInvitation!.id);
    const invitationRows = await w.t.deps.db.select().from(invitations).orderBy(invitations.id);

    const reminded = await w.t.app.request(`/networks/${w.network.id}/rounds/${id}/remind`, postForm(w.coordinator, {}));
    // The page says that the reminder went, never to how many.
    expect(reminded.headers.get('location')).toBe(`/networks/${w.network.id}/rounds/${id}?done=reminded`);
    const reminders = (await receivedMail(sink, 5)).slice(3);
    expect(reminders.map(recipientOf).sort()).toEqual([MEMBERS[0].email, MEMBERS[2].email]);
    for (const reminder of reminders) {
      expect(reminder.subject).toMatch(/^(Muistutus|Reminder): Kevät 2026$/);
      expect(linkIn(reminder)).toBe(linkIn(invitationsSent.get(recipientOf(reminder))!));
    }
    // A second press the same day is refused, saying when the round was reminded; nobody is reminded again.
    const again = await api(w, w.coordinator, 'POST', `/${id}/remind`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('Muistutus lähetettiin jo');
    await deliverySettled(w, id);
    expect(await receivedMail(sink, 5)).toHaveLength(5);
    // Nothing is left of whom the reminders went to: the delivered rows are gone, the invitations unchanged.
    expect((await mailOf(w, id)).filter((m) => m.kind === 'reminder')).toEqual([]);
    expect(await w.t.deps.db.select().from(invitations).orderBy(invitations.id)).toEqual(invitationRows);
    expect((await roundRow(w, id)).lastRemindedAt).toBe(START);

    const shown = await page(w, w.coordinator, `/rounds/${id}`);
    const json = (await api(w, w.coordinator, 'GET', `/${id}`)).text;
    expect(shown.html).toContain('<dt>Vastanneita</dt><dd>1</dd>');
    expect(JSON.parse(json).progress).toMatchObject({ invited: 3, answered: 1 });
    for (const m of MEMBERS) for (const text of [shown.html, json]) {
      expect(text).not.toContain(m.name);
      expect(text).not.toContain(m.email);
    }
  });
});

describe('a round titled in each language', () => {
  it('gives Swedish and English members the title in their language, in the mail and on the answer page, and Finnish where none was given', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w, { title: 'Verkostokysely kevät 2026', titleSv: 'Nätverksenkät våren 2026', titleEn: '' });
    expect((await api(w, w.coordinator, 'GET', `/${id}`)).json.round.titleTranslations).toEqual({ sv: 'Nätverksenkät våren 2026' });
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    const mails = byRecipient(await receivedMail(sink, 3));
    expect(mails.get(MEMBERS[0].email)!.subject).toBe('Kutsu kyselyyn: Verkostokysely kevät 2026');
    expect(mails.get(MEMBERS[1].email)!.subject).toContain('Nätverksenkät våren 2026');
    expect(mails.get(MEMBERS[2].email)!.subject).toContain('Verkostokysely kevät 2026');
    const swedish = await w.t.app.request(new URL(linkIn(mails.get(MEMBERS[1].email)!)!).pathname);
    expect(await swedish.text()).toContain('Nätverksenkät våren 2026');
    const form = await page(w, w.coordinator, `/rounds/${id}/edit`);
    expect(form.html).toContain('value="Nätverksenkät våren 2026"');
    expect(form.html).toContain('name="titleEn"');
  });
});
