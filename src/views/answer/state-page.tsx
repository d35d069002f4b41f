import type { LinkState } from '../../answering/invitation-state.js';
import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { AnswerLayout } from './answer-layout.js';

export type StateCopy = {
  state: Exclude<LinkState, 'open'>;
  /** "Network · questionnaire": only for a known link, so an unknown one names nothing. */
  context?: string;
  paragraphs: string[];
};

const TITLE = { not_open: 'notOpenTitle', answered: 'answeredTitle', closed: 'closedTitle', unknown: 'unknownTitle' } as const;

/** A link that cannot be answered now: what it is and what the member can do, in the member's language. */
export function StatePage({ lang, languages, path, copy }: { lang: Language; languages: readonly Language[]; path: string; copy: StateCopy }) {
  const title = answerPageText(lang)[TITLE[copy.state]];
  return (
    <AnswerLayout lang={lang} languages={languages} title={title} path={path}>
      <section class={`card narrow answer-state answer-state-${copy.state.replace('_', '-')}`} aria-labelledby="state-heading">
        {copy.context && <p class="answer-context">{copy.context}</p>}
        <h1 id="state-heading">{title}</h1>
        {copy.paragraphs.map((text) => (
          <p>{text}</p>
        ))}
      </section>
    </AnswerLayout>
  );
}
