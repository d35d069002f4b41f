import type { SurveyModel } from 'survey-core';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

/**
 * Keeps the page's progress line ("Sivu 3/11") and bar on the survey's current page, a
 * page restored from saved progress included, and shows the intro's welcome on the first
 * page only. `label` words the line in the page's language.
 */
export function followPages(survey: SurveyModel, label: (page: number, count: number) => string): void {
  const box = byId('answer-progress');
  const text = byId('answer-progress-text');
  const bar = byId<HTMLProgressElement>('answer-progress-bar');
  const welcome = byId('answer-welcome');
  const update = () => {
    const page = survey.currentPageNo + 1;
    const count = survey.visiblePageCount;
    text.textContent = label(page, count);
    bar.max = count;
    bar.value = page;
    welcome.hidden = page > 1;
    box.hidden = false;
  };
  survey.onCurrentPageChanged.add(update);
  // A page shown or skipped by a condition changes the count.
  survey.onPageVisibleChanged.add(update);
  update();

  // SurveyJS would bring the new page's own top into view, leaving the progress line above the screen.
  survey.onScrollToTop.add((_, options) => {
    if (options.element.getType() !== 'page') return;
    options.allow = false;
    if (survey.currentPageNo === 0) window.scrollTo({ top: 0 });
    else box.scrollIntoView({ block: 'start' });
  });
}
