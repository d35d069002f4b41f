import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Language } from '../db/schema/networks.js';
import { commonText } from '../i18n/common.js';
import { assetUrl } from '../http/assets.js';

type HtmlDocumentProps = {
  lang: Language;
  title: string;
  scripts?: string[];
  /** Extra stylesheets, linked before the site's own so that app.css can adjust them. */
  styles?: string[];
  /** Keep secret-link pages out of search engines. */
  noindex?: boolean;
  /** The contents of the site header: brand, navigation, language links. */
  header: Child;
  children: Child;
};

/** The frame every page shares: document head, skip link, header and main. */
export function HtmlDocument({ lang, title, scripts = [], styles = [], noindex = false, header, children }: HtmlDocumentProps) {
  const t = commonText(lang);
  // Without a doctype the browser lays the page out in quirks mode.
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          {noindex && <meta name="robots" content="noindex" />}
          <link rel="icon" href="data:," />
          <title>{`${title} · ${t.productName}`}</title>
          {styles.map((href) => (
            <link rel="stylesheet" href={assetUrl(href)} />
          ))}
          <link rel="stylesheet" href="/static/app.css" />
          {scripts.map((src) => (
            <script type="module" src={assetUrl(src)} />
          ))}
        </head>
        <body>
          <a class="skip-link" href="#main">
            {t.skipToContent}
          </a>
          <header class="site-header">{header}</header>
          <main id="main">{children}</main>
          <footer class="site-footer">
            <a href={`/accessibility?lang=${lang}`}>{t.accessibilityStatement}</a>
          </footer>
        </body>
      </html>
    </>
  );
}

/** Links to the same page in each language, the current one marked. */
export function LanguageLinks({ lang, languages, href }: { lang: Language; languages: readonly Language[]; href: (code: Language) => string }) {
  return (
    <nav aria-label={commonText(lang).chooseLanguage} class="language-switch">
      {languages.map((code) => (
        <a href={href(code)} hreflang={code} lang={code} aria-current={code === lang ? 'true' : undefined}>
          {commonText(code).languageName}
        </a>
      ))}
    </nav>
  );
}
