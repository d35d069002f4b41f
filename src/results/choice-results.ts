import type { Localized } from '../catalogue/measures.js';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { kindOf } from '../question-kinds/index.js';
import type { ChoiceFigure } from '../question-kinds/kind.js';
import type { Interval } from './statistics.js';
import type { GroupTallies } from './tallies-read.js';
import { wilsonInterval } from './wilson.js';

/** A choice's figures: the share of those who answered who chose (or ranked) it, its 95 % Wilson interval, and whether a neighbour in the order is too close to tell apart. */
export type ChoiceShare = ChoiceFigure & { share: number; interval: Interval; tooClose: boolean };

export type ChoiceResult = {
  itemKey: string;
  kind: 'multiple' | 'ranking';
  title: Localized;
  answered: number;
  /** Most chosen first (a ranking: then by average place); null when fewer than k answered the question: its counts would tell about those few. */
  choices: ChoiceShare[] | null;
};

const overlap = (a: Interval, b: Interval) => a.low <= b.high && b.low <= a.high;

/** Choices in order of support; next to one whose interval overlaps its own, the order between them is noise as much as choice. */
function ordered(choices: ChoiceFigure[], answered: number): ChoiceShare[] {
  const shares = choices
    .map((choice) => ({ ...choice, share: choice.picks / answered, interval: wilsonInterval(choice.picks, answered)!, tooClose: false }))
    .sort((a, b) => b.picks - a.picks || (a.meanPlace ?? Infinity) - (b.meanPlace ?? Infinity));
  shares.forEach((choice, i) => {
    const next = shares[i + 1];
    if (next && overlap(choice.interval, next.interval)) choice.tooClose = next.tooClose = true;
  });
  return shares;
}

/** Each multiple-choice and ranking question of the version, read from one group's tallies; withheld below k. */
export function choiceResults(version: QuestionnaireVersion, group: GroupTallies, k: number): ChoiceResult[] {
  const count = (itemKey: string, value: number) => group.items.get(itemKey)?.get(value) ?? 0;
  return version.items.flatMap((item) => {
    const figures = kindOf(item).choiceFigures?.(item, count);
    if (!figures || (item.kind !== 'multiple' && item.kind !== 'ranking')) return [];
    const { answered, choices } = figures;
    return [{ itemKey: item.itemKey, kind: item.kind, title: item.title, answered, choices: answered >= k ? ordered(choices, answered) : null }];
  });
}
