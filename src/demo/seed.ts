import { eq } from 'drizzle-orm';
import { hashToken, newToken } from '../accounts/tokens.js';
import { recordVersionUse } from '../catalogue/immutability.js';
import type { Catalogue, QuestionnaireVersion } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db, Tx } from '../db/client.js';
import { sealDay } from '../answering/seal.js';
import { answerReceipts, dailyResponseCounts, invitations, members, networkRoles, networks, rounds, sentReminders, users } from '../db/schema/index.js';
import { storeResponses } from '../responses/store.js';
import { initialiseTallies } from '../responses/tallies.js';
import { seededRandom, type Random } from './random.js';
import { DEMO_ORGANISATIONS, demoPeople, type DemoPerson } from './roster.js';
import { answerAs, itemBiases } from './story.js';
import { hashPassword } from '../accounts/password.js';

export const DEMO_NETWORK_NAME = 'Järvenseudun koulujen kehittämisverkosto';

const DEFAULT_SEED = 20_240_901;
const DAY_MS = 86_400_000;
const OPEN_DAYS = 21;
const REMINDER_DAYS_BEFORE = 7;
const MONTHS_FI = ['tammikuu', 'helmikuu', 'maaliskuu', 'huhtikuu', 'toukokuu', 'kesäkuu', 'heinäkuu', 'elokuu', 'syyskuu', 'lokakuu', 'marraskuu', 'joulukuu'];

export type DemoOptions = { seed?: number };
export type DemoRoundSummary = { title: string; opensAt: string; closesAt: string; invited: number; responses: number };
export type DemoResult =
  | { created: false; networkId: number; networkName: string }
  | { created: true; networkId: number; networkName: string; organisations: number; members: number; rounds: DemoRoundSummary[] };

type Invitee = DemoPerson & { memberId: number };
type PlannedRound = { version: QuestionnaireVersion; monthsAgo: number; wave: number };
type Context = { tx: Tx; networkId: number; now: Date; invitees: Invitee[]; random: Random; tokenKey: string };

function latestVersion(catalogue: Catalogue, key: string): QuestionnaireVersion {
  const version = catalogue.versionsOf(key).at(-1);
  if (!version) throw new Error(`the demo needs the questionnaire surveys/${key}/`);
  return version;
}

/** 06:00 UTC is a Finnish working morning; day 28 at most so that every month has it. */
function monthsBefore(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, Math.min(now.getUTCDate(), 28), 6));
}

const DEMO_THRESHOLD = 5;

const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

async function seedRound(ctx: Context, plan: PlannedRound, previousRoundId: number | null, biases: Map<string, number>) {
  const { tx, random, invitees } = ctx;
  const { version } = plan;
  const opens = monthsBefore(ctx.now, plan.monthsAgo);
  const closes = addDays(opens, OPEN_DAYS);
  const reminded = addDays(closes, -REMINDER_DAYS_BEFORE);
  const title = `${version.title.fi}, ${MONTHS_FI[opens.getUTCMonth()]} ${opens.getUTCFullYear()}`;
  const created = addDays(opens, -7).toISOString();
  const [round] = await tx
    .insert(rounds)
    .values({
      networkId: ctx.networkId,
      questionnaireKey: version.key,
      questionnaireVersion: version.version,
      title,
      status: 'closed',
      opensAt: opens.toISOString(),
      closesAt: closes.toISOString(),
      openedAt: opens.toISOString(),
      closedAt: closes.toISOString(),
      reminderDays: [REMINDER_DAYS_BEFORE],
      lastRemindedAt: reminded.toISOString(),
      anonymityThreshold: DEMO_THRESHOLD,
      collectSegments: true,
      previousRoundId,
      createdAt: created,
    })
    .returning({ id: rounds.id });
  const roundId = round!.id;
  await tx.insert(sentReminders).values({ roundId, daysBefore: REMINDER_DAYS_BEFORE, sentAt: reminded.toISOString() });
  await initialiseTallies(tx, roundId, version, true);

  // Between 60 % and 85 % answer; most of them in the first days, when the invitation is fresh.
  const least = Math.ceil(0.6 * invitees.length);
  const count = least + Math.floor(random.next() * (Math.floor(0.85 * invitees.length) - least + 1));
  const answerDay = new Map(random.shuffle(invitees).slice(0, count).map((p) => [p.memberId, Math.floor(OPEN_DAYS * random.next() ** 2)]));
  await tx.insert(invitations).values(
    invitees.map((p) => {
      return {
        roundId,
        memberId: p.memberId,
        // Hashed under a key thrown away at once: demo invitations are not usable links.
        tokenHash: hashToken(ctx.tokenKey, newToken()),
        sentAt: opens.toISOString(),
        createdAt: created,
      };
    }),
  );
  // Receipts under throw-away links, as closed rounds keep them: the round page counts who answered.
  const days = [...answerDay.values()].map((day) => addDays(opens, day).toISOString().slice(0, 10));
  await tx.insert(answerReceipts).values(days.map((day) => ({ roundId, nullifier: newToken(), answeredDaySealed: sealDay(newToken(), day) })));
  const perDay = new Map<string, number>();
  for (const day of days) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  await tx.insert(dailyResponseCounts).values([...perDay].map(([day, responses]) => ({ roundId, day, responses })));
  const answers = invitees.filter((p) => answerDay.has(p.memberId)).map((person) => ({ roundId, version, answers: answerAs(person, version, plan.wave, biases, random), collectSegments: true }));
  await storeResponses(tx, random.shuffle(answers));
  return { roundId, summary: { title, opensAt: opens.toISOString(), closesAt: closes.toISOString(), invited: invitees.length, responses: count } };
}

/**
 * Creates a demo network with 18 months of closed rounds, unless it exists.
 * Only `npm run demo` calls this: demo data never appears unasked.
 */
export async function seedDemo(db: Db, catalogue: Catalogue, clock: Clock, options: DemoOptions = {}): Promise<DemoResult> {
  const [existing] = await db.select({ id: networks.id }).from(networks).where(eq(networks.name, DEMO_NETWORK_NAME)).limit(1);
  if (existing) return { created: false, networkId: existing.id, networkName: DEMO_NETWORK_NAME };

  const now = clock.now();
  const rules = latestVersion(catalogue, 'network-rules');
  const strategy = latestVersion(catalogue, 'network-strategy');
  const plans: PlannedRound[] = [
    { version: rules, monthsAgo: 18, wave: 0 },
    { version: rules, monthsAgo: 10, wave: 1 },
    { version: rules, monthsAgo: 2, wave: 2 },
    { version: strategy, monthsAgo: 2, wave: 0 },
  ];
  const random = seededRandom(options.seed ?? DEFAULT_SEED);
  const people = demoPeople();
  return db.transaction(async (tx) => {
    await recordVersionUse(tx, rules, monthsBefore(now, 18));
    await recordVersionUse(tx, strategy, monthsBefore(now, 2));
    const joined = monthsBefore(now, 19).toISOString();
    const [network] = await tx
      .insert(networks)
      .values({ name: DEMO_NETWORK_NAME, languages: ['fi', 'sv', 'en'], anonymityThreshold: DEMO_THRESHOLD, collectSegments: true, createdAt: joined })
      .returning({ id: networks.id });
    const networkId = network!.id;
    const inserted = await tx
      .insert(members)
      .values(people.map((p) => ({ networkId, name: p.name, email: p.email, organisation: p.organisation.name, organisationType: p.organisation.type, language: p.organisation.language, createdAt: joined, updatedAt: joined })))
      .returning({ id: members.id, email: members.email });
    const idByEmail = new Map(inserted.map((m) => [m.email, m.id]));
    const ctx: Context = { tx, networkId, now, random, tokenKey: newToken(32), invitees: people.map((p) => ({ ...p, memberId: idByEmail.get(p.email)! })) };

    const biases = new Map([rules, strategy].map((v) => [v.key, itemBiases(v, random)]));
    const previous = new Map<string, number>();
    const summaries: DemoRoundSummary[] = [];
    for (const plan of plans) {
      const { roundId, summary } = await seedRound(ctx, plan, previous.get(plan.version.key) ?? null, biases.get(plan.version.key)!);
      previous.set(plan.version.key, roundId);
      summaries.push(summary);
    }
    return { created: true, networkId, networkName: DEMO_NETWORK_NAME, organisations: DEMO_ORGANISATIONS.length, members: people.length, rounds: summaries };
  });
}

/** Makes every administrator a coordinator of the demo network, so the demo can be opened after signing in. */
export async function grantDemoAccess(db: Db, networkId: number): Promise<string[]> {
  const admins = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.isAdmin, true));
  for (const admin of admins) await db.insert(networkRoles).values({ networkId, userId: admin.id, role: 'coordinator' }).onConflictDoNothing();
  return admins.map((a) => a.email);
}

export const DEMO_COORDINATOR_EMAIL = 'demo.koordinaattori@verkostopulssi.example';

/**
 * On a database with no account at all, a demo coordinator (who may also
 * create networks, as the setup link's account may) so that one run of the
 * demo is enough; returns the one-time password to print, or null when
 * accounts exist and were given access instead.
 */
export async function demoCoordinatorIfNoAccounts(db: Db, clock: Clock, networkId: number): Promise<string | null> {
  const [anyone] = await db.select({ id: users.id }).from(users).limit(1);
  if (anyone) return null;
  const password = newToken(12);
  const [user] = await db
    .insert(users)
    .values({ email: DEMO_COORDINATOR_EMAIL, name: 'Demo-koordinaattori', passwordHash: await hashPassword(password), isAdmin: true, createdAt: clock.now().toISOString() })
    .returning({ id: users.id });
  await db.insert(networkRoles).values({ networkId, userId: user!.id, role: 'coordinator' });
  return password;
}
