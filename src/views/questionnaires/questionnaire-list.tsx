import type { Context } from 'hono';
import type { QuestionnaireVersion, VersionList } from '../../catalogue/types.js';
import type { OwnedVersionRow } from '../../catalogue/owned-versions.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { fill } from '../../i18n/messages.js';
import { questionnaireText } from '../../i18n/questionnaires.js';
import { CsrfField } from '../csrf-field.js';
import { Notices, RoundsShell, when } from '../rounds/rounds-shell.js';
import { versionHref } from '../catalogue/version-href.js';
import { draftTitle } from './draft-title.js';

export const versionName = (version: QuestionnaireVersion, lang: Language) => fill(questionnaireText(lang).versionOf, { title: version.title[lang], version: version.label });

function VersionChoices({ versions, lang }: { versions: QuestionnaireVersion[]; lang: Language }) {
  return (
    <>
      {[...versions].reverse().map((v) => (
        <option value={`${v.key}:${v.version}`}>{versionName(v, lang)}</option>
      ))}
    </>
  );
}

type Props = { c: Context<NetworkEnv>; visible: VersionList; drafts: OwnedVersionRow[]; notice?: string | undefined; error?: string | undefined; status?: number };

/** The network's questionnaires: what it can derive from, its own versions, its drafts, and an import. */
export function QuestionnaireListPage({ c, visible, drafts, notice, error }: Props) {
  const lang = c.var.lang;
  const t = questionnaireText(lang);
  const base = `/networks/${c.var.network.id}/questionnaires`;
  const own = visible.versions.filter((v) => v.owner);
  const csrf = csrfTokenOf(c);
  return (
    <RoundsShell c={c} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{t.intro}</p>
      <Notices notice={notice} error={error} />
      <section aria-labelledby="drafts-heading">
        <h2 id="drafts-heading">{t.draftsHeading}</h2>
        {drafts.length === 0 ? (
          <p>{t.noDrafts}</p>
        ) : (
          <ul>
            {drafts.map((draft) => (
              <li>
                <a href={`${base}/${draft.id}`}>{fill(t.draftOf, { title: draftTitle(draft, lang) })}</a>
                <span class="hint"> · {fill(t.editedOn, { date: when(draft.updatedAt, lang) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="own-heading">
        <h2 id="own-heading">{t.ownHeading}</h2>
        {own.length === 0 ? (
          <p>{t.noOwn}</p>
        ) : (
          <ul>
            {own.map((v) => (
              <li>
                <a href={versionHref(v)}>{versionName(v, lang)}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="derive-heading">
        <h2 id="derive-heading">{t.derive}</h2>
        <form method="post" action={`${base}/derive`}>
          <CsrfField token={csrf} />
          <div class="field">
            <label for="derive-from">{t.deriveFrom}</label>
            <select id="derive-from" name="from">
              <VersionChoices versions={visible.versions} lang={lang} />
            </select>
          </div>
          <button type="submit">{t.derive}</button>
        </form>
      </section>
      <section class="card" aria-labelledby="import-heading">
        <h2 id="import-heading">{t.importHeading}</h2>
        <p class="hint" id="import-hint">
          {t.importHint}
        </p>
        <form method="post" action={`${base}/import`} enctype="multipart/form-data">
          <CsrfField token={csrf} />
          <div class="field">
            <label for="import-file">{t.importFile}</label>
            <input id="import-file" type="file" name="file" accept=".json,application/json" aria-describedby="import-hint" />
          </div>
          <div class="field">
            <label for="import-key">{t.importInto}</label>
            <select id="import-key" name="key">
              {visible.keys().map((key) => (
                <option value={key}>{visible.versionsOf(key).at(-1)!.title[lang]}</option>
              ))}
            </select>
          </div>
          <button type="submit">{t.importButton}</button>
        </form>
      </section>
    </RoundsShell>
  );
}
