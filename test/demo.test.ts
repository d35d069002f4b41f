import { and, count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/load.js';
import type { Clock } from '../src/clock.js';
import { answerReceipts, CANNOT_SAY, dailyResponseCounts, invitations, itemTallies, measureTallies, members, networkRoles, networks, questionnaireVersions, responses, rounds, sealedResponses, users } from '../src/db/schema/index.js';
import { authenticate } from '../src/accounts/users.js';
import { DEMO_COORDINATOR_EMAIL, DEMO_NETWORK_NAME, demoCoordinatorIfNoAccounts, grantDemoAccess, seedDemo } from '../src/demo/seed.js';
import { createTestDatabase, type TestDatabase } from './helpers/db.js';
import { receiptCount } from './helpers/receipts.js';

const catalogue = loadCatalogue();
const clock: Clock = { now: () => new Date('2025-09-15T10:00:00.000Z') };
const DAY_MS = 86_400_000;

describe('demo data', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(() => database.dispose());

  it('is opened by the administrators, who become its coordinators', async () => {
    const [admin] = await database.db.insert(users).values({ email: 'admin@kunta.example', name: 'Admin', passwordHash: 'x', isAdmin: true, createdAt: 'now' }).returning();
    await database.db.insert(users).values({ email: 'other@kunta.example', name: 'Other', passwordHash: 'x', createdAt: 'now' });
    const { networkId } = await seedDemo(database.db, catalogue, clock);
    expect(await grantDemoAccess(database.db, networkId)).toEqual(['admin@kunta.example']);
    expect(await grantDemoAccess(database.db, networkId)).toEqual(['admin@kunta.example']);
    expect(await database.db.select().from(networkRoles)).toEqual([{ networkId, userId: admin!.id, role: 'coordinator' }]);
  });

  it('works in one run on a database with no account: a demo coordinator to sign in with', async () => {
    const { networkId } = await seedDemo(database.db, catalogue, clock);
    const password = await demoCoordinatorIfNoAccounts(database.db, clock, networkId);
    expect(password).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    expect(await authenticate(database.db, DEMO_COORDINATOR_EMAIL, password!)).toMatchObject({ email: DEMO_COORDINATOR_EMAIL, isAdmin: true });
    expect(await database.db.select({ role: networkRoles.role }).from(networkRoles)).toEqual([{ role: 'coordinator' }]);
    // Once any account exists, a second run creates none.
    expect(await demoCoordinatorIfNoAccounts(database.db, clock, networkId)).toBeNull();
  });

  it('never appears in a database that was not seeded', async () => {
    expect(await database.db.select().from(networks)).toEqual([]);
  });

  it('creates one network with its members and four closed rounds over more than 15 months', async () => {
    const result = await seedDemo(database.db, catalogue, clock);
    expect(result.created).toBe(true);
    const [network, ...others] = await database.db.select().from(networks);
    expect(others).toEqual([]);
    expect(network).toMatchObject({ name: DEMO_NETWORK_NAME, collectSegments: true, anonymityThreshold: 5 });
    const roster = await database.db.select().from(members).where(eq(members.networkId, network!.id));
    expect(roster.length).toBeGreaterThanOrEqual(30);
    expect(new Set(roster.map((m) => m.organisation)).size).toBeGreaterThanOrEqual(8);
    expect(roster.some((m) => m.language === 'sv')).toBe(true);
    expect(roster.every((m) => m.email.endsWith('.example'))).toBe(true);

    const seeded = await database.db.select().from(rounds).where(eq(rounds.networkId, network!.id)).orderBy(rounds.opensAt);
    expect(seeded).toHaveLength(4);
    expect(seeded.every((r) => r.status === 'closed' && r.closesAt < clock.now().toISOString())).toBe(true);
    const span = Date.parse(seeded.at(-1)!.closesAt) - Date.parse(seeded[0]!.opensAt);
    expect(span).toBeGreaterThanOrEqual(15 * 30 * DAY_MS);
    expect(new Set(seeded.map((r) => r.questionnaireKey))).toEqual(new Set(['network-rules', 'network-strategy']));
    const used = await database.db.select().from(questionnaireVersions);
    expect(used.map((v) => v.key).sort()).toEqual(['network-rules', 'network-strategy']);
  });

  it('stores as many responses as invitations were used, and tallies that agree with the stored answers', async () => {
    await seedDemo(database.db, catalogue, clock);
    const seeded = await database.db.select().from(rounds);
    const roster = await database.db.select({ n: count() }).from(members);
    for (const round of seeded) {
      const version = catalogue.find(round.questionnaireKey, round.questionnaireVersion)!;
      const invited = await database.db.select().from(invitations).where(eq(invitations.roundId, round.id));
      expect(invited).toHaveLength(roster[0]!.n);
      const answered = await database.db.select().from(responses).where(eq(responses.roundId, round.id));
      // As a real closed round: one receipt per used link, none of them naming an invitation, and nothing left sealed.
      expect(answered).toHaveLength(await receiptCount(database.db, round.id));
      expect(answered.length / invited.length).toBeGreaterThanOrEqual(0.55);
      expect(answered.length / invited.length).toBeLessThanOrEqual(0.9);
      expect(await database.db.select().from(sealedResponses).where(eq(sealedResponses.roundId, round.id))).toEqual([]);
      // The response-rate curve: day counts that add up to the responses, all within the round's open days.
      const daily = await database.db.select().from(dailyResponseCounts).where(eq(dailyResponseCounts.roundId, round.id));
      expect(daily.reduce((n, d) => n + d.responses, 0)).toBe(answered.length);
      expect(daily.every((d) => d.day >= round.opensAt.slice(0, 10) && d.day <= round.closesAt.slice(0, 10))).toBe(true);

      const totals = await database.db
        .select()
        .from(itemTallies)
        .where(and(eq(itemTallies.roundId, round.id), eq(itemTallies.segmentKey, '')));
      for (const item of version.items.filter((i) => i.kind === 'scored')) {
        const tallied = totals.filter((t) => t.itemKey === item.itemKey).reduce((n, t) => n + t.count, 0);
        expect(tallied).toBe(answered.filter((r) => r.answers[item.name] !== undefined).length);
        const cannotSay = totals.find((t) => t.itemKey === item.itemKey && t.value === CANNOT_SAY)!.count;
        expect(cannotSay).toBe(answered.filter((r) => r.answers[item.name] === 'none').length);
      }
      const [measure] = await database.db.select().from(measureTallies).where(and(eq(measureTallies.roundId, round.id), eq(measureTallies.segmentKey, '')));
      expect(measure!.n).toBeGreaterThan(0);
      expect(measure!.n).toBeLessThanOrEqual(answered.length);
    }
  });

  it('tells a story: communication improves while resources decline', async () => {
    await seedDemo(database.db, catalogue, clock);
    const seeded = await database.db.select().from(rounds).where(eq(rounds.questionnaireKey, 'network-rules')).orderBy(rounds.opensAt);
    const means = async (measure: string) => {
      const result: number[] = [];
      for (const round of seeded) {
        const [row] = await database.db
          .select()
          .from(measureTallies)
          .where(and(eq(measureTallies.roundId, round.id), eq(measureTallies.segmentKey, ''), eq(measureTallies.measure, measure)));
        result.push(row!.sum / row!.n);
      }
      return result;
    };
    const communication = await means('rule:7');
    const resources = await means('rule:3');
    expect(communication.at(-1)! - communication[0]!).toBeGreaterThan(0.4);
    expect(resources[0]! - resources.at(-1)!).toBeGreaterThan(0.3);
  });

  it('changes nothing when run again', async () => {
    const first = await seedDemo(database.db, catalogue, clock);
    const tables = [networks, members, rounds, invitations, responses, answerReceipts, dailyResponseCounts] as const;
    const countAll = () => Promise.all(tables.map(async (t) => (await database.db.select({ n: count() }).from(t))[0]!.n));
    const before = await countAll();
    const second = await seedDemo(database.db, catalogue, clock);
    expect(second).toEqual({ created: false, networkId: first.networkId, networkName: DEMO_NETWORK_NAME });
    expect(await countAll()).toEqual(before);
  });
});
