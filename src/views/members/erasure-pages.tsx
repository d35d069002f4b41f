import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { erasureText } from '../../i18n/erasure.js';
import { fill } from '../../i18n/messages.js';
import type { Member } from '../../members/members.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { MembersShell, Notice } from './members-shell.js';

/** The step before erasing a member: what goes, what stays, and the do-not-invite choice. */
export function EraseMemberPage({ c, member }: { c: Context<NetworkEnv>; member: Member }) {
  const t = erasureText(c.var.lang);
  const title = fill(t.eraseTitle, { name: member.name });
  return (
    <MembersShell c={c} title={title}>
      <section class="card narrow">
        <h1>{title}</h1>
        <p>{`${member.name} (${member.email})`}</p>
        <p>{t.eraseBody}</p>
        <form method="post" action={`/networks/${c.var.network.id}/members/${member.id}/erase`}>
          <CsrfField token={csrfTokenOf(c)} />
          <label class="checkbox">
            <input type="checkbox" name="doNotInvite" value="true" /> {t.eraseList}
          </label>
          <button type="submit" class="button-danger">
            {t.eraseConfirm}
          </button>
        </form>
      </section>
    </MembersShell>
  );
}

type ListProps = { c: Context<NetworkEnv>; count: number; notice?: string; error?: string; email?: string };

/** The do-not-invite list shows only how many it holds: its addresses are not kept readably. */
export function DoNotInvitePage({ c, count, notice, error, email }: ListProps) {
  const t = erasureText(c.var.lang);
  const base = `/networks/${c.var.network.id}/members/do-not-invite`;
  return (
    <MembersShell c={c} title={t.listTitle}>
      <section class="card narrow">
        <h1>{t.listTitle}</h1>
        <p>{t.listIntro}</p>
        <Notice text={notice} />
        <p>{fill(t.listCount, { count })}</p>
        <form method="post" action={base} novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <Field name="email" type="email" label={t.listEmail} value={email} error={error} />
          <p class="actions">
            <button type="submit" name="action" value="add">
              {t.listAdd}
            </button>
            <button type="submit" name="action" value="remove" class="button-secondary">
              {t.listRemove}
            </button>
          </p>
        </form>
      </section>
    </MembersShell>
  );
}
