import './lib/survey-locales.js';
import { Model, type SurveyModel } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import { MAX_TEXT_LENGTH } from '../answering/answer-rules.js';
import { registerSurveyProperties } from '../catalogue/survey-properties.js';
import type { Language } from '../db/schema/networks.js';
import { answerPageText, formatDay } from '../i18n/answer-page.js';
import { commonText } from '../i18n/common.js';
import { fill } from '../i18n/messages.js';
import { readEmbeddedJson } from './lib/embedded-json.js';
import { followPages } from './lib/page-progress.js';
import { postAnswers, type AnswerProblem } from './lib/post-answers.js';
import { progressStore, type ProgressStore } from './lib/saved-progress.js';

const pageLang = document.documentElement.lang;
// The server chose among the network's languages; the survey and the messages follow it.
const lang: Language = pageLang === 'sv' || pageLang === 'en' ? pageLang : 'fi';
const t = answerPageText(lang);

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const status = byId('answer-status');
const error = byId('answer-error');
const retry = byId<HTMLButtonElement>('answer-retry');

function showError(message: string): void {
  // Emptied first so that the same message is announced again on a second failure.
  error.textContent = '';
  requestAnimationFrame(() => (error.textContent = message));
}

/** Replaces the intro, the progress and the survey with a final message, and takes the focus there for screen readers. */
function showOutcome(heading: string, lines: string[]): void {
  for (const id of ['answer-intro', 'answer-progress', 'survey']) byId(id).hidden = true;
  status.textContent = '';
  error.textContent = '';
  retry.hidden = true;
  const title = byId('answer-outcome-heading');
  title.textContent = heading;
  byId('answer-outcome-text').textContent = lines[0] ?? '';
  byId('answer-outcome-day').textContent = lines.slice(1).join(' ');
  byId('answer-outcome').hidden = false;
  document.title = `${heading} · ${commonText(lang).productName}`;
  title.focus();
}

/** Puts the server's per-question messages next to the questions and takes the member to the first one. */
function showProblems(survey: SurveyModel, message: string, problems: AnswerProblem[]): void {
  showError(message);
  const questions = problems.flatMap((problem) => {
    const question = problem.question ? survey.getQuestionByName(problem.question) : null;
    question?.addError(problem.message);
    return question ? [question] : [];
  });
  // After the completing event has settled; until then SurveyJS blocks navigation.
  if (questions[0]) setTimeout(() => survey.focusQuestion(questions[0]!.name));
}

const NAVIGATION = '.sd-navigation__prev-btn, .sd-navigation__next-btn';

/**
 * After "next" or "previous" the new page is scrolled into view but the focus would stay on
 * the button at the bottom; a keyboard or screen reader user continues from the new page's
 * heading instead. A focus SurveyJS placed itself (on a question with an error) is left alone.
 */
function keepFocusOnPageChange(survey: SurveyModel): void {
  let changed = false;
  survey.onCurrentPageChanged.add(() => (changed = true));
  survey.onAfterRenderPage.add((_, { htmlElement }) => {
    const title = htmlElement.querySelector<HTMLElement>('.sd-page__title');
    const active = document.activeElement;
    const fromNavigation = !active || active === document.body || active.matches(NAVIGATION);
    if (!changed || !title || !fromNavigation) return;
    changed = false;
    title.tabIndex = -1;
    title.focus();
  });
}

/** Sends the answers; true only when they were stored, which lets SurveyJS complete. */
async function send(survey: SurveyModel, progress: ProgressStore, finish: () => void): Promise<boolean> {
  retry.hidden = true;
  error.textContent = '';
  status.textContent = t.sending;
  const outcome = await postAnswers(`${location.pathname}/submit`, { answers: survey.data, language: lang });
  status.textContent = '';
  switch (outcome.kind) {
    case 'stored':
      finish();
      progress.clear();
      showOutcome(outcome.message, [t.cannotChange, fill(t.answeredOn, { day: formatDay(outcome.day, lang) }), t.closePage]);
      return true;
    case 'refused':
      // Answered in another tab, or the round closed meanwhile: these answers can never be sent.
      finish();
      progress.clear();
      showOutcome(outcome.message, []);
      return false;
    case 'invalid':
      showProblems(survey, outcome.message, outcome.problems);
      return false;
    case 'failed':
      showError(t.sendFailed);
      retry.hidden = false;
      retry.focus();
      return false;
  }
}

async function main(): Promise<void> {
  registerSurveyProperties();
  const progress = await progressStore(location.pathname);
  const survey = new Model(readEmbeddedJson<object>('survey-json'));
  survey.locale = lang;
  // The page's own heading names the questionnaire, and our own message replaces the completed page.
  survey.showTitle = false;
  survey.showCompletedPage = false;
  // Flow with the page instead of scrolling inside a box of its own, which is awkward on a phone.
  survey.fitToContainer = false;
  // The server refuses longer texts; the browser stops them (and shows a counter) first.
  survey.maxTextLength = MAX_TEXT_LENGTH;
  // Saves typed comments keystroke by keystroke, so closing the tab mid-sentence loses nothing.
  survey.textUpdateMode = 'onTyping';
  // Real headings under the page's h1, so a screen reader can move from page to page and question to question.
  survey.onGetTitleTagName.add((_, options) => {
    const type = options.element.getType();
    if (type === 'page') options.tagName = 'h2';
    else if (type !== 'survey') options.tagName = 'h3';
  });

  const saved = progress.load();
  if (saved) {
    survey.data = saved.data;
    if (saved.pageNo > 0 && saved.pageNo < survey.visiblePageCount) survey.currentPageNo = saved.pageNo;
  }
  let finished = false;
  const save = () => {
    if (!finished) progress.save({ data: survey.data, pageNo: survey.currentPageNo });
  };
  survey.onValueChanged.add(save);
  survey.onCurrentPageChanged.add(save);
  keepFocusOnPageChange(survey);
  followPages(survey, (page, count) => fill(t.progress, { page, count }));
  // Nothing leaves the browser before the member presses the survey's complete button.
  survey.onCompleting.add(async (_, options) => {
    options.allow = await send(survey, progress, () => (finished = true));
  });
  retry.addEventListener('click', () => survey.tryComplete());
  renderSurvey(survey, byId('survey'));
}

void main();
