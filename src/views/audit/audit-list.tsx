import { describeEvent } from '../../audit/describe.js';
import type { AuditEvent } from '../../audit/read.js';
import type { Language } from '../../db/schema/networks.js';
import { auditText } from '../../i18n/audit.js';
import { formatDateTime } from '../../mail/format-date.js';

/** Events, newest first, as sentences with the Helsinki time they happened; shared by the log and a round's results. */
export function AuditList({ lang, events }: { lang: Language; events: AuditEvent[] }) {
  const t = auditText(lang);
  return (
    <table class="audit-log">
      <thead>
        <tr>
          <th scope="col">{t.when}</th>
          <th scope="col">{t.what}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const { text, lines, linesTitle } = describeEvent(event, lang);
          const list = lines.length > 0 && (
            <ul>
              {lines.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          );
          return (
            <tr>
              <td class="audit-when">{formatDateTime(new Date(event.at), lang)}</td>
              <td>
                {text}
                {linesTitle && list ? (
                  <details>
                    <summary>{linesTitle}</summary>
                    {list}
                  </details>
                ) : (
                  list
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
