import { eq } from 'drizzle-orm';
import { members, outgoingMail, rounds } from '../../src/db/schema/index.js';
import type { Language } from '../../src/db/schema/networks.js';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import type { AppDeps } from '../../src/http/env.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, sendJson, type SignedIn } from '../helpers/people.js';
import type { SmtpSink } from '../helpers/smtp-sink.js';

export const FROM = 'Verkostopulssi <no-reply@pulssi.example>';
/** 11.00 in Helsinki on Monday 2 March 2026. */
export const START = '2026-03-02T09:00:00.000Z';

export const MEMBERS = [
  { name: 'Aino Aaltonen', email: 'aino.aaltonen@koulu.example', language: 'fi' },
  { name: 'Bertil Björklund', email: 'bertil.bjorklund@skola.example', language: 'sv' },
  { name: 'Carol Clarke', email: 'carol.clarke@school.example', language: 'en' },
] as const satisfies ReadonlyArray<{ name: string; email: string; language: Language }>;

/**
 * Mounts the rounds and outbox sections as network-scope.ts does, unless the
 * app already serves them, so these tests run before and after the lead
 * wires them in.
 */
export type RoundsWorld = Awaited<ReturnType<typeof networkWithPeople>> & { t: TestApp; clock: ReturnType<typeof fixedClock> };

/** The app over a fresh database, its clock at START, mail to the SMTP sink if given, and a network with people and members. */
export async function roundsWorld(options: { sink?: SmtpSink; deps?: Partial<AppDeps> } = {}): Promise<RoundsWorld> {
  const clock = fixedClock(START);
  const mailer = options.sink ? { mailer: createSmtpMailer(options.sink.url, FROM) } : {};
  const t = await createTestApp({ clock, ...mailer, ...options.deps });
  const people = await networkWithPeople(t);
  for (const m of MEMBERS) {
    await t.deps.db.insert(members).values({ ...m, networkId: people.network.id, organisation: 'Koulu', createdAt: START, updatedAt: START });
  }
  return { t, clock, ...people };
}

export const roundBody = (overrides: Record<string, unknown> = {}) => ({
  questionnaireKey: 'network-rules',
  title: 'Kevät 2026',
  opensAt: '2026-03-02T12:00',
  closesAt: '2026-03-16T16:00',
  reminderDays: [3],
  ...overrides,
});

export async function api(w: RoundsWorld, user: SignedIn, method: string, path: string, body?: unknown) {
  const response = await w.t.app.request(`/api/networks/${w.network.id}/rounds${path}`, sendJson(user, method, body));
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

export async function page(w: RoundsWorld, user: SignedIn, path: string) {
  const response = await w.t.app.request(`/networks/${w.network.id}${path}`, { headers: { cookie: user.cookie } });
  return { status: response.status, html: await response.text() };
}

/** A round created and opened through the API; returns its id. */
export async function openedRound(w: RoundsWorld, overrides: Record<string, unknown> = {}): Promise<number> {
  const created = await api(w, w.coordinator, 'POST', '', roundBody(overrides));
  if (created.status !== 201) throw new Error(`round not created: ${created.text}`);
  const opened = await api(w, w.coordinator, 'POST', `/${created.json.round.id}/open`);
  if (opened.status !== 200) throw new Error(`round not opened: ${opened.text}`);
  return created.json.round.id;
}

export async function roundRow(w: RoundsWorld, id: number) {
  const [row] = await w.t.deps.db.select().from(rounds).where(eq(rounds.id, id));
  return row!;
}

export const mailOf = (w: RoundsWorld, roundId: number) => w.t.deps.db.select().from(outgoingMail).where(eq(outgoingMail.roundId, roundId));

/** Waits (bounded) until background delivery has left no message claimed or untried. */
export async function deliverySettled(w: RoundsWorld, roundId: number): Promise<void> {
  for (let waited = 0; waited < 5000; waited += 20) {
    // The test clock stands still, so a claimed message's lease ends exactly ten minutes from now.
    const leased = new Date(w.clock.now().getTime() + 10 * 60_000).toISOString();
    const pending = (await mailOf(w, roundId)).filter((m) => m.status === 'queued' && (m.attempts === 0 || m.nextAttemptAt === leased));
    if (pending.length === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('mail delivery did not settle');
}

/** Every text value in every table, to prove that something is stored nowhere. */
export async function wholeDatabaseText(w: RoundsWorld): Promise<string> {
  const tables = await w.t.database.client.execute("select name from sqlite_master where type = 'table'");
  const parts: string[] = [];
  for (const { name } of tables.rows) parts.push(JSON.stringify((await w.t.database.client.execute(`select * from "${String(name)}"`)).rows));
  return parts.join('\n');
}

export const LINK = /http:\/\/127\.0\.0\.1:3000\/a\/([A-Za-z0-9_-]+)/;
