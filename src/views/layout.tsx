import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import type { Session } from '../accounts/sessions.js';
import { authText } from '../i18n/auth.js';
import { commonText } from '../i18n/common.js';

type LayoutProps = {
  lang: Language;
  title: string;
  /** The current path with its query, for the language links. */
  path: string;
  scripts?: string[];
  /** Extra stylesheets, linked before the site's own so that app.css can adjust them. */
  styles?: string[];
  /** The signed-in user, whose navigation and sign-out button the header then shows. */
  session?: Session | null;
  children: Child;
};

function withLanguage(path: string, lang: Language): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function Layout({ lang, title, path, scripts = [], styles = [], session = null, children }: LayoutProps) {
  const t = commonText(lang);
  // Without a doctype the browser lays the page out in quirks mode.
  return (
    <>
      {raw('<!DOCTYPE html>')}
      <html lang={lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
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
            <a class="brand" href="/">
              {t.productName}
            </a>
            {session && (
              <nav aria-label={t.mainNavigation} class="user-nav">
                <a href="/networks">{t.networks}</a>
                <a href="/account">{authText(lang).account}</a>
                <form method="post" action="/logout" class="inline">
                  <input type="hidden" name="_csrf" value={session.csrfToken} />
                  <button type="submit" class="link-button">
                    {authText(lang).signOut}
                  </button>
                </form>
              </nav>
            )}
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
    </>
  );
}
