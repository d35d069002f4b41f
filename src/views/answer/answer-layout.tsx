import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';
import { commonText } from '../../i18n/common.js';

type AnswerLayoutProps = {
  lang: Language;
  /** Only these are offered: a member is never sent to a language the network does not use. */
  languages: readonly Language[];
  title: string;
  /** The link's path, without its query, for the language links. */
  path: string;
  scripts?: string[];
  styles?: string[];
  children: Child;
};

/**
 * The frame of every answer-link page. Unlike the site layout it has no way into the
 * rest of the site and offers only the network's languages; search engines are told to
 * keep these secret-link pages out of their index.
 */
export function AnswerLayout({ lang, languages, title, path, scripts = [], styles = [], children }: AnswerLayoutProps) {
  const t = commonText(lang);
  // Without a doctype the browser lays the page out in quirks mode.
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="robots" content="noindex" />
          <link rel="icon" href="data:," />
          <title>{`${title} · ${t.productName}`}</title>
          {styles.map((href) => (
            <link rel="stylesheet" href={href} />
          ))}
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
            <span class="brand">{t.productName}</span>
            {languages.length > 1 && (
              <nav aria-label={t.chooseLanguage} class="language-switch">
                {languages.map((code) => (
                  <a href={`${path}?lang=${code}`} hreflang={code} lang={code} aria-current={code === lang ? 'true' : undefined}>
                    {commonText(code).languageName}
                  </a>
                ))}
              </nav>
            )}
          </header>
          <main id="main">{children}</main>
        </body>
      </html>
    </>
  );
}
