import type { Context } from 'hono';
import type { Dashboard } from '../../dashboard/dashboard.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { dashboardText } from '../../i18n/dashboard.js';
import { fill } from '../../i18n/messages.js';
import { networkText } from '../../i18n/networks.js';
import { roundText } from '../../i18n/rounds.js';
import { formatDateTime } from '../../mail/format-date.js';
import { closedOn } from '../../rounds/closing-instant.js';
import { Layout } from '../layout.js';
import { formats } from '../results/format.js';
import { measureLabel } from '../results/labels.js';
import { Scroll } from '../rounds/rounds-shell.js';
import { NetworkNav } from './network-nav.js';
import { RateChart, rateSpec } from './rate-chart.js';

type Props = { c: Context<NetworkEnv>; dashboard: Dashboard };
type PartProps = { lang: Language; networkId: number; dashboard: Dashboard };

/** linked: coordinators reach each round's page from its row; leaders have no round pages. */
function Rounds({ lang, networkId, linked, dashboard }: PartProps & { linked: boolean }) {
  const t = dashboardText(lang);
  const r = roundText(lang);
  const f = formats(lang);
  const base = `/networks/${networkId}/rounds`;
  if (dashboard.rounds.length === 0) return <p>{t.noRounds}</p>;
  return (
    <Scroll label={t.roundsTitle}>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.colRound}</th>
            <th scope="col">{t.colPeriod}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colAnswered}</th>
            <th scope="col">{t.colRate}</th>
          </tr>
        </thead>
        <tbody>
          {dashboard.rounds.map(({ round, progress }) => (
            <tr>
              <th scope="row">{linked ? <a href={`${base}/${round.id}`}>{round.title}</a> : round.title}</th>
              <td>{fill(t.period, { from: f.date(round.openedAt ?? round.opensAt), to: f.date(closedOn(round)) })}</td>
              <td>{r[`status_${round.status}`]}</td>
              <td>{`${progress.answered} / ${progress.invited}`}</td>
              <td>{progress.responseRate === null ? '–' : f.percent(progress.responseRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Scroll>
  );
}

function Latest({ lang, networkId, dashboard }: PartProps) {
  const t = dashboardText(lang);
  const f = formats(lang);
  const latest = dashboard.latest;
  if (!latest) return <p>{t.noLatest}</p>;
  const shown = latest.measures.filter((m) => m.figures?.mean != null).sort((a, b) => b.figures!.mean! - a.figures!.mean!);
  const [strongest, weakest] = [shown[0], shown.at(-1)];
  return (
    <>
      <p>{fill(t.latestLead, { title: latest.round.title, date: f.date(latest.round.closesAt), n: latest.responses })}</p>
      {latest.withheld ? (
        <p class="notice">{latest.round.resultsErasedAt ? fill(t.latestErased, { date: f.date(latest.round.resultsErasedAt) }) : fill(t.latestWithheld, { k: latest.threshold })}</p>
      ) : (
        strongest &&
        weakest && (
          <ul>
            <li>{fill(t.strongest, { name: measureLabel(strongest.measure, lang), mean: f.number(strongest.figures!.mean!) })}</li>
            <li>{fill(t.weakest, { name: measureLabel(weakest.measure, lang), mean: f.number(weakest.figures!.mean!) })}</li>
          </ul>
        )
      )}
      <p>
        <a href={`/networks/${networkId}/results/rounds/${latest.round.id}`}>{t.openResults}</a>
      </p>
    </>
  );
}

/** The network's overview: its rounds, what comes next, open actions, the latest results and mail trouble. */
export function DashboardPage({ c, dashboard }: Props) {
  const t = dashboardText(c.var.lang);
  const n = networkText(c.var.lang);
  const { network, role, lang } = c.var;
  const f = formats(lang);
  return (
    <Layout lang={lang} title={network.name} path={c.req.path} session={c.var.session} scripts={dashboard.rounds.some((shown) => shown.round.status === 'open') ? ['/static/build/results.js'] : []}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="overview" />
      <section class="card">
        <h1>{network.name}</h1>
        <dl class="facts">
          <dt>{n.yourRole}</dt>
          <dd>{n[`role_${role}`]}</dd>
          <dt>{n.threshold}</dt>
          <dd>{network.anonymityThreshold}</dd>
          <dt>{n.openThreshold}</dt>
          <dd>{network.openAnswerThreshold}</dd>
        </dl>
        {role === 'coordinator' && dashboard.failedMail > 0 && (
          <p class="notice" role="status">
            {fill(t.failedMail, { count: dashboard.failedMail })} <a href={`/networks/${network.id}/outbox`}>{t.mailLink}</a>
          </p>
        )}
      </section>
      <section class="card">
        <h2>{t.roundsTitle}</h2>
        <Rounds lang={lang} networkId={network.id} linked={role === 'coordinator'} dashboard={dashboard} />
        {dashboard.rounds.map((shown) => {
          const spec = rateSpec(shown, c.var.deps.clock.now(), lang);
          return spec && <RateChart spec={spec} title={shown.round.title} lang={lang} />;
        })}
        {role === 'coordinator' && (
          <p>
            <a href={`/networks/${network.id}/rounds`}>{t.allRounds}</a>
          </p>
        )}
      </section>
      <section class="card">
        <h2>{t.upcomingTitle}</h2>
        {dashboard.upcoming.length === 0 ? (
          <p>{t.noUpcoming}</p>
        ) : (
          <ul>
            {dashboard.upcoming.map((event) => (
              <li>{fill(t[`event_${event.kind}`], { at: formatDateTime(new Date(event.at), lang), title: event.round.title })}</li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t.actionsTitle}</h2>
        {dashboard.openActions.length === 0 ? (
          <p>{t.noActions}</p>
        ) : (
          <ul>
            {dashboard.openActions.map((action) => (
              <li>
                <strong>{measureLabel(action.measure, lang)}</strong>: {action.description} <span class="hint">({action.dueOn ? fill(t.dueOn, { date: f.date(action.dueOn) }) : t.noDue})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card">
        <h2>{t.latestTitle}</h2>
        <Latest lang={lang} networkId={network.id} dashboard={dashboard} />
      </section>
    </Layout>
  );
}
