import type { Context } from 'hono';
import type { OwnedVersionRow } from '../../catalogue/owned-versions.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { fill } from '../../i18n/messages.js';
import type { Language } from '../../db/schema/networks.js';
import { editorText } from '../../i18n/editor.js';
import { questionnaireText } from '../../i18n/questionnaires.js';
import { CsrfField } from '../csrf-field.js';
import { Notices, RoundsShell } from '../rounds/rounds-shell.js';
import { draftTitle } from './draft-title.js';

/** What the action parts need: plain values, no request context. */
export type PartProps = { lang: Language; csrf: string; networkId: number; row: OwnedVersionRow; notice?: string | undefined };

const href = (networkId: number, row: OwnedVersionRow) => `/networks/${networkId}/questionnaires/${row.id}`;

function EditLink({ lang, networkId, row }: Pick<PartProps, 'lang' | 'networkId' | 'row'>) {
  return (
    <a class="button" href={`${href(networkId, row)}/edit`}>
      {editorText(lang).editDraft}
    </a>
  );
}

function ExportLink({ lang, networkId, row }: Pick<PartProps, 'lang' | 'networkId' | 'row'>) {
  return (
    <a class="button button-secondary" href={`${href(networkId, row)}/export`} download>
      {questionnaireText(lang).exportFile}
    </a>
  );
}

/** A valid draft: preview it, publish it, download it or delete it. */
export function DraftActions({ lang, csrf, networkId, row, notice }: PartProps) {
  const t = questionnaireText(lang);
  return (
    <>
      <Notices notice={notice} />
      <p>{t.draftLead}</p>
      <div class="actions">
        <EditLink lang={lang} networkId={networkId} row={row} />
        <ExportLink lang={lang} networkId={networkId} row={row} />
      </div>
      <form method="post" action={`${href(networkId, row)}/publish`} class="actions">
        <CsrfField token={csrf} />
        <p class="hint" id="publish-hint">
          {t.publishConfirm}
        </p>
        <button type="submit" aria-describedby="publish-hint">
          {t.publish}
        </button>
      </form>
      <form method="post" action={`${href(networkId, row)}/delete`} class="actions">
        <CsrfField token={csrf} />
        <button type="submit" class="button-danger">
          {t.deleteDraft}
        </button>
      </form>
    </>
  );
}

/** A published own version: it can only be previewed, downloaded or derived from. */
export function OwnedVersionActions({ lang, csrf, networkId, row, notice }: PartProps) {
  const t = questionnaireText(lang);
  return (
    <>
      <Notices notice={notice} />
      <div class="actions">
        <ExportLink lang={lang} networkId={networkId} row={row} />
      </div>
      <form method="post" action={`/networks/${networkId}/questionnaires/derive`} class="actions">
        <CsrfField token={csrf} />
        <input type="hidden" name="from" value={`${row.key}:${row.version}`} />
        <button type="submit">{t.derive}</button>
      </form>
    </>
  );
}

/** A draft that does not pass the check (an older import, or an edit in progress): what is wrong, and the way out. */
export function InvalidDraftPage({ c, row, problem }: { c: Context<NetworkEnv>; row: OwnedVersionRow; problem: string }) {
  const t = questionnaireText(c.var.lang);
  return (
    <RoundsShell c={c} title={fill(t.draftOf, { title: draftTitle(row, c.var.lang) })}>
      <p class="breadcrumb">
        <a href={`/networks/${c.var.network.id}/questionnaires`}>{t.title}</a>
      </p>
      <h1>{fill(t.draftOf, { title: draftTitle(row, c.var.lang) })}</h1>
      <Notices error={`${t.problemIntro} ${problem}`} />
      <p>{t.draftInvalid}</p>
      <div class="actions">
        <EditLink lang={c.var.lang} networkId={c.var.network.id} row={row} />
        <ExportLink lang={c.var.lang} networkId={c.var.network.id} row={row} />
      </div>
      <form method="post" action={`${href(c.var.network.id, row)}/delete`} class="actions">
        <CsrfField token={csrfTokenOf(c)} />
        <button type="submit" class="button-danger">
          {t.deleteDraft}
        </button>
      </form>
    </RoundsShell>
  );
}
