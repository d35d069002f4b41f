import { MAX_TEXT_LENGTH } from '../../answering/answer-rules.js';
import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { fill } from '../../i18n/messages.js';

/** How the answer stays anonymous, folded into one line so that it is reachable on every page without pushing the questions down. */
export function AnswerAnonymity({ lang, threshold }: { lang: Language; threshold: number }) {
  const t = answerPageText(lang);
  return (
    <details id="answer-anonymity" class="answer-anonymity">
      <summary>{t.anonymityMore}</summary>
      <ul>
        <li>{t.anonymityStored}</li>
        <li>{fill(t.anonymitySummaries, { k: threshold })}</li>
        <li>{t.anonymityComments}</li>
        <li>{fill(t.anonymityNames, { max: MAX_TEXT_LENGTH })}</li>
        <li>{t.draftKept}</li>
      </ul>
    </details>
  );
}
