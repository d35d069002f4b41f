import type { FC } from 'hono/jsx';
import type { DraftKind, DraftQuestion } from '../../../catalogue/draft-json.js';
import { editorText } from '../../../i18n/editor.js';
import { ChoiceQuestionForm } from './choice-question-form.js';
import type { FormProps } from './editor-props.js';
import { OpenQuestionForm } from './open-question-form.js';
import { ScoredStatementForm } from './scored-statement-form.js';

type KindFormProps = FormProps & { question: DraftQuestion; measures: string[]; action: string };
type Texts = ReturnType<typeof editorText>;

/**
 * How the editor shows each question kind: its heading, its form, and
 * whether it can move to another rule. Typed over every kind, so a new kind
 * does not compile until it has its editor here.
 */
export const KIND_EDITORS: Record<DraftKind, { heading: (t: Texts) => string; Form: FC<KindFormProps>; movable: boolean }> = {
  scored: { heading: (t) => t.scoredHeading, Form: ScoredStatementForm, movable: true },
  open: { heading: (t) => t.openHeading, Form: OpenQuestionForm, movable: false },
  segment: { heading: (t) => t.backgroundHeading, Form: ChoiceQuestionForm, movable: false },
  multiple: { heading: (t) => t.questionHeading, Form: ChoiceQuestionForm, movable: false },
  ranking: { heading: (t) => t.questionHeading, Form: ChoiceQuestionForm, movable: false },
  other: { heading: (t) => t.questionHeading, Form: ChoiceQuestionForm, movable: false },
};
