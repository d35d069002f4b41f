import type { Child } from 'hono/jsx';
import { LANGUAGES, type Language } from '../db/schema/networks.js';
import type { Session } from '../accounts/sessions.js';
import { authText } from '../i18n/auth.js';
import { commonText } from '../i18n/common.js';
import { HtmlDocument, LanguageLinks } from './html-document.js';
import { catalogueText } from '../i18n/catalogue.js';
import { privacyText } from '../i18n/privacy.js';

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
  // Prefixed, not resolved against a base: a path like //[/ would be read as a host.
  const url = new URL(`http://x${path}`);
  url.searchParams.set('lang', lang);
  return `${url.pathname}${url.search}`;
}

export function Layout({ lang, title, path, scripts = [], styles = [], session = null, children }: LayoutProps) {
  const t = commonText(lang);
  const header = (
    <>
      <a class="brand" href="/">
        {t.productName}
      </a>
      {session && (
        <nav aria-label={t.mainNavigation} class="user-nav">
          <a href="/networks">{t.networks}</a>
          <a href="/catalogue">{catalogueText(lang).title}</a>
          <a href="/account">{authText(lang).account}</a>
          {session.user.isAdmin && <a href="/admin">{privacyText(lang).adminNav}</a>}
          <form method="post" action="/logout" class="inline">
            <input type="hidden" name="_csrf" value={session.csrfToken} />
            <button type="submit" class="link-button">
              {authText(lang).signOut}
            </button>
          </form>
        </nav>
      )}
      {!session && !path.startsWith('/login') && (
        <nav aria-label={t.mainNavigation} class="user-nav">
          <a href="/login">{authText(lang).signIn}</a>
        </nav>
      )}
      <LanguageLinks lang={lang} languages={LANGUAGES} href={(code) => withLanguage(path, code)} />
    </>
  );
  return (
    <HtmlDocument lang={lang} title={title} scripts={scripts} styles={styles} header={header}>
      {children}
    </HtmlDocument>
  );
}
