/**
 * The anonymity threshold that governs a round: fixed when it opened, so that
 * lowering the network's setting later cannot reveal a round closed with fewer
 * answers; a draft follows the network's current setting.
 */
export function roundThreshold(round: { anonymityThreshold: number | null }, network: { anonymityThreshold: number }): number {
  return round.anonymityThreshold ?? network.anonymityThreshold;
}

type OpenAnswerThresholds = { anonymityThreshold: number | null; openAnswerThreshold: number | null };

/**
 * How many must have written an answer to a question before its open answers
 * are shown: fixed when the round opened, like k, and never below the round's k.
 */
export function roundOpenAnswerThreshold(round: OpenAnswerThresholds, network: { anonymityThreshold: number; openAnswerThreshold: number }): number {
  return Math.max(round.openAnswerThreshold ?? network.openAnswerThreshold, roundThreshold(round, network));
}
