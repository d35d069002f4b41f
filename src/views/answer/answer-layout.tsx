import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';
import { commonText } from '../../i18n/common.js';
import { HtmlDocument, LanguageLinks } from '../html-document.js';

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
  const header = (
    <>
      <span class="brand answer-brand">{commonText(lang).productName}</span>
      {languages.length > 1 && <LanguageLinks lang={lang} languages={languages} href={(code) => `${path}?lang=${code}`} />}
    </>
  );
  return (
    <HtmlDocument lang={lang} title={title} scripts={scripts} styles={styles} noindex header={header}>
      {children}
    </HtmlDocument>
  );
}
