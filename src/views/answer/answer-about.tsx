import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { fill } from '../../i18n/messages.js';
import type { IntroFacts } from './answer-intro.js';

/**
 * What the questionnaire is for, who runs it and what is stored about the member, under the questions: there when the member
 * wants to know whom to ask, without standing between them and the first question.
 */
export function AnswerAbout({ lang, facts }: { lang: Language; facts: IntroFacts }) {
  const t = answerPageText(lang);
  const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(facts.coordinators);
  return (
    <footer id="answer-about" class="answer-about">
      {facts.description && <p>{facts.description}</p>}
      <p>
        {fill(t.organiser, { network: facts.networkName })}
        {facts.coordinators.length > 0 && ` ${fill(facts.coordinators.length > 1 ? t.coordinatedByMany : t.coordinatedBy, { names })}`}
      </p>
      <p id="answer-stored">
        {t.storedAboutYou}
        {facts.privacyNotice && (
          <>
            {' '}
            <a href={facts.privacyNotice}>{t.noticeLink}</a>
          </>
        )}
      </p>
    </footer>
  );
}
