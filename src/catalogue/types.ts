import type { Language } from '../db/schema/networks.js';
import { catalogueProblemMessage, type CatalogueProblemCode, type CatalogueProblemParams } from '../i18n/catalogue-problems.js';
import type { Localized } from './measures.js';

export type ScaleChoice = { value: number; text: Localized };
/** The answer scale shared by every scored question of a version. */
export type Scale = { choices: ScaleChoice[]; cannotSay: Localized };

/** What a question is to the platform; each has its module under src/question-kinds. */
export type ItemKind = 'scored' | 'open' | 'segment' | 'multiple' | 'ranking';

/** One choice of a choice question, with its SurveyJS value. */
export type ItemChoice = { value: string | number; text: Localized };

export type CatalogueItem = {
  itemKey: string;
  /** The SurveyJS question name, i.e. the key of the answer in the response data. */
  name: string;
  kind: ItemKind;
  page: string;
  title: Localized;
  /** Whether the questionnaire requires an answer (when no condition decides it). */
  required: boolean;
  /** The rule or strategy area (e.g. "rule:3", "area:goals"); always set on scored items. */
  measure?: string;
  /** The segment key (e.g. "organisationType") of a background question. */
  segment?: string;
  /** The answer values a segment question allows. */
  segmentValues?: string[];
  /** The choices of a multiple-choice or ranking question, in questionnaire order. */
  choices?: ItemChoice[];
  /** At most this many picks (multiple choice) or ranked places (ranking). */
  maxPicks?: number;
  /** The longest text accepted (open question). */
  maxLength?: number;
  /** Whether the question offers SurveyJS's "none" choice ("prefer not to say"). */
  acceptsNone?: boolean;
};

/** Who made a version that is not a shipped file: the network, its own count, and what it was derived from. */
export type VersionOwner = { networkId: number; ownedId: number; ownNumber: number; parentVersion: number | null };

export type QuestionnaireVersion = {
  key: string;
  version: number;
  /** Null for a shipped file under surveys/; a network's own published version otherwise. */
  owner: VersionOwner | null;
  /** The number people read: "2" for a shipped file, "1.3" for a network's third own version, derived from 1. */
  label: string;
  /** The languages the version offers, as it declares them; every text exists in each. */
  languages: Language[];
  /** Path relative to the catalogue folder, e.g. "network-rules/v1.json". */
  file: string;
  hash: string;
  json: Record<string, unknown>;
  title: Localized;
  description: Localized | null;
  /** What this version changed since the one before, when its file says. */
  note?: Localized | null;
  estimatedMinutes: number;
  scale: Scale | null;
  items: CatalogueItem[];
};

/** The versions one can choose from, ordered by key and version. */
export type VersionList = {
  versions: QuestionnaireVersion[];
  find: (key: string, version: number) => QuestionnaireVersion | undefined;
  keys: () => string[];
  versionsOf: (key: string) => QuestionnaireVersion[];
};

/**
 * The shipped files and every network's published versions. Listing shows
 * the shipped files only; a network lists its own with them through
 * forNetwork, so no network ever sees another's. find answers for any
 * version, because a round names exactly the version it used.
 */
export type Catalogue = VersionList & {
  forNetwork: (networkId: number) => VersionList;
  /** Takes in a network's newly published version (or one published by another server process). */
  addOwned: (version: QuestionnaireVersion) => void;
  /** The highest owned-version row taken in, so a reload can fetch only newer ones. */
  lastOwnedId: () => number;
};

/**
 * A questionnaire that the platform cannot use: which file, which question
 * (its SurveyJS name, and its title where it has one) and what is wrong, as a
 * code a person's language can describe. The message is English, for the log.
 */
export class CatalogueError extends Error {
  constructor(
    readonly file: string,
    readonly code: CatalogueProblemCode,
    readonly params: CatalogueProblemParams = {},
    readonly question?: string,
    readonly questionTitle?: Partial<Localized>,
  ) {
    super(`${file}${question ? `, question "${question}"` : ''}: ${catalogueProblemMessage(code, params, 'en')}`);
  }

  /** The problem in English. */
  get problem(): string {
    return catalogueProblemMessage(this.code, this.params, 'en');
  }
}
