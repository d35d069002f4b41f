import type { Child } from 'hono/jsx';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import { commonText } from '../i18n/common.js';

type LayoutProps = {
  lang: Language;
  title: string;
  /** The current path with its query, for the language links. */
  path: string;
  scripts?: string[];
  children: Child;
};

function withLanguage(path: string, lang: Language): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function Layout({ lang, title, path, scripts = [], children }: LayoutProps) {
  const t = commonText(lang);
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.productName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {scripts.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <header class="site-header">
          <a class="brand" href="/">
            {t.productName}
          </a>
          <nav aria-label={t.chooseLanguage} class="language-switch">
            {LANGUAGES.map((code) => (
              <a href={withLanguage(path, code)} hreflang={code} lang={code} aria-current={code === lang ? 'true' : undefined}>
                {commonText(code).languageName}
              </a>
            ))}
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
