import { Hono } from 'hono';
import { anyNetworkRole, type NetworkEnv } from '../http/network-access.js';
import { fill } from '../i18n/messages.js';
import { processingText } from '../i18n/processing-record.js';
import { formatDateTime } from '../mail/format-date.js';
import { peopleOf } from '../networks/people.js';
import { Layout } from '../views/layout.js';
import { NetworkNav } from '../views/networks/network-nav.js';

/** The record of processing activities, from the network's settings and the service's configuration; mounted at /networks/:networkId/privacy. */
export const processingRecordRoutes = new Hono<NetworkEnv>();
processingRecordRoutes.use('/record', anyNetworkRole);

// GET /networks/:networkId/privacy/record
processingRecordRoutes.get('/record', async (c) => {
  const t = processingText(c.var.lang);
  const { network } = c.var;
  const { db, clock, dataLocations } = c.var.deps;
  const notice = network.privacyNotice;
  const people = await peopleOf(db, network.id);
  const rows: Array<[string, string, string]> = [
    [t.roster, fill(t.rosterKept, { months: network.inactiveMemberRetentionMonths }), t.rosterReaders],
    [t.invitations, fill(t.invitationsKept, { days: network.invitationRetentionDays }), t.invitationsReaders],
    [t.accounts, t.accountsKept, t.accountsReaders],
    [t.log, t.logKept, t.logReaders],
    [t.answers, network.resultRetentionMonths === null ? t.answersKept : fill(t.answersKeptMonths, { months: network.resultRetentionMonths }), fill(t.answersReaders, { k: network.anonymityThreshold })],
  ];
  return c.html(
    <Layout lang={c.var.lang} title={`${t.title} · ${network.name}`} path={c.req.path} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="settings" />
      <article class="card">
        <h1>{t.title}</h1>
        <p>{fill(t.lead, { network: network.name, date: formatDateTime(clock.now(), c.var.lang) })}</p>
        <h2>{t.purposeTitle}</h2>
        <p>{t.purpose}</p>
        <p>{fill(t.controller, { controller: notice?.controller || t.notWritten })}</p>
        <p>{fill(t.contact, { contact: notice?.contactName ? `${notice.contactName}, ${notice.contactEmail}` : t.notWritten })}</p>
        <h2>{t.dataTitle}</h2>
        <div role="region" aria-label={t.dataTitle} tabindex={0} style="overflow-x:auto">
          <table>
            <thead>
              <tr>
                <th scope="col">{t.colData}</th>
                <th scope="col">{t.colKept}</th>
                <th scope="col">{t.colReaders}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([data, kept, readers]) => (
                <tr>
                  <th scope="row">{data}</th>
                  <td>{kept}</td>
                  <td>{readers}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t.techTitle}</h2>
        {dataLocations ? (
          <ul>
            <li>{dataLocations.database === 'embedded' ? t.databaseEmbedded : t.databaseServer}</li>
            <li>{fill(t.backups, { dir: dataLocations.backupDir })}</li>
            <li>{dataLocations.mailRelay ? fill(t.mailRelay, { host: dataLocations.mailRelay }) : t.mailNone}</li>
          </ul>
        ) : (
          <p>{t.unknownLocations}</p>
        )}
        <h2>{t.peopleTitle}</h2>
        <ul>
          {people.map((person) => (
            <li>{`${person.name} (${person.email}), ${t[`role_${person.role}`]}`}</li>
          ))}
        </ul>
      </article>
    </Layout>,
  );
});
