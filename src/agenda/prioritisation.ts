import { eq } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { findMeasure, measureLabel, type Localized } from '../catalogue/measures.js';
import { createDraft, publishDraft } from '../catalogue/owned-versions.js';
import type { Catalogue, ItemChoice, QuestionnaireVersion } from '../catalogue/types.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/client.js';
import { LANGUAGES, rounds, type Language } from '../db/schema/index.js';
import type { RoundInput } from '../rounds/round-input.js';
import { createRound, type Round } from '../rounds/rounds.js';

/** The shipped questionnaire a prioritisation round is made from: its wording, with the round's proposals as the choices. */
export const PRIORITIES_KEY = 'network-priorities';
/** How many proposals each member picks or ranks, at most. */
export const PICKS = 3;

export type PrioritisationMethod = 'rank' | 'pick';
/** A proposal to put to the members: a rule or area the results point to, or the coordinator's own wording. */
export type Proposal = ItemChoice & { value: string };

/** "3. Resources, schedules and tools" for a rule, an area by its name: as the proposal reads in each language. */
export function measureProposal(measure: string): Proposal | null {
  const meta = findMeasure(measure);
  if (!meta) return null;
  const text = Object.fromEntries(LANGUAGES.map((lang) => [lang, measureLabel(measure, lang)])) as Localized;
  return { value: measure, text };
}

/** The value of the coordinator's n-th own proposal; never a rule's or an area's id. */
export const ownProposalValue = (n: number) => `own-${n}`;

export const latestTemplate = (catalogue: Catalogue): QuestionnaireVersion => catalogue.versionsOf(PRIORITIES_KEY).filter((v) => v.owner === null).at(-1)!;

type Json = { languages?: Language[]; pages: Array<{ elements: Array<Record<string, unknown>> }> };

/**
 * The template's JSON in the network's languages with the proposals as the
 * choices: ranked (the most important first) or picked, at most PICKS of
 * them. `pickTitle` words the question for picking, which the template,
 * written for ranking, does not.
 */
export function prioritisationJson(template: QuestionnaireVersion, proposals: Proposal[], method: PrioritisationMethod, languages: readonly Language[], pickTitle: Localized): Record<string, unknown> {
  const json = structuredClone(template.json) as unknown as Json;
  const offered = template.languages.filter((lang) => languages.includes(lang));
  json.languages = offered.length > 0 ? offered : [template.languages[0]!];
  const question = json.pages.flatMap((page) => page.elements).find((element) => element.type === 'ranking')!;
  question.choices = proposals.map(({ value, text }) => ({ value, text: Object.fromEntries(json.languages!.map((lang) => [lang, text[lang]])) }));
  question.maxSelectedChoices = Math.min(PICKS, proposals.length);
  if (method === 'pick') {
    question.type = 'checkbox';
    delete question.selectToRankEnabled;
    question.title = Object.fromEntries(json.languages.map((lang) => [lang, pickTitle[lang]]));
  }
  return json as unknown as Record<string, unknown>;
}

export type PrioritisationInput = { proposals: Proposal[]; method: PrioritisationMethod; pickTitle: Localized; round: RoundInput };

/**
 * A prioritisation round for the agenda of `agendaRound`: a version of the
 * template with these proposals, published as the network's own (so it is
 * immutable and exported like any), and a draft round on it that opens like
 * any round, through the same single-use links and with the same threshold.
 */
export async function createPrioritisation(deps: { db: Db; clock: Clock; catalogue: Catalogue }, networkId: number, networkLanguages: readonly Language[], agendaRound: Round, input: PrioritisationInput, actor: NonNullable<Actor>): Promise<Round> {
  const { db, clock, catalogue } = deps;
  const template = latestTemplate(catalogue);
  const json = prioritisationJson(template, input.proposals, input.method, networkLanguages, input.pickTitle);
  const draft = await createDraft(db, clock, networkId, actor.userId, { key: PRIORITIES_KEY, parentVersion: template.version, json });
  const version = await publishDraft(db, clock, catalogue, draft, actor);
  const round = await createRound(db, clock, networkId, { ...input.round, questionnaireKey: PRIORITIES_KEY, questionnaireVersion: version.version });
  const [linked] = await db.update(rounds).set({ agendaRoundId: agendaRound.id }).where(eq(rounds.id, round.id)).returning();
  return linked!;
}
