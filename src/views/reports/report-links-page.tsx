import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { fill } from '../../i18n/messages.js';
import { reportText } from '../../i18n/reports.js';
import type { ReportLink } from '../../reports/report-links.js';
import type { Round } from '../../results/round-results.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { Layout } from '../layout.js';
import { NetworkNav } from '../networks/network-nav.js';
import { formats } from '../results/format.js';
import { digestText } from '../../i18n/digest.js';
import { helsinkiDay } from '../../rounds/helsinki-time.js';

type Props = {
  c: Context<NetworkEnv>;
  links: ReportLink[];
  /** The network's closed rounds, the latest first. */
  rounds: Round[];
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /** The new link's URL, shown on this one response only: the server keeps just its hash. */
  createdUrl?: string | undefined;
  notice?: string | undefined;
  digestError?: string | undefined;
};

/** A link works through its last Helsinki day (see createReportLink); this is that day. */
const lastDay = (expiresAt: string) => helsinkiDay(new Date(expiresAt));

const stateOf = (link: ReportLink, now: string) => (link.revokedAt ? 'revoked' : link.expiresAt <= now ? 'expired' : 'active');

/** What the sections below the heading share: the reader's language, the form token and the network. */
type PartProps = { lang: Language; csrfToken: string; networkId: number };

function CreatedLink({ lang, url }: { lang: Language; url: string }) {
  const t = reportText(lang);
  return (
    <section class="card created-link" role="status">
      <h2>{t.createdTitle}</h2>
      <label for="created-url">{t.urlLabel}</label>
      <input id="created-url" type="url" value={url} readonly aria-describedby="created-note" />
      <p id="created-note" class="notice">
        {t.createdNote}
      </p>
    </section>
  );
}

function LinkList({ lang, csrfToken, networkId, links, rounds, now }: PartProps & Pick<Props, 'links' | 'rounds'> & { now: string }) {
  const t = reportText(lang);
  const f = formats(lang);
  const titles = new Map(rounds.map((round) => [round.id, round.title]));
  if (links.length === 0) return <p>{t.noLinks}</p>;
  return (
    <ul class="link-list report-links">
      {links.map((link) => {
        const state = stateOf(link, now);
        return (
          <li>
            <strong>{link.label || t.unnamed}</strong> <span class={`badge link-${state}`}>{t[`state_${state}`]}</span>
            <br />
            <span class="hint">{fill(t.linkDates, { created: f.date(link.createdAt), expires: f.date(lastDay(link.expiresAt)) })}</span>
            <br />
            <span class="hint">{link.roundIds ? link.roundIds.map((id) => titles.get(id) ?? t.removedRound).join(', ') : t.allRounds}</span>
            {state === 'active' && (
              <form method="post" action={`/networks/${networkId}/reports/${link.id}/revoke`}>
                <CsrfField token={csrfToken} />
                <button type="submit" class="button-secondary">
                  {t.revoke}
                  <span class="visually-hidden">: {link.label || t.unnamed}</span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function RoundChoices({ lang, rounds, values, error }: { lang: Language; rounds: Round[]; values: Record<string, unknown>; error: string | undefined }) {
  const t = reportText(lang);
  const chosen = new Set([values.roundIds ?? []].flat().map(String));
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={error ? 'roundIds-error' : 'roundIds-hint'}>
      <legend>{t.fieldRounds}</legend>
      <p class="hint" id="roundIds-hint">
        {rounds.length === 0 ? t.noClosedRoundsYet : t.roundsHint}
      </p>
      {rounds.map((round) => (
        <label class="check">
          <input type="checkbox" name="roundIds" value={String(round.id)} checked={chosen.has(String(round.id))} /> {round.title}
        </label>
      ))}
      {error && (
        <p class="field-error" id="roundIds-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The leaders' digest on demand: the same mail that goes out when a round closes. */
function DigestNow({ lang, csrfToken, networkId, error }: PartProps & { error: string | undefined }) {
  const t = digestText(lang);
  return (
    <section class="card narrow">
      <h2>{t.digestTitle}</h2>
      <p>{t.digestIntro}</p>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      <form method="post" action={`/networks/${networkId}/reports/digest`}>
        <CsrfField token={csrfToken} />
        <button type="submit">{t.digestNow}</button>
      </form>
    </section>
  );
}

/** Coordinators' list of report links, with the form for a new one, and the digest on demand. */
export function ReportLinksPage({ c, links, rounds, values, errors, createdUrl, notice, digestError }: Props) {
  const { lang, network } = c.var;
  const t = reportText(lang);
  const base = `/networks/${network.id}/reports`;
  const parts = { lang, csrfToken: csrfTokenOf(c), networkId: network.id };
  return (
    <Layout lang={c.var.lang} title={`${t.linksTitle} · ${c.var.network.name}`} path={c.req.path} session={c.var.session}>
      <NetworkNav lang={c.var.lang} network={c.var.network} role={c.var.role} current="reports" />
      {createdUrl && <CreatedLink lang={lang} url={createdUrl} />}
      <section class="card">
        <h1>{t.linksTitle}</h1>
        {notice && (
          <p class="notice-ok" role="status">
            {notice}
          </p>
        )}
        <p>{t.linksIntro}</p>
        <p>
          <a href={`/networks/${c.var.network.id}/report`}>{t.viewReport}</a>
        </p>
        <h2>{t.existingLinks}</h2>
        <LinkList {...parts} links={links} rounds={rounds} now={c.var.deps.clock.now().toISOString()} />
      </section>
      <DigestNow {...parts} error={digestError} />
      <section class="card narrow">
        <h2>{t.newLink}</h2>
        {Object.keys(errors).length > 0 && (
          <p class="form-error" role="alert">
            {commonText(c.var.lang).checkForm}
          </p>
        )}
        <form method="post" action={base} novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <Field name="label" label={t.fieldLabel} hint={t.labelHint} value={String(values.label ?? '')} error={errors.label} />
          <Field name="expiresOn" type="date" label={t.fieldExpires} value={String(values.expiresOn ?? '')} error={errors.expiresOn} required />
          <RoundChoices lang={lang} rounds={rounds} values={values} error={errors.roundIds} />
          <button type="submit">{t.createLink}</button>
        </form>
      </section>
    </Layout>
  );
}
