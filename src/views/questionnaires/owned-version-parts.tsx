import type { Context } from 'hono';
import type { OwnedVersionRow } from '../../catalogue/owned-versions.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { fill } from '../../i18n/messages.js';
import { questionnaireText } from '../../i18n/questionnaires.js';
import { CsrfField } from '../csrf-field.js';
import { Notices, RoundsShell } from '../rounds/rounds-shell.js';
import { draftTitle } from './draft-title.js';

type PartProps = { c: Context<NetworkEnv>; row: OwnedVersionRow; notice?: string | undefined };

const href = (c: Context<NetworkEnv>, row: OwnedVersionRow) => `/networks/${c.var.network.id}/questionnaires/${row.id}`;

function ExportLink({ c, row }: PartProps) {
  return (
    <a class="button button-secondary" href={`${href(c, row)}/export`} download>
      {questionnaireText(c.var.lang).exportFile}
    </a>
  );
}

/** A valid draft: preview it, publish it, download it or delete it. */
export function DraftActions({ c, row, notice }: PartProps) {
  const t = questionnaireText(c.var.lang);
  const csrf = csrfTokenOf(c);
  return (
    <>
      <Notices notice={notice} />
      <p>{t.draftLead}</p>
      <div class="actions">
        <ExportLink c={c} row={row} />
      </div>
      <form method="post" action={`${href(c, row)}/publish`} class="actions">
        <CsrfField token={csrf} />
        <p class="hint" id="publish-hint">
          {t.publishConfirm}
        </p>
        <button type="submit" aria-describedby="publish-hint">
          {t.publish}
        </button>
      </form>
      <form method="post" action={`${href(c, row)}/delete`} class="actions">
        <CsrfField token={csrf} />
        <button type="submit" class="button-danger">
          {t.deleteDraft}
        </button>
      </form>
    </>
  );
}

/** A published own version: it can only be previewed, downloaded or derived from. */
export function OwnedVersionActions({ c, row, notice }: PartProps) {
  const t = questionnaireText(c.var.lang);
  return (
    <>
      <Notices notice={notice} />
      <div class="actions">
        <ExportLink c={c} row={row} />
      </div>
      <form method="post" action={`/networks/${c.var.network.id}/questionnaires/derive`} class="actions">
        <CsrfField token={csrfTokenOf(c)} />
        <input type="hidden" name="from" value={`${row.key}:${row.version}`} />
        <button type="submit">{t.derive}</button>
      </form>
    </>
  );
}

/** A draft that does not pass the check (an older import, or an edit in progress): what is wrong, and the way out. */
export function InvalidDraftPage({ c, row, problem }: PartProps & { problem: string }) {
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
        <ExportLink c={c} row={row} />
      </div>
      <form method="post" action={`${href(c, row)}/delete`} class="actions">
        <CsrfField token={csrfTokenOf(c)} />
        <button type="submit" class="button-danger">
          {t.deleteDraft}
        </button>
      </form>
    </RoundsShell>
  );
}
