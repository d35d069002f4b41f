import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { agendaText } from '../../i18n/agenda.js';
import { CsrfField } from '../csrf-field.js';
import { ActionForm, type ActionFormProps } from './action-form.js';
import { AgendaShell } from './agenda-shell.js';

type PageProps = Omit<ActionFormProps, 'action' | 'submitLabel' | 'lang' | 'csrfToken'> & { c: Context<NetworkEnv> };

function Back({ lang, networkId }: { lang: Language; networkId: number }) {
  return (
    <p class="breadcrumb">
      <a href={`/networks/${networkId}/agenda`}>{agendaText(lang).backToAgenda}</a>
    </p>
  );
}

/** A new action, empty or taken from a proposal; without a closed round there is nothing to tie it to. */
export function NewActionPage(props: PageProps) {
  const { c, rounds } = props;
  const t = agendaText(c.var.lang);
  return (
    <AgendaShell c={c} title={t.newAction}>
      <section class="card narrow">
        <Back lang={c.var.lang} networkId={c.var.network.id} />
        <h1>{t.newAction}</h1>
        {rounds.length === 0 ? <p>{t.noClosedRounds}</p> : <ActionForm {...props} lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${c.var.network.id}/agenda`} submitLabel={t.create} />}
      </section>
    </AgendaShell>
  );
}

export function EditActionPage(props: PageProps & { actionId: number }) {
  const { c, actionId } = props;
  const t = agendaText(c.var.lang);
  const base = `/networks/${c.var.network.id}/agenda/${actionId}`;
  return (
    <AgendaShell c={c} title={t.editTitle}>
      <section class="card narrow">
        <Back lang={c.var.lang} networkId={c.var.network.id} />
        <h1>{t.editTitle}</h1>
        <ActionForm {...props} lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={base} submitLabel={t.save} />
      </section>
      <section class="card narrow">
        <h2>{t.deleteTitle}</h2>
        <p>{t.deleteNote}</p>
        <form method="post" action={`${base}/delete`}>
          <CsrfField token={csrfTokenOf(c)} />
          <button type="submit" class="button-secondary">
            {t.delete}
          </button>
        </form>
      </section>
    </AgendaShell>
  );
}
