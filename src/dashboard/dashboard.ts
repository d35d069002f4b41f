import type { Catalogue } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { listActions, type Action } from '../agenda/actions.js';
import type { Network } from '../networks/networks.js';
import { networkMailCounts } from '../rounds/network-mail.js';
import { roundResults, type RoundResults } from '../results/round-results.js';
import { closedOn } from '../rounds/closing-instant.js';
import { roundProgress, type RoundProgress } from '../rounds/progress.js';
import { scheduledReminders } from '../rounds/remind.js';
import { listRounds, type Round } from '../rounds/rounds.js';

export type DashboardRound = { round: Round; progress: RoundProgress };
export type UpcomingEvent = { at: string; kind: 'opens' | 'reminder' | 'closes'; round: Pick<Round, 'id' | 'title'> };
export type Dashboard = {
  rounds: DashboardRound[];
  upcoming: UpcomingEvent[];
  openActions: Action[];
  /** The latest closed round's figures, which obey k and the differencing rules as on its results page. */
  latest: RoundResults | null;
  failedMail: number;
};

// The overview is a glance: older rounds are on the rounds page.
const ROUNDS_SHOWN = 8;
const OPEN_ACTION_STATUSES: ReadonlySet<Action['status']> = new Set(['planned', 'in_progress']);

/** What happens next in the network's rounds, soonest first: openings, scheduled reminders, closings. */
async function upcomingEvents(db: Db, rounds: Round[], now: string): Promise<UpcomingEvent[]> {
  const events: UpcomingEvent[] = [];
  for (const round of rounds) {
    const named = { id: round.id, title: round.title };
    if (round.status === 'draft') events.push({ at: round.opensAt, kind: 'opens', round: named });
    if (round.status === 'closed') continue;
    for (const reminder of await scheduledReminders(db, round)) if (!reminder.sentAt) events.push({ at: reminder.dueAt, kind: 'reminder', round: named });
    events.push({ at: round.closesAt, kind: 'closes', round: named });
  }
  return events.filter((event) => event.at >= now).sort((a, b) => a.at.localeCompare(b.at));
}

/** One page for a coordinator's week: rounds with their rates, what comes next, open actions, the latest results, mail trouble. */
export async function networkDashboard(deps: { db: Db; catalogue: Catalogue; clock: Clock }, network: Network): Promise<Dashboard> {
  const { db, catalogue, clock } = deps;
  const rounds = await listRounds(db, network.id);
  const shown = rounds.slice(0, ROUNDS_SHOWN);
  const latestClosed = rounds.filter((round) => round.status === 'closed').sort((a, b) => closedOn(b).localeCompare(closedOn(a)))[0];
  const [progress, upcoming, actions, latest, mail] = await Promise.all([
    Promise.all(shown.map((round) => roundProgress(db, round.id))),
    upcomingEvents(db, rounds, clock.now().toISOString()),
    listActions(db, network.id),
    latestClosed ? roundResults(db, catalogue, network, latestClosed) : null,
    networkMailCounts(db, network.id),
  ]);
  const openActions = actions.filter((action) => OPEN_ACTION_STATUSES.has(action.status)).sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'));
  return { rounds: shown.map((round, i) => ({ round, progress: progress[i]! })), upcoming, openActions, latest, failedMail: mail.failed };
}
