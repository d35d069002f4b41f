import type { AuditLog } from '../../audit/network-log.js';
import type { Language } from '../../db/schema/networks.js';
import { auditText } from '../../i18n/audit.js';
import { fill } from '../../i18n/messages.js';
import { AuditList } from '../audit/audit-list.js';

/**
 * What changed in the roster shortly before and during the round, and the
 * invitations it sent, so that a padded roster or a redirected address shows
 * next to the figures it could have affected.
 */
export function RoundAuditSection({ lang, networkId, audit }: { lang: Language; networkId: number; audit: AuditLog }) {
  const t = auditText(lang);
  const { log, round } = audit;
  return (
    <section class="card">
      <h2>{t.resultsTitle}</h2>
      {log.total === 0 ? (
        <p>{t.resultsNoChanges}</p>
      ) : (
        <>
          <p>{fill(t.resultsChanges, { count: log.total })}</p>
          <AuditList lang={lang} events={log.events} />
          <p>
            <a href={`/networks/${networkId}/audit?round=${round!.id}`}>{t.resultsMore}</a>
          </p>
        </>
      )}
    </section>
  );
}
