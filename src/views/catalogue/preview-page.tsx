import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { catalogueText } from '../../i18n/catalogue.js';
import { commonText } from '../../i18n/common.js';
import { fill } from '../../i18n/messages.js';
import { Layout } from '../layout.js';
import { EmbeddedJson } from './embedded-json.js';
import { versionHref } from './version-href.js';

/** The page's own texts in every language, so switching the survey language switches them too. */
function previewTexts(version: QuestionnaireVersion, lang: Language) {
  const t = catalogueText(lang);
  const title = fill(t.previewTitle, { title: version.title[lang], version: version.label });
  return {
    title,
    // The questionnaire's own title follows right below, rendered by SurveyJS as members will see it.
    heading: fill(t.previewHeading, { version: version.label }),
    documentTitle: `${title} · ${commonText(lang).productName}`,
    banner: t.previewBanner,
    surveyLanguage: t.surveyLanguage,
    done: t.previewDone,
    restart: t.restart,
    backToItems: t.backToItems,
  };
}

export type PreviewTexts = ReturnType<typeof previewTexts>;

export function PreviewPage({ version, lang, path }: { version: QuestionnaireVersion; lang: Language; path: string }) {
  // Only the languages the version declares: it has no texts in the others.
  const offered = version.languages;
  const shown = offered.includes(lang) ? lang : offered[0]!;
  const t = previewTexts(version, shown);
  const texts = Object.fromEntries(offered.map((code) => [code, previewTexts(version, code)]));
  return (
    <Layout lang={lang} title={t.title} path={path} styles={['/static/build/survey-core.css']} scripts={['/static/build/preview.js']}>
      <p class="breadcrumb">
        <a href={versionHref(version)} data-text="backToItems">
          {t.backToItems}
        </a>
      </p>
      <h1 data-text="heading">{t.heading}</h1>
      <p class="notice preview-banner" data-text="banner">
        {t.banner}
      </p>
      <div class="survey-language" role="group" aria-labelledby="survey-language-label">
        <span id="survey-language-label" data-text="surveyLanguage">
          {t.surveyLanguage}
        </span>
        {offered.map((code) => (
          <button type="button" class="button-secondary" data-locale={code} lang={code} aria-pressed={code === shown ? 'true' : 'false'}>
            {commonText(code).languageName}
          </button>
        ))}
      </div>
      <p id="preview-status" class="preview-status notice-ok" role="status"></p>
      <button type="button" id="preview-restart" class="preview-restart" data-text="restart" hidden>
        {t.restart}
      </button>
      <noscript>
        <p class="notice">{catalogueText(lang).needsJavaScript}</p>
      </noscript>
      <div id="survey" class="preview-survey"></div>
      <EmbeddedJson id="survey-json" value={version.json} />
      <EmbeddedJson id="preview-texts" value={texts} />
    </Layout>
  );
}
