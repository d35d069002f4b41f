import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { rounds } from '../../src/db/schema/index.js';
import { runDueWork } from '../../src/scheduler/due-work.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('when the scheduler closes a round', () => {
  it('sends the leaders their digest, once', async () => {
    t = await createTestApp({ clock: fixedClock('2026-03-01T09:00:00.000Z') });
    const { network } = await networkWithPeople(t);
    const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5, 4].map((v) => uniformAnswers(t, v)), { status: 'open', closesAt: '2026-02-28T14:00:00.000Z' });
    await runDueWork(t.deps);
    await runDueWork(t.deps);
    const [closed] = await t.deps.db.select().from(rounds).where(eq(rounds.id, round.id));
    expect(closed!.status).toBe('closed');
    const digests = (await openedMailRows(t.deps)).filter((row) => row.kind === 'digest');
    expect(digests.map((d) => [d.status, d.recipient])).toEqual([['outbox', 'rehtori@kunta.example']]);
  });
});
