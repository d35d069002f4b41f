import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { memberText } from '../../i18n/members.js';
import type { Member } from '../../members/members.js';
import { CsrfField } from '../csrf-field.js';
import { erasureText } from '../../i18n/erasure.js';
import { fill } from '../../i18n/messages.js';
import { inactiveMemberErasedOn } from '../../retention/retention.js';
import { formats } from '../results/format.js';
import { MemberForm, type MemberValues } from './member-form.js';
import { MembersShell, Notice } from './members-shell.js';
import { csrfTokenOf } from '../../http/session.js';

type FormState = { values: MemberValues; errors: Record<string, string> };

function BackLink({ c }: { c: Context<NetworkEnv> }) {
  return (
    <p class="breadcrumb">
      <a href={`/networks/${c.var.network.id}/members`}>{memberText(c.var.lang).backToList}</a>
    </p>
  );
}

export function AddMemberPage({ c, values, errors }: { c: Context<NetworkEnv> } & FormState) {
  const t = memberText(c.var.lang);
  const { network } = c.var;
  return (
    <MembersShell c={c} title={t.add}>
      <BackLink c={c} />
      <section class="card narrow">
        <h1>{t.add}</h1>
        <MemberForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${network.id}/members/new`} languages={network.languages} values={values} errors={errors} submit={t.add} />
      </section>
    </MembersShell>
  );
}

/** Deactivation keeps the member for the retention time; erasure removes them at once. */
function StatusForm({ c, member }: { c: Context<NetworkEnv>; member: Member }) {
  const t = memberText(c.var.lang);
  const action = `/networks/${c.var.network.id}/members/${member.id}/${member.active ? 'deactivate' : 'reactivate'}`;
  const erasedOn = inactiveMemberErasedOn(member, c.var.network);
  return (
    <section class="card narrow">
      <h2>{t.status}</h2>
      {!member.active && <p class="badge">{t.inactive}</p>}
      <p class="hint">{t.deactivateHint}</p>
      <form method="post" action={action}>
        <CsrfField token={csrfTokenOf(c)} />
        <button type="submit" class="button-secondary">
          {member.active ? t.deactivate : t.reactivate}
        </button>
      </form>
      {erasedOn && <p class="hint">{fill(erasureText(c.var.lang).retentionMember, { date: formats(c.var.lang).date(erasedOn.toISOString()) })}</p>}
      <p>
        <a href={`/networks/${c.var.network.id}/members/${member.id}/erase`}>{erasureText(c.var.lang).eraseLink}</a>
      </p>
    </section>
  );
}

export function EditMemberPage({ c, member, values, errors, notice }: { c: Context<NetworkEnv>; member: Member; notice?: string | undefined } & FormState) {
  const t = memberText(c.var.lang);
  const { network } = c.var;
  return (
    <MembersShell c={c} title={member.name}>
      <BackLink c={c} />
      <section class="card narrow">
        <h1>{t.edit}</h1>
        <Notice text={notice} />
        <MemberForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${network.id}/members/${member.id}`} languages={network.languages} values={values} errors={errors} submit={t.save} />
      </section>
      <StatusForm c={c} member={member} />
    </MembersShell>
  );
}
