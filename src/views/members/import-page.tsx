import type { Context } from 'hono';
import { ORGANISATION_TYPES } from '../../db/schema/members.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { memberText } from '../../i18n/members.js';
import { fill } from '../../i18n/messages.js';
import { COLUMNS, headerName, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../members/csv-format.js';
import { MEGABYTE, number } from '../../members/import-report.js';
import { CsrfField } from '../csrf-field.js';
import { MembersShell } from './members-shell.js';

/** The upload form: a file or pasted text; what it will do is shown before anything is saved. */
export function ImportPage({ c, error, pasted = '' }: { c: Context<NetworkEnv>; error?: string | undefined; pasted?: string }) {
  const lang = c.var.lang;
  const t = memberText(lang);
  const example = [COLUMNS.map((column) => headerName(column, lang)).join(';'), `Maija Meikäläinen;maija.meikalainen@kunta.fi;Keskustan koulu;${t.type_comprehensive_school};fi`];
  return (
    <MembersShell c={c} title={t.importTitle}>
      <p class="breadcrumb">
        <a href={`/networks/${c.var.network.id}/members`}>{t.backToList}</a>
      </p>
      <section class="card">
        <h1>{t.importTitle}</h1>
        <p>{t.importColumns}</p>
        <pre>{example.join('\n')}</pre>
        <p>{fill(t.importTypes, { types: ORGANISATION_TYPES.map((type) => t[`type_${type}`]).join(', ') })}</p>
        <p>{t.importUpdates}</p>
        {error && (
          <p class="form-error" role="alert" id="csv-error">
            {error}
          </p>
        )}
        <form method="post" action={`/networks/${c.var.network.id}/members/import`} enctype="multipart/form-data">
          <CsrfField token={csrfTokenOf(c)} />
          <div class="field">
            <label for="file">{t.file}</label>
            <p class="hint" id="file-hint">
              {fill(t.fileHint, { maxMb: MAX_IMPORT_BYTES / MEGABYTE, maxRows: number(lang, MAX_IMPORT_ROWS) })}
            </p>
            <input id="file" name="file" type="file" accept=".csv,.txt,text/csv,text/plain" aria-describedby={error ? 'file-hint csv-error' : 'file-hint'} />
          </div>
          <div class="field">
            <label for="csv">{t.pasted}</label>
            <textarea id="csv" name="csv" rows={8} spellcheck={false}>
              {pasted}
            </textarea>
          </div>
          <button type="submit">{t.preview}</button>
        </form>
      </section>
    </MembersShell>
  );
}
