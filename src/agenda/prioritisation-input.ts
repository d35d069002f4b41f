import type { Localized } from '../catalogue/measures.js';
import type { Language } from '../db/schema/networks.js';
import { fill } from '../i18n/messages.js';
import { prioritisationText } from '../i18n/prioritisation.js';
import { measureProposal, ownProposalValue, type PrioritisationMethod, type Proposal } from './prioritisation.js';

/** Enough to choose from, few enough to read on a phone. */
export const PROPOSALS_MAX = 12;
export const PROPOSAL_TEXT_MAX = 200;

export type ProposalsInput = { proposals: Proposal[]; method: PrioritisationMethod };
type Parsed = { ok: true; data: ProposalsInput } | { ok: false; fields: Record<string, string> };

const lines = (value: unknown) =>
  String(value ?? '')
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
const asList = (value: unknown) => (Array.isArray(value) ? value : value === undefined ? [] : [value]).map(String);

/**
 * The proposals a coordinator puts to the members: the suggested rules or
 * areas they kept (only those suggested), and their own, one per line in
 * each of the network's languages, line n of each being the same proposal.
 */
export function parseProposals(input: Record<string, unknown>, lang: Language, languages: readonly Language[], suggested: readonly string[]): Parsed {
  const t = prioritisationText(lang);
  const fields: Record<string, string> = {};
  const kept = asList(input.proposal).filter((measure) => suggested.includes(measure));
  const own = Object.fromEntries(languages.map((language) => [language, lines(input[`own_${language}`])])) as Partial<Record<Language, string[]>>;
  const counts = new Set(languages.map((language) => own[language]!.length));
  const first = `own_${languages[0]}`;
  if (counts.size > 1) fields[first] = t.ownMismatch;
  const long = languages.find((language) => own[language]!.some((line) => line.length > PROPOSAL_TEXT_MAX));
  if (long) fields[`own_${long}`] = fill(t.ownTooLong, { max: PROPOSAL_TEXT_MAX });
  const method = input.method === 'pick' ? 'pick' : input.method === 'rank' ? 'rank' : null;
  if (!method) fields.method = t.methodInvalid;
  const written = own[languages[0]!]!.map((text, i): Proposal => {
    const texts = Object.fromEntries(languages.map((language) => [language, own[language]![i] ?? text]));
    return { value: ownProposalValue(i + 1), text: { fi: text, sv: text, en: text, ...texts } as Localized };
  });
  const proposals = [...kept.map((measure) => measureProposal(measure)!), ...written];
  if (proposals.length < 2) fields.proposal = t.tooFew;
  if (proposals.length > PROPOSALS_MAX) fields.proposal = fill(t.tooMany, { max: PROPOSALS_MAX });
  return Object.keys(fields).length > 0 || !method ? { ok: false, fields } : { ok: true, data: { proposals, method } };
}
