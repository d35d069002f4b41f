import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { EmbeddedJson } from '../catalogue/embedded-json.js';
import { AnswerIntro, type IntroFacts } from './answer-intro.js';
import { AnswerLayout } from './answer-layout.js';
import { AnswerAbout } from './answer-about.js';

type OpenPageProps = { lang: Language; languages: readonly Language[]; path: string; facts: IntroFacts; surveyJson: unknown };

/**
 * The answer page: the intro, then the questionnaire rendered in the browser by
 * survey-js-ui from the embedded JSON, then what it is for and who runs it. The progress, status, error and outcome elements
 * are filled by /static/build/answer.js as the member moves through the pages and sends the answers.
 */
export function OpenPage({ lang, languages, path, facts, surveyJson }: OpenPageProps) {
  const t = answerPageText(lang);
  return (
    <AnswerLayout lang={lang} languages={languages} title={facts.title} path={path} styles={['/static/build/survey-core.css']} scripts={['/static/build/answer.js']}>
      <AnswerIntro facts={facts} lang={lang} />
      <noscript>
        <p class="notice">{t.needsJavaScript}</p>
      </noscript>
      {/* Our own rather than SurveyJS's page buttons: a named progressbar with a value, and a line a screen reader announces. */}
      <div id="answer-progress" class="answer-progress" hidden>
        <p id="answer-progress-text" class="answer-progress-text" aria-live="polite"></p>
        <progress id="answer-progress-bar" aria-labelledby="answer-progress-text"></progress>
      </div>
      <div id="survey" class="answer-survey"></div>
      <p id="answer-status" class="answer-status" role="status"></p>
      <p id="answer-error" class="answer-error" role="alert"></p>
      <button type="button" id="answer-retry" class="answer-retry" hidden>
        {t.tryAgain}
      </button>
      <section id="answer-outcome" class="answer-outcome card" aria-labelledby="answer-outcome-heading" hidden>
        <h1 id="answer-outcome-heading" tabindex={-1}></h1>
        <p id="answer-outcome-text"></p>
        <p id="answer-outcome-day"></p>
      </section>
      <AnswerAbout lang={lang} facts={facts} />
      <EmbeddedJson id="survey-json" value={surveyJson} />
    </AnswerLayout>
  );
}
