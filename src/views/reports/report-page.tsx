import type { Child } from 'hono/jsx';
import type { Session } from '../../accounts/sessions.js';
import type { Language } from '../../db/schema/networks.js';
import { reportText } from '../../i18n/reports.js';
import { Layout } from '../layout.js';

type Props = { lang: Language; title: string; path: string; session: Session | null; back?: { href: string; label: string } | undefined; children: Child };

/** The frame of the report: no network navigation, since a leader with a link has no account to navigate. */
export function ReportPage({ lang, title, path, session, back, children }: Props) {
  return (
    <Layout lang={lang} title={`${reportText(lang).reportTitle} · ${title}`} path={path} session={session} scripts={['/static/build/report.js']}>
      {back && (
        <p class="breadcrumb">
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      {children}
    </Layout>
  );
}

/** An expired, revoked or unknown link: why, and whom to ask, with no figure of the network. */
export function UnavailablePage({ lang, path, state }: { lang: Language; path: string; state: 'expired' | 'revoked' | 'unknown' }) {
  const t = reportText(lang);
  return (
    <Layout lang={lang} title={t.unavailableTitle} path={path}>
      <section class="notice report-unavailable">
        <h1>{t.unavailableTitle}</h1>
        <p>{t[state]}</p>
        <p>{t.askForNew}</p>
      </section>
    </Layout>
  );
}
