import { deserialize, serialize } from 'node:v8';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { open, seal, sealingKey, type SealingKey } from '../crypto/sealing.js';
import { kindOf } from '../question-kinds/index.js';

/*
 * A response is sealed from its acknowledgement until its round closes. Every
 * sealed response of a questionnaire version has the same length, the longest
 * any valid answer can take, so that a sealed row written at a known moment
 * cannot be matched by its size with the plaintext response it becomes.
 * v8's serialisation is used because its worst case is tight and computable:
 * at most two bytes per character of text.
 */

export type SealedAnswers = Record<string, unknown>;

const MARGIN_BYTES = 16;

/** The largest serialisation any valid answer to this version can have: each question at its longest value. */
function worstCaseAnswers(version: QuestionnaireVersion): SealedAnswers {
  return Object.fromEntries(version.items.map((item) => [item.name, kindOf(item).worstAnswer(item, version)]));
}

const paddedLengths = new WeakMap<QuestionnaireVersion, number>();

export function sealedPaddedLength(version: QuestionnaireVersion): number {
  let length = paddedLengths.get(version);
  if (length === undefined) paddedLengths.set(version, (length = serialize(worstCaseAnswers(version)).length + MARGIN_BYTES));
  return length;
}

export const responseSealingKey = (secretKey: string): SealingKey => sealingKey(secretKey, 'responses');

const contextOf = (roundId: number) => `round:${roundId}`;

export function sealAnswers(key: SealingKey, roundId: number, version: QuestionnaireVersion, answers: SealedAnswers): Buffer {
  return seal(key, serialize(answers), sealedPaddedLength(version), contextOf(roundId));
}

export function openAnswers(key: SealingKey, roundId: number, sealed: Uint8Array): SealedAnswers {
  return deserialize(open(key, sealed, contextOf(roundId))) as SealedAnswers;
}
