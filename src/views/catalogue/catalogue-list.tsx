import type { Catalogue, QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { catalogueText } from '../../i18n/catalogue.js';
import { fill } from '../../i18n/messages.js';
import { Layout } from '../layout.js';
import { titledMeasureLabel } from '../../i18n/measure-names.js';
import { versionHref } from './version-href.js';

/** The rules and areas a version measures, in the order they first appear. */
function measuresOf(version: QuestionnaireVersion): string[] {
  return [...new Set(version.items.flatMap((item) => (item.kind === 'scored' && item.measure ? [item.measure] : [])))];
}

function VersionSummary({ version, previous, lang }: { version: QuestionnaireVersion; previous: QuestionnaireVersion | undefined; lang: Language }) {
  const t = catalogueText(lang);
  const count = (kind: string) => version.items.filter((item) => item.kind === kind).length;
  const href = versionHref(version);
  return (
    <li class="version" id={`${version.key}-v${version.version}`}>
      <h3>{fill(t.version, { version: version.label })}</h3>
      <dl class="figures">
        <div>
          <dt>{t.scoredItems}</dt>
          <dd>{count('scored')}</dd>
        </div>
        <div>
          <dt>{t.openQuestions}</dt>
          <dd>{count('open')}</dd>
        </div>
        <div>
          <dt>{t.duration}</dt>
          <dd>{fill(t.minutes, { minutes: version.estimatedMinutes })}</dd>
        </div>
      </dl>
      <p class="covers-label">{t.covers}</p>
      <ul class="tags">
        {measuresOf(version).map((id) => (
          <li class="tag">{titledMeasureLabel(id, lang)}</li>
        ))}
      </ul>
      <p class="actions">
        <a class="button" href={`${href}/preview`}>
          {t.preview}
        </a>
        <a class="button button-secondary" href={href}>
          {t.showItems}
        </a>
        {previous && <a href={`${href}#changes`}>{fill(t.changesSince, { previous: previous.label })}</a>}
      </p>
    </li>
  );
}

export function CatalogueListPage({ catalogue, lang, path }: { catalogue: Catalogue; lang: Language; path: string }) {
  const t = catalogueText(lang);
  return (
    <Layout lang={lang} title={t.title} path={path}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      {catalogue.keys().map((key) => {
        const versions = catalogue.versionsOf(key);
        const latest = versions.at(-1)!;
        return (
          <section class="card questionnaire" aria-labelledby={`${key}-title`}>
            <h2 id={`${key}-title`}>{latest.title[lang]}</h2>
            {latest.description && <p>{latest.description[lang]}</p>}
            <ul class="versions">
              {versions
                .map((version, i) => <VersionSummary version={version} previous={versions[i - 1]} lang={lang} />)
                .reverse()}
            </ul>
          </section>
        );
      })}
    </Layout>
  );
}
