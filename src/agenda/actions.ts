import { and, asc, eq } from 'drizzle-orm';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { actions, type ACTION_STATUSES } from '../db/schema/index.js';

export type Action = typeof actions.$inferSelect;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionInput = { roundId: number; measure: string; description: string; owner: string; dueOn: string | null; status: ActionStatus; chosenInRoundId?: number | null; choiceValue?: string | null };

export async function createAction(db: Db, clock: Clock, networkId: number, input: ActionInput): Promise<Action> {
  const now = clock.now().toISOString();
  const [action] = await db.insert(actions).values({ networkId, ...input, createdAt: now, updatedAt: now }).returning();
  return action!;
}

/** Updates an action of the network; null if the network has no such action. */
export async function updateAction(db: Db, clock: Clock, networkId: number, actionId: number, input: ActionInput): Promise<Action | null> {
  const [action] = await db
    .update(actions)
    .set({ ...input, updatedAt: clock.now().toISOString() })
    .where(and(eq(actions.id, actionId), eq(actions.networkId, networkId)))
    .returning();
  return action ?? null;
}

export async function deleteAction(db: Db, networkId: number, actionId: number): Promise<boolean> {
  const deleted = await db.delete(actions).where(and(eq(actions.id, actionId), eq(actions.networkId, networkId))).returning({ id: actions.id });
  return deleted.length > 0;
}

/** The network's agenda, optionally for one rule or area, by rule then due date. */
export async function listActions(db: Db, networkId: number, measure?: string): Promise<Action[]> {
  const where = measure ? and(eq(actions.networkId, networkId), eq(actions.measure, measure)) : eq(actions.networkId, networkId);
  return db.select().from(actions).where(where).orderBy(asc(actions.measure), asc(actions.dueOn), asc(actions.id));
}
