import type { QuestionnaireVersion } from '../../catalogue/types.js';

/** The address of a version's page; its preview is this plus "/preview". */
export function versionHref(version: Pick<QuestionnaireVersion, 'key' | 'version' | 'owner'>): string {
  if (version.owner) return `/networks/${version.owner.networkId}/questionnaires/${version.owner.ownedId}`;
  return `/catalogue/${version.key}/v${version.version}`;
}
