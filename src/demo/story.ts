import { settings } from 'survey-core';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { OrganisationType } from '../db/schema/members.js';
import { REFLECTION_COMMENTS, RULE_COMMENTS, type Lines } from './comments.js';
import type { Random } from './random.js';
import type { DemoPerson } from './roster.js';

/** The mean opinion of each rule or area in each wave of rounds: the story the trend charts tell. */
const LEVELS: Record<string, number[]> = {
  'rule:1': [3.5, 3.6, 3.7],
  'rule:2': [3.8, 3.8, 3.9],
  // The project funding ended after the first round.
  'rule:3': [3.5, 3.1, 2.7],
  'rule:4': [3.3, 3.4, 3.5],
  'rule:5': [4.1, 4.0, 4.1],
  'rule:6': [3.1, 3.3, 3.6],
  // The renewal agenda after the first round started a monthly newsletter and regular open meetings.
  'rule:7': [2.8, 3.3, 3.8],
  'rule:8': [3.6, 3.7, 3.8],
  'rule:9': [3.2, 3.6, 4.0],
  // Nobody has taken on documentation: the persistent weak spot.
  'rule:10': [2.6, 2.5, 2.6],
  'area:actors': [3.9],
  'area:goals': [3.5],
  'area:cooperation': [3.6],
  'area:organisation': [3.0],
  'area:leadership': [3.4],
  'area:evaluation': [2.8],
};
const DEFAULT_LEVEL = 3.5;

/** Some groups see some rules differently, so that segment breakdowns have something to show. */
const SEGMENT_EFFECTS: Partial<Record<OrganisationType, Record<string, number>>> = {
  early_childhood: { 'rule:7': -0.4, 'rule:8': -0.3 },
  vocational: { 'rule:4': -0.4, 'rule:8': 0.3 },
  municipal_administration: { 'rule:3': 0.5, 'rule:4': 0.4 },
};

const RESPONDENT_SD = 0.45;
const ITEM_SD = 0.7;
const ITEM_BIAS_SD = 0.25;
const CANNOT_SAY_SHARE = 0.05;
const SEGMENT_ANSWER_SHARE = 0.9;
const RULE_COMMENT_SHARE = 0.2;
const REFLECTION_SHARE = 0.3;

/** Per item, fixed for a questionnaire, so some statements of a rule run a little higher than others in every round. */
export function itemBiases(version: QuestionnaireVersion, random: Random): Map<string, number> {
  return new Map(version.items.map((item) => [item.itemKey, random.normal(0, ITEM_BIAS_SD)]));
}

function opinionOf(person: DemoPerson, measure: string, wave: number): number {
  const levels = LEVELS[measure];
  const level = levels?.[Math.min(wave, levels.length - 1)] ?? DEFAULT_LEVEL;
  return level + (SEGMENT_EFFECTS[person.organisation.type]?.[measure] ?? 0);
}

function segmentAnswer(person: DemoPerson, segment: string | undefined): string | undefined {
  if (segment === 'organisationType') return person.organisation.type;
  if (segment === 'role') return person.role;
  return undefined;
}

function line(lines: Lines | undefined, person: DemoPerson, random: Random): string | undefined {
  const options = lines?.[person.organisation.language] ?? [];
  return options.length > 0 ? random.pick(options) : undefined;
}

/** One person's SurveyJS data for a questionnaire in a given wave (0 for the first round of its kind). */
export function answerAs(person: DemoPerson, version: QuestionnaireVersion, wave: number, biases: Map<string, number>, random: Random): Record<string, unknown> {
  const max = version.scale?.choices.length ?? 5;
  const respondent = random.normal(0, RESPONDENT_SD);
  const answers: Record<string, unknown> = {};
  for (const item of version.items) {
    let answer: unknown;
    if (item.kind === 'segment') {
      const value = segmentAnswer(person, item.segment);
      if (value && item.segmentValues?.includes(value) && random.chance(SEGMENT_ANSWER_SHARE)) answer = value;
    } else if (item.kind === 'scored' && item.measure) {
      const mean = opinionOf(person, item.measure, wave) + respondent + (biases.get(item.itemKey) ?? 0);
      answer = random.chance(CANNOT_SAY_SHARE) ? settings.noneItemValue : Math.min(max, Math.max(1, Math.round(random.normal(mean, ITEM_SD))));
    } else if (item.measure && random.chance(RULE_COMMENT_SHARE)) {
      const bank = RULE_COMMENTS[item.measure];
      const opinion = opinionOf(person, item.measure, wave) + respondent;
      const weak = opinion < 3.2 || (opinion <= 3.8 && random.chance(0.5));
      answer = line(weak ? bank?.weak : bank?.strong, person, random);
    } else if (!item.measure && random.chance(REFLECTION_SHARE)) {
      answer = line(REFLECTION_COMMENTS[item.itemKey], person, random);
    }
    if (answer !== undefined) answers[item.name] = answer;
  }
  return answers;
}
