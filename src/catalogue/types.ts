import type { Localized } from './measures.js';

export type ScaleChoice = { value: number; text: Localized };
/** The answer scale shared by every scored question of a version. */
export type Scale = { choices: ScaleChoice[]; cannotSay: Localized };

export type ItemKind = 'scored' | 'open' | 'segment';

export type CatalogueItem = {
  itemKey: string;
  /** The SurveyJS question name, i.e. the key of the answer in the response data. */
  name: string;
  kind: ItemKind;
  page: string;
  title: Localized;
  /** The rule or strategy area (e.g. "rule:3", "area:goals"); always set on scored items. */
  measure?: string;
  /** The segment key (e.g. "organisationType") of a background question. */
  segment?: string;
  /** The answer values a segment question allows. */
  segmentValues?: string[];
};

export type QuestionnaireVersion = {
  key: string;
  version: number;
  /** Path relative to the catalogue folder, e.g. "network-rules/v1.json". */
  file: string;
  hash: string;
  json: Record<string, unknown>;
  title: Localized;
  description: Localized | null;
  estimatedMinutes: number;
  scale: Scale | null;
  items: CatalogueItem[];
};

export type Catalogue = {
  /** Every version, ordered by key and version. */
  versions: QuestionnaireVersion[];
  find: (key: string, version: number) => QuestionnaireVersion | undefined;
  keys: () => string[];
  versionsOf: (key: string) => QuestionnaireVersion[];
};

export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly question?: string,
  ) {
    super(`${file}${question ? `, question "${question}"` : ''}: ${problem}`);
  }
}
