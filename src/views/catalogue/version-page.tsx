import type { VersionDiff } from '../../catalogue/diff.js';
import type { CatalogueItem, QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { catalogueText } from '../../i18n/catalogue.js';
import { fill } from '../../i18n/messages.js';
import type { Child } from 'hono/jsx';
import type { Session } from '../../accounts/sessions.js';
import { Layout } from '../layout.js';
import { ItemSummary } from './item-label.js';
import { versionHref } from './version-href.js';
import { VersionDiffSection } from './version-diff.js';

type Page = { name: string; title: string; items: CatalogueItem[] };

/** A page title from the raw SurveyJS JSON: a localized object, a plain string, or nothing (then the page name). */
function pageTitle(json: Record<string, unknown>, name: string, lang: Language): string {
  const pages = Array.isArray(json.pages) ? (json.pages as Array<{ name?: unknown; title?: unknown }>) : [];
  const title = pages.find((page) => page.name === name)?.title;
  if (typeof title === 'string') return title;
  if (title && typeof title === 'object') {
    const text = (title as Record<string, unknown>)[lang] ?? (title as Record<string, unknown>).default;
    if (typeof text === 'string') return text;
  }
  return name;
}

function pagesOf(version: QuestionnaireVersion, lang: Language): Page[] {
  const pages = new Map<string, Page>();
  for (const item of version.items) {
    const page = pages.get(item.page) ?? { name: item.page, title: pageTitle(version.json, item.page, lang), items: [] };
    page.items.push(item);
    pages.set(item.page, page);
  }
  return [...pages.values()];
}

type VersionPageProps = {
  version: QuestionnaireVersion;
  /** Set from version 2 on: the version before this one and the difference. */
  changes: { previous: QuestionnaireVersion; diff: VersionDiff } | undefined;
  lang: Language;
  path: string;
  /** A network's own version is reached from the network's questionnaires, and may be a draft. */
  back?: { href: string; label: string };
  heading?: string;
  session?: Session | null;
  /** What one can do with it: publish, export, … */
  actions?: Child;
};

export function VersionPage({ version, changes, lang, path, back = { href: '/catalogue', label: catalogueText(lang).allQuestionnaires }, heading, session = null, actions }: VersionPageProps) {
  const t = catalogueText(lang);
  const name = heading ?? fill(t.version, { version: version.label });
  return (
    <Layout lang={lang} title={`${version.title[lang]} · ${name}`} path={path} session={session}>
      <p class="breadcrumb">
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{version.title[lang]}</h1>
      <p class="lead">
        {name} · {fill(t.minutes, { minutes: version.estimatedMinutes })}
      </p>
      {actions}
      {version.description && <p>{version.description[lang]}</p>}
      <p class="actions">
        <a class="button" href={`${versionHref(version)}/preview`}>
          {t.previewVersion}
        </a>
      </p>
      {changes && <VersionDiffSection diff={changes.diff} previous={changes.previous} note={version.owner ? null : version.note} lang={lang} />}
      <h2>{t.itemsHeading}</h2>
      {pagesOf(version, lang).map((page) => (
        <section class="card" aria-labelledby={`page-${page.name}`}>
          <h3 id={`page-${page.name}`}>{page.title}</h3>
          <ol class="item-list">
            {page.items.map((item) => (
              <li id={`item-${item.itemKey}`}>
                <ItemSummary item={item} lang={lang} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Layout>
  );
}
