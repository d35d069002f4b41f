import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/catalogue/load.js';
import { openDatabase } from '../../src/db/client.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { scheduledReminders } from '../../src/rounds/remind.js';
import { invitations, itemTallies, questionnaireVersions, rounds, sentReminders } from '../../src/db/schema/index.js';
import { deleteDraft } from '../../src/rounds/rounds.js';
import { runDueWork, type SchedulerDeps } from '../../src/scheduler/due-work.js';
import { startScheduler } from '../../src/scheduler/scheduler.js';
import { realCatalogue } from '../helpers/app.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { LINK, MEMBERS, api, deliverySettled, mailOf, openedRound, page, roundBody, roundRow, roundsWorld, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
  w?.t.database.dispose();
});

const nothing = { opened: 0, reminded: 0, closed: 0, created: 0, erased: { rounds: 0, members: 0, results: 0 }, mail: { sent: 0, retrying: 0, failed: 0 } };

describe('the scheduler', () => {
  it('opens rounds at their times and invites the roster, and closes them, once', async () => {
    w = await roundsWorld();
    const id = (await api(w, w.coordinator, 'POST', '', roundBody({ reminderDays: null }))).json.round.id;
    expect(await runDueWork(w.t.deps)).toEqual(nothing);

    w.clock.set('2026-03-02T10:00:00.000Z');
    expect(await runDueWork(w.t.deps)).toMatchObject({ opened: 1 });
    expect(await roundRow(w, id)).toMatchObject({ status: 'open', openedAt: '2026-03-02T10:00:00.000Z', collectSegments: true });
    expect(await w.t.deps.db.select().from(questionnaireVersions)).toHaveLength(1);
    expect((await w.t.deps.db.select().from(itemTallies).where(eq(itemTallies.roundId, id))).length).toBeGreaterThan(0);
    // Opening on schedule invited the active roster; nobody is invited twice.
    expect(await mailOf(w, id)).toHaveLength(3);
    expect(await runDueWork(w.t.deps)).toEqual(nothing);
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`)).json).toEqual({ invited: 0 });
    expect(await mailOf(w, id)).toHaveLength(3);
    w.clock.set('2026-03-16T14:00:00.000Z');
    expect(await runDueWork(w.t.deps)).toMatchObject({ closed: 1 });
    expect(await roundRow(w, id)).toMatchObject({ status: 'closed', closedAt: '2026-03-16T14:00:00.000Z' });
    expect(await mailOf(w, id)).toEqual([]);
    expect(await runDueWork(w.t.deps)).toEqual(nothing);
  });

  it('sends the scheduled reminder exactly once, across runs, at once, and across a restart after its time passed', async () => {
    sink = await startSmtpSink();
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    await receivedMail(sink, 3);
    await deliverySettled(w, id);
    const invitationRows = await w.t.deps.db.select().from(invitations).orderBy(invitations.id);

    // The reminder falls due three days before closing: 13.3. at 16.00 Helsinki time.
    w.clock.set('2026-03-13T13:59:00.000Z');
    expect(await runDueWork(w.t.deps)).toEqual(nothing);

    // The server is down while the time passes; a new process starts with its own connection and scheduler.
    w.clock.set('2026-03-14T08:00:00.000Z');
    const restarted = await openDatabase(w.t.database.url);
    try {
      const deps: SchedulerDeps = { ...w.t.deps, db: restarted.db };
      const scheduler = startScheduler(deps, { intervalMs: 60_000 });
      await receivedMail(sink, 6);
      await scheduler.stop();
      expect(await w.t.deps.db.select().from(sentReminders)).toEqual([{ roundId: id, daysBefore: 3, sentAt: '2026-03-14T08:00:00.000Z' }]);

      const again = await Promise.all([runDueWork(deps), runDueWork(deps)]);
      expect(again.map((r) => r.reminded)).toEqual([0, 0]);
      await startScheduler(deps).stop();
    } finally {
      restarted.close();
    }
    w.clock.set('2026-03-15T09:00:00.000Z');
    expect((await runDueWork(w.t.deps)).reminded).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.messages).toHaveLength(6);
    expect(sink.messages.slice(3).map((m) => m.subject).sort()).toEqual(['Muistutus: Kevät 2026', 'Påminnelse: Kevät 2026', 'Reminder: Kevät 2026']);
    // One reminder to each member; the round keeps when it reminded, nothing records whom.
    const recipients = sink.messages.slice(3).map((m) => (m.to && !Array.isArray(m.to) ? m.to.value[0]?.address : undefined));
    expect(new Set(recipients)).toEqual(new Set(MEMBERS.map((m) => m.email)));
    expect((await roundRow(w, id)).lastRemindedAt).toBe('2026-03-14T08:00:00.000Z');
    await deliverySettled(w, id);
    expect((await mailOf(w, id)).filter((m) => m.kind === 'reminder')).toEqual([]);
    expect(await w.t.deps.db.select().from(invitations).orderBy(invitations.id)).toEqual(invitationRows);
  });

  it('sends two scheduled reminders, each once and only to those who have not answered, and shows both on the round page', async () => {
    sink = await startSmtpSink();
    w = await roundsWorld({ sink });
    const id = await openedRound(w, { reminderDays: [7, 2] });
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    const invited = await receivedMail(sink, 3);
    await deliverySettled(w, id);
    const before = await page(w, w.coordinator, `/rounds/${id}`);
    expect(before.html).toContain('9.3.2026 klo 16.00 (7 pv ennen sulkeutumista)');
    expect(before.html).toContain('14.3.2026 klo 16.00 (2 pv ennen sulkeutumista)');

    // Aino answers before the first reminder, Bertil between the two.
    const linkOf = (email: string) => LINK.exec(invited.find((m) => (m.to as { text: string }).text === email)!.text ?? '')![1]!;
    const version = w.t.deps.catalogue.find('network-rules', 1)!;
    expect((await submit(w.t, linkOf(MEMBERS[0].email), { answers: fullAnswers(version) })).status).toBe(201);
    w.clock.set('2026-03-09T14:00:00.000Z');
    expect((await runDueWork(w.t.deps)).reminded).toBe(1);
    await receivedMail(sink, 5);
    expect((await submit(w.t, linkOf(MEMBERS[1].email), { answers: fullAnswers(version, 1) })).status).toBe(201);
    w.clock.set('2026-03-14T14:00:00.000Z');
    expect((await runDueWork(w.t.deps)).reminded).toBe(1);
    await receivedMail(sink, 6);
    expect((await runDueWork(w.t.deps)).reminded).toBe(0);
    const reminded = sink.messages.slice(3).map((m) => (m.to as { text: string }).text);
    expect(reminded.sort()).toEqual([MEMBERS[1].email, MEMBERS[2].email, MEMBERS[2].email].sort());
    const [round] = await w.t.deps.db.select().from(rounds).where(eq(rounds.id, id));
    expect(await scheduledReminders(w.t.deps.db, round!)).toEqual([
      { daysBefore: 7, dueAt: '2026-03-09T14:00:00.000Z', sentAt: '2026-03-09T14:00:00.000Z' },
      { daysBefore: 2, dueAt: '2026-03-14T14:00:00.000Z', sentAt: '2026-03-14T14:00:00.000Z' },
    ]);
  });

  it('skips a scheduled reminder whose round closed while the server was down', async () => {
    w = await roundsWorld();
    const id = await openedRound(w);
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    w.clock.set('2026-03-17T08:00:00.000Z');
    expect(await runDueWork(w.t.deps)).toMatchObject({ reminded: 0, closed: 1 });
    expect(await w.t.deps.db.select().from(sentReminders)).toEqual([]);
    expect(await mailOf(w, id)).toEqual([]);
  });

  it('creates the next round of a series once, at the latest version, and it opens by itself', async () => {
    const real = realCatalogue();
    const v1 = real.find('network-rules', 1)!;
    w = await roundsWorld({ deps: { catalogue: buildCatalogue([...real.versions, { ...v1, version: 2, file: 'network-rules/v2.json', hash: 'v2' }]) } });
    const first = (await api(w, w.coordinator, 'POST', '', roundBody({ questionnaireVersion: 1, recurrenceMonths: 6, title: 'Verkostokysely 2.3.2026' }))).json.round.id;
    w.clock.set('2026-03-02T10:00:00.000Z');
    expect(await runDueWork(w.t.deps)).toMatchObject({ opened: 1, created: 1 });
    expect(await runDueWork(w.t.deps)).toEqual(nothing);
    const [next] = await w.t.deps.db.select().from(rounds).where(eq(rounds.previousRoundId, first));
    expect(next).toMatchObject({
      status: 'draft',
      title: 'Verkostokysely 2.9.2026',
      questionnaireKey: 'network-rules',
      questionnaireVersion: 2,
      opensAt: '2026-09-02T09:00:00.000Z',
      closesAt: '2026-09-16T13:00:00.000Z',
      reminderDays: [3],
      recurrenceMonths: 6,
    });

    w.clock.set('2026-09-02T09:00:00.000Z');
    expect(await runDueWork(w.t.deps)).toMatchObject({ opened: 1, created: 1, closed: 1 });
    const [third] = await w.t.deps.db.select().from(rounds).where(eq(rounds.previousRoundId, next!.id));
    expect(third!.opensAt).toBe('2027-03-02T10:00:00.000Z');

    // Deleting a scheduled next round ends the series instead of bringing it back.
    await deleteDraft(w.t.deps.db, third!);
    expect(await runDueWork(w.t.deps)).toEqual(nothing);
    expect((await roundRow(w, next!.id)).recurrenceMonths).toBeNull();
    expect(await w.t.deps.db.select().from(rounds)).toHaveLength(2);
  });
});
