import { Hono, type Context } from 'hono';
import { cardDraft, publishCard, saveCard } from '../cards/actions.js';
import { CARD_QUESTIONS, cardInputSchema, quotesFromForm, type CardInput, type CardTexts } from '../cards/card-input.js';
import { findCard, listCards, publishedCards, strategyRounds } from '../cards/cards.js';
import { CardRefused, type CardRefusal } from '../cards/refusals.js';
import { cardSheet } from '../cards/sheet.js';
import { DomainError, NotFoundError } from '../http/errors.js';
import { parseInput, readInput } from '../http/input.js';
import { anyNetworkRole, coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf } from '../http/session.js';
import { networkCardText } from '../i18n/network-card.js';
import { networkText } from '../i18n/networks.js';
import { defaultLanguage } from '../networks/settings.js';
import { findNetworkRound } from '../results/find-round.js';
import { openAnswers } from '../results/open-answers.js';
import type { Round } from '../results/round-results.js';
import { CardFormPage } from '../views/cards/card-form-page.js';
import { CardIndexPage } from '../views/cards/card-index-page.js';
import { CardRoundPage } from '../views/cards/card-round-page.js';

/** The network's card after a strategy round, mounted at /networks/:networkId/card: coordinators compose and publish it, leaders read it. */
export const networkCardRoutes = new Hono<NetworkEnv>();

const STATUS: Record<CardRefusal, 404 | 409 | 422> = { not_strategy_round: 404, quote_refused: 422, not_saved: 409 };
const MESSAGE = { not_strategy_round: 'notStrategyRound', quote_refused: 'quoteRefused', not_saved: 'notSaved' } as const;

/** The domain's refusal as a status and a sentence in the user's language. */
async function refusalsAsErrors<T>(c: Context<NetworkEnv>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof CardRefused)) throw error;
    throw new DomainError(networkCardText(c.var.lang)[MESSAGE[error.reason]], STATUS[error.reason]);
  }
}

async function roundOr404(c: Context<NetworkEnv>): Promise<Round> {
  const round = await findNetworkRound(c.var.deps.db, c.var.network.id, c.req.param('roundId'));
  if (!round) throw new NotFoundError(networkText(c.var.lang).roundNotFound);
  return round;
}

const NOTICES = ['saved', 'published'] as const;
const noticeOf = (c: Context<NetworkEnv>) => {
  const done = NOTICES.find((notice) => notice === c.req.query('done'));
  return done && networkCardText(c.var.lang)[done];
};

// GET /networks/:networkId/card
networkCardRoutes.get('/', anyNetworkRole, async (c) => {
  const { db } = c.var.deps;
  const network = c.var.network;
  const { current, history } = await publishedCards(db, network.id);
  let rounds: Array<{ round: Round; card: Awaited<ReturnType<typeof findCard>> }> = [];
  if (c.var.role === 'coordinator') {
    const cards = new Map((await listCards(db, network.id)).map((entry) => [entry.round.id, entry.card]));
    rounds = (await strategyRounds(db, network.id)).map((round) => ({ round, card: cards.get(round.id) ?? null }));
  }
  return c.html(<CardIndexPage c={c} current={current} history={history} rounds={rounds} />);
});

// GET /networks/:networkId/card/rounds/:roundId — a draft only for coordinators.
networkCardRoutes.get('/rounds/:roundId', anyNetworkRole, async (c) => {
  const { db, catalogue } = c.var.deps;
  const round = await roundOr404(c);
  const card = await findCard(db, c.var.network.id, round.id);
  if (!card || (!card.publishedAt && c.var.role !== 'coordinator')) throw new NotFoundError(networkCardText(c.var.lang).notFound);
  const sheet = await cardSheet(db, catalogue, c.var.network, { card, round });
  return c.html(<CardRoundPage c={c} sheet={sheet} notice={noticeOf(c)} />);
});

/** The card's form: as saved, as prefilled from the latest published card, or (`values`) as sent back with its errors. */
async function formPage(c: Context<NetworkEnv>, round: Round, values?: CardInput, errors: Record<string, string> = {}) {
  const { db, catalogue } = c.var.deps;
  const draft = await refusalsAsErrors(c, () => cardDraft(db, c.var.network, round));
  const answers = await openAnswers(db, catalogue, c.var.network, round);
  return (
    <CardFormPage
      c={c}
      round={round}
      language={draft.card?.language ?? defaultLanguage(c.var.network)}
      texts={values?.texts ?? draft.texts}
      quotes={values?.quotes ?? draft.quotes}
      answers={answers}
      prefilledFrom={values ? null : draft.prefilledFrom}
      saved={draft.card !== null}
      errors={errors}
      notice={noticeOf(c)}
    />
  );
}

// GET /networks/:networkId/card/rounds/:roundId/edit — a new card starts from the latest published one's texts.
networkCardRoutes.get('/rounds/:roundId/edit', coordinatorOnly, async (c) => c.html(await formPage(c, await roundOr404(c))));

// POST /networks/:networkId/card/rounds/:roundId — saves the card (a draft until published).
networkCardRoutes.post('/rounds/:roundId', coordinatorOnly, async (c) => {
  const { db, clock, catalogue } = c.var.deps;
  const round = await roundOr404(c);
  const input = await readInput(c);
  const parsed = parseInput(cardInputSchema(c.var.lang), input);
  if (!parsed.ok) {
    const texts = Object.fromEntries(CARD_QUESTIONS.map((key) => [key, String(input[key] ?? '')])) as CardTexts;
    return c.html(await formPage(c, round, { texts, quotes: quotesFromForm(input.quote) }, parsed.fields), 422);
  }
  await refusalsAsErrors(c, () => saveCard({ db, clock, catalogue }, c.var.network, round, parsed.data, actorOf(c)));
  return c.redirect(`/networks/${c.var.network.id}/card/rounds/${round.id}?done=saved`, 303);
});

// POST /networks/:networkId/card/rounds/:roundId/publish
networkCardRoutes.post('/rounds/:roundId/publish', coordinatorOnly, async (c) => {
  const { db, clock, catalogue } = c.var.deps;
  const round = await roundOr404(c);
  await refusalsAsErrors(c, () => publishCard({ db, clock, catalogue }, c.var.network, round, actorOf(c)));
  return c.redirect(`/networks/${c.var.network.id}/card/rounds/${round.id}?done=published`, 303);
});
