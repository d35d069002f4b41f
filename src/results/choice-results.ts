import type { Localized } from '../catalogue/measures.js';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import { kindOf } from '../question-kinds/index.js';
import type { ChoiceFigure } from '../question-kinds/kind.js';
import type { GroupTallies } from './tallies-read.js';

export type ChoiceResult = {
  itemKey: string;
  kind: 'multiple' | 'ranking';
  title: Localized;
  answered: number;
  /** Null when fewer than k answered the question: its counts would tell about those few. */
  choices: Array<ChoiceFigure & { share: number }> | null;
};

/** Each multiple-choice and ranking question of the version, read from one group's tallies; withheld below k. */
export function choiceResults(version: QuestionnaireVersion, group: GroupTallies, k: number): ChoiceResult[] {
  const count = (itemKey: string, value: number) => group.items.get(itemKey)?.get(value) ?? 0;
  return version.items.flatMap((item) => {
    const figures = kindOf(item).choiceFigures?.(item, count);
    if (!figures || (item.kind !== 'multiple' && item.kind !== 'ranking')) return [];
    const { answered, choices } = figures;
    const shown = answered >= k ? choices.map((choice) => ({ ...choice, share: choice.picks / answered })) : null;
    return [{ itemKey: item.itemKey, kind: item.kind, title: item.title, answered, choices: shown }];
  });
}
