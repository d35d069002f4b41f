import type { Context } from 'hono';
import { memberText } from '../../i18n/members.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { fill } from '../../i18n/messages.js';
import { resultErasureText } from '../../i18n/result-erasure.js';
import { roundText } from '../../i18n/rounds.js';
import type { Language } from '../../db/schema/networks.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { RoundsShell } from './rounds-shell.js';

export type MailPreview = { lang: Language; subject: string; text: string };

type ConfirmAction = { round: Round } & (
  | { action: 'close'; answered: number; invited: number }
  | { action: 'invite'; uninvited: number; previews: MailPreview[] }
  | { action: 'erase-results' }
);
type ConfirmProps = { c: Context<NetworkEnv> } & ConfirmAction;

/** Each action's heading, the words above its button and the button itself. */
function wording(lang: Language, props: ConfirmAction): { title: string; body: string; button: string } {
  const t = roundText(lang);
  const title = props.round.title;
  switch (props.action) {
    case 'close':
      return { title: fill(t.confirmCloseTitle, { title }), body: fill(t.confirmCloseBody, { answered: props.answered, invited: props.invited }), button: t.confirmClose };
    case 'invite':
      return { title: fill(t.confirmInviteTitle, { count: props.uninvited }), body: t.confirmInviteBody, button: t.confirmInvite };
    case 'erase-results': {
      const e = resultErasureText(lang);
      return { title: fill(e.confirmTitle, { title }), body: e.confirmBody, button: e.confirm };
    }
  }
}

/** The step before an action that cannot be undone: what it does, and for invitations the mail as members get it. */
export function ConfirmPage(props: ConfirmProps) {
  const { c, round, action } = props;
  const t = roundText(c.var.lang);
  const roundPath = `/networks/${c.var.network.id}/rounds/${round.id}`;
  const { title, body, button } = wording(c.var.lang, props);
  return (
    <RoundsShell c={c} title={title}>
      <section class="card">
        <p class="breadcrumb">
          <a href={roundPath}>{round.title}</a>
        </p>
        <h1>{title}</h1>
        <p>{body}</p>
        {props.action === 'invite' &&
          props.previews.map((preview) => (
            <figure class="mail-preview" lang={preview.lang}>
              <figcaption>{fill(t.mailPreviewCaption, { language: memberText(c.var.lang)[`language_${preview.lang}`] })}</figcaption>
              <p>
                <strong>{preview.subject}</strong>
              </p>
              <pre>{preview.text}</pre>
            </figure>
          ))}
        <form method="post" action={`${roundPath}/${action}`} class="actions">
          <CsrfField token={csrfTokenOf(c)} />
          <button type="submit">{button}</button>
          <a href={roundPath}>{t.cancel}</a>
        </form>
      </section>
    </RoundsShell>
  );
}
