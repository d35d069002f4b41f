/**
 * The anonymity threshold that governs a round: fixed when it opened, so that
 * lowering the network's setting later cannot reveal a round closed with fewer
 * answers; a draft follows the network's current setting.
 */
export function roundThreshold(round: { anonymityThreshold: number | null }, network: { anonymityThreshold: number }): number {
  return round.anonymityThreshold ?? network.anonymityThreshold;
}
