import './lib/survey-locales.js';
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import { registerSurveyProperties } from '../catalogue/survey-properties.js';
import type { PreviewTexts } from '../views/catalogue/preview-page.js';
import { readEmbeddedJson } from './lib/embedded-json.js';

registerSurveyProperties();
const texts = readEmbeddedJson<Record<string, PreviewTexts>>('preview-texts');
const survey = new Model(readEmbeddedJson<object>('survey-json'));
// The questionnaire's own closing page says the answers were saved; a preview must not.
survey.showCompletedPage = false;
// Flow with the page instead of scrolling inside a box of its own, which is awkward on a phone.
survey.fitToContainer = false;

const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-locale]')];
const status = document.getElementById('preview-status')!;
const restart = document.getElementById('preview-restart')!;
// The page's language when the version offers it, else the version's first.
let language = document.documentElement.lang in texts ? document.documentElement.lang : Object.keys(texts)[0]!;

function text(key: keyof PreviewTexts): string {
  return texts[language]?.[key] ?? '';
}

/** The survey and the page around it speak one language, so screen readers read both right. */
function setLanguage(next: string): void {
  language = next;
  survey.locale = next;
  document.documentElement.lang = next;
  document.title = text('documentTitle');
  for (const element of document.querySelectorAll<HTMLElement>('[data-text]')) element.textContent = text(element.dataset.text as keyof PreviewTexts);
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.locale === next));
  // The header marks the page's language, which is now this one.
  for (const link of document.querySelectorAll('.language-switch a[hreflang]')) {
    if (link.getAttribute('hreflang') === next) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  if (survey.state === 'completed') status.textContent = text('done');
}

for (const button of buttons) button.addEventListener('click', () => setLanguage(button.dataset.locale!));

// Nothing is sent anywhere: completing only shows the message and offers a fresh start.
survey.onComplete.add(() => {
  status.textContent = text('done');
  restart.hidden = false;
  restart.focus();
});

restart.addEventListener('click', () => {
  survey.clear(true, true);
  status.textContent = '';
  restart.hidden = true;
  // The focused button just disappeared; continue where the questions start.
  survey.focusFirstQuestion();
});

setLanguage(language);
renderSurvey(survey, document.getElementById('survey')!);
