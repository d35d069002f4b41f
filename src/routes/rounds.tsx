import { Hono, type Context } from 'hono';
import { parseRound, refusalMessage, roundFrom, senderOf } from '../http/round-request.js';
import { digestAfterClosing } from '../digest/request-digest.js';
import type { Language } from '../db/schema/networks.js';
import { readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf } from '../http/session.js';
import { fill } from '../i18n/messages.js';
import { roundText } from '../i18n/rounds.js';
import { deliverSoon } from '../mail/deliver-soon.js';
import { retryFailed } from '../mail/queue.js';
import { assertTakesMail, sendInvitations, uninvitedMembers } from '../rounds/invite.js';
import { RoundRefused } from '../rounds/refusals.js';
import { sendReminders } from '../rounds/remind.js';
import { roundDetails } from '../rounds/round-details.js';
import { mailLanguages, previewInvitation } from '../rounds/round-mail.js';
import { roundProgress } from '../rounds/progress.js';
import { assertEditable, createRound, deleteDraft, listRounds, updateRound, type Round } from '../rounds/rounds.js';
import { closeRound, openRound } from '../rounds/transitions.js';
import { eraseRoundResults } from '../retention/erase-results.js';
import { InvitePage } from '../views/rounds/invite-page.js';
import { EditRoundPage, NewRoundPage, formValues, newRoundValues } from '../views/rounds/round-form.js';
import { RoundListPage } from '../views/rounds/round-list.js';
import { RoundPage } from '../views/rounds/round-page.js';
import { ConfirmPage } from '../views/rounds/confirm-page.js';

/** Pages of a network's rounds, mounted at /networks/:networkId/rounds. */
export const roundRoutes = new Hono<NetworkEnv>();
roundRoutes.use(coordinatorOnly);

const base = (c: Context<NetworkEnv>) => `/networks/${c.var.network.id}/rounds`;

/** Notices after a redirect: only known words, and counts, come from the address. */
function noticeFrom(c: Context<NetworkEnv>): string | undefined {
  const t = roundText(c.var.lang);
  const done = c.req.query('done');
  if (done === 'created' || done === 'saved' || done === 'deleted' || done === 'opened' || done === 'closed' || done === 'reminded' || done === 'resultsErased') return t[`done_${done}`];
  for (const key of ['invited', 'retried'] as const) {
    const count = c.req.query(key);
    if (count && /^\d+$/.test(count)) return fill(t[`${key}Notice`], { count });
  }
  return undefined;
}

async function roundPage(c: Context<NetworkEnv>, round: Round, error?: string) {
  const details = await roundDetails(c.var.deps.db, c.var.deps.secretKey, c.var.network, round);
  return <RoundPage c={c} details={details} notice={error ? undefined : noticeFrom(c)} error={error} />;
}

/** Answers with the work's response; a refusal shows the round again with the reason, not a bare error page. */
async function refusedOr(c: Context<NetworkEnv>, round: Round, work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RoundRefused)) throw error;
    return c.html(await roundPage(c, round, refusalMessage(c.var.lang, error)), 409);
  }
}

/** Runs a state change and goes to the page it names. */
const acting = (c: Context<NetworkEnv>, round: Round, work: () => Promise<string>) => refusedOr(c, round, async () => c.redirect(await work(), 303));

// GET /networks/:networkId/rounds
roundRoutes.get('/', async (c) => c.html(<RoundListPage c={c} rounds={await listRounds(c.var.deps.db, c.var.network.id)} notice={noticeFrom(c)} />));

// GET /networks/:networkId/rounds/new
roundRoutes.get('/new', (c) => c.html(<NewRoundPage c={c} values={newRoundValues(c.var.deps.catalogue.forNetwork(c.var.network.id), c.var.deps.clock.now())} errors={{}} />));

// POST /networks/:networkId/rounds/new
roundRoutes.post('/new', async (c) => {
  const parsed = await parseRound(c, await readInput(c));
  if (!parsed.ok) return c.html(<NewRoundPage c={c} values={parsed.values} errors={parsed.fields} />, 422);
  const round = await createRound(c.var.deps.db, c.var.deps.clock, c.var.network.id, parsed.data);
  return c.redirect(`${base(c)}/${round.id}?done=created`, 303);
});

// GET /networks/:networkId/rounds/:roundId
roundRoutes.get('/:roundId', async (c) => c.html(await roundPage(c, await roundFrom(c))));

// GET /networks/:networkId/rounds/:roundId/edit
roundRoutes.get('/:roundId/edit', async (c) => {
  const round = await roundFrom(c);
  return refusedOr(c, round, async () => (assertEditable(round), c.html(<EditRoundPage c={c} round={round} values={formValues(round)} errors={{}} />)));
});

// POST /networks/:networkId/rounds/:roundId/edit
roundRoutes.post('/:roundId/edit', async (c) => {
  const round = await roundFrom(c);
  return refusedOr(c, round, async () => {
    const parsed = await parseRound(c, await readInput(c), round);
    if (!parsed.ok) return c.html(<EditRoundPage c={c} round={round} values={{ ...formValues(round), ...parsed.values }} errors={parsed.fields} />, 422);
    return c.redirect(`${base(c)}/${(await updateRound(c.var.deps.db, round, parsed.data)).id}?done=saved`, 303);
  });
});

// POST /networks/:networkId/rounds/:roundId/delete
roundRoutes.post('/:roundId/delete', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => (await deleteDraft(c.var.deps.db, round), `${base(c)}?done=deleted`));
});

// POST /networks/:networkId/rounds/:roundId/open
roundRoutes.post('/:roundId/open', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => (await openRound(c.var.deps, round.id, actorOf(c)), `${base(c)}/${round.id}?done=opened`));
});

// POST /networks/:networkId/rounds/:roundId/close
roundRoutes.post('/:roundId/close', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => {
    await closeRound(c.var.deps, round.id, actorOf(c));
    digestAfterClosing(c.var.deps, round.id);
    return `${base(c)}/${round.id}?done=closed`;
  });
});

// POST /networks/:networkId/rounds/:roundId/erase-results
roundRoutes.post('/:roundId/erase-results', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => (await eraseRoundResults(c.var.deps.db, c.var.deps.clock, round.id, actorOf(c)), `${base(c)}/${round.id}?done=resultsErased`));
});

// GET /networks/:networkId/rounds/:roundId/confirm/close, /confirm/invite and /confirm/erase-results — the step before the irreversible action.
roundRoutes.get('/:roundId/confirm/:action{close|invite|erase-results}', async (c) => {
  const round = await roundFrom(c);
  const { deps, network, lang } = c.var;
  if (c.req.param('action') === 'erase-results') {
    if (round.status !== 'closed' || round.resultsErasedAt) return c.redirect(`${base(c)}/${round.id}`, 303);
    return c.html(<ConfirmPage c={c} round={round} action="erase-results" />);
  }
  if (round.status !== 'open') return c.redirect(`${base(c)}/${round.id}`, 303);
  if (c.req.param('action') === 'close') {
    const { invited, answered } = await roundProgress(deps.db, round.id);
    return c.html(<ConfirmPage c={c} round={round} action="close" answered={answered} invited={invited} />);
  }
  const uninvited = (await uninvitedMembers(deps.db, network, round.id)).length;
  if (uninvited === 0) return c.redirect(`${base(c)}/${round.id}`, 303);
  // The page's language first, then the network's others: a coordinator reads their own first.
  const offered = mailLanguages(deps, round, network);
  const languages = [lang, ...offered.filter((l) => l !== lang)].filter((l) => offered.includes(l));
  const previews = await Promise.all(languages.map(async (l) => ({ lang: l, ...(await previewInvitation(deps, round, network, senderOf(c), l)) })));
  return c.html(<ConfirmPage c={c} round={round} action="invite" uninvited={uninvited} previews={previews} />);
});

// GET /networks/:networkId/rounds/:roundId/invite — choose members by hand.
roundRoutes.get('/:roundId/invite', async (c) => {
  const round = await roundFrom(c);
  return c.html(<InvitePage c={c} round={round} members={await uninvitedMembers(c.var.deps.db, c.var.network, round.id)} />);
});

/** The chosen member ids of the form, or a message; "all" sends no ids. */
function chosenMembers(fields: Record<string, unknown>, lang: Language): readonly number[] | undefined | string {
  if (fields.scope !== 'chosen') return undefined;
  const ids = [fields.memberId ?? []].flat().map(Number);
  if (ids.length === 0) return roundText(lang).membersRequired;
  return ids.every((id) => Number.isSafeInteger(id) && id > 0) ? ids : roundText(lang).membersInvalid;
}

// POST /networks/:networkId/rounds/:roundId/invite — everyone not yet invited, or scope=chosen with memberId fields.
roundRoutes.post('/:roundId/invite', async (c) => {
  const round = await roundFrom(c);
  const chosen = chosenMembers(await readInput(c), c.var.lang);
  if (typeof chosen === 'string') {
    return c.html(<InvitePage c={c} round={round} members={await uninvitedMembers(c.var.deps.db, c.var.network, round.id)} error={chosen} />, 422);
  }
  return acting(c, round, async () => {
    const invited = await sendInvitations(c.var.deps, round, c.var.network, senderOf(c), actorOf(c), chosen);
    deliverSoon(c.var.deps);
    return `${base(c)}/${round.id}?invited=${invited}`;
  });
});

// POST /networks/:networkId/rounds/:roundId/remind
roundRoutes.post('/:roundId/remind', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => {
    await sendReminders(c.var.deps, round, c.var.network, senderOf(c), actorOf(c));
    deliverSoon(c.var.deps);
    return `${base(c)}/${round.id}?done=reminded`;
  });
});

// POST /networks/:networkId/rounds/:roundId/retry-failed — only while the round is open: afterwards the links no longer work.
roundRoutes.post('/:roundId/retry-failed', async (c) => {
  const round = await roundFrom(c);
  return acting(c, round, async () => {
    await assertTakesMail(c.var.deps.db, round.id, c.var.deps.clock.now());
    const retried = await retryFailed(c.var.deps.db, c.var.deps.clock, round.id);
    deliverSoon(c.var.deps);
    return `${base(c)}/${round.id}?retried=${retried}`;
  });
});
