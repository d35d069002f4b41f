import type { Language } from '../../db/schema/networks.js';
import type { Session } from '../../accounts/sessions.js';
import { noticeEditorText } from '../../i18n/privacy-notice-editor.js';
import type { NoticeContent } from '../../privacy/notice-content.js';
import { Layout } from '../layout.js';
import { NoticeDocument } from './notice-document.js';

type PageProps = { lang: Language; path: string; session: Session | null };

/** The published notice, for anyone with the link; the site's print rules leave only the text on paper. */
export function NoticePage({ lang, path, session, content }: PageProps & { content: NoticeContent }) {
  return (
    <Layout lang={lang} title={content.title} path={path} session={session}>
      <div class="card narrow">
        <NoticeDocument content={content} />
      </div>
    </Layout>
  );
}

/** An unknown link or a notice not yet published: the same words, so neither tells the other apart. */
export function NoticeNotFoundPage({ lang, path, session }: PageProps) {
  const t = noticeEditorText(lang);
  return (
    <Layout lang={lang} title={t.notFoundTitle} path={path} session={session}>
      <section class="card narrow">
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
      </section>
    </Layout>
  );
}
