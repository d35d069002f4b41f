import type { Context } from 'hono';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { memberText } from '../../i18n/members.js';
import type { Member } from '../../members/members.js';
import { CsrfField } from '../csrf-field.js';
import { erasureText } from '../../i18n/erasure.js';
import { fill } from '../../i18n/messages.js';
import { inactiveMemberErasedOn } from '../../retention/retention.js';
import { formats } from '../results/format.js';
import { MemberForm, type MemberValues } from './member-form.js';
import type { Network } from '../../networks/networks.js';
import { MembersShell, Notice } from './members-shell.js';

type FormState = { values: MemberValues; errors: Record<string, string> };

function BackLink({ lang, networkId }: { lang: Language; networkId: number }) {
  return (
    <p class="breadcrumb">
      <a href={`/networks/${networkId}/members`}>{memberText(lang).backToList}</a>
    </p>
  );
}

export function AddMemberPage({ c, values, errors }: { c: Context<NetworkEnv> } & FormState) {
  const t = memberText(c.var.lang);
  const { network } = c.var;
  return (
    <MembersShell c={c} title={t.add}>
      <BackLink lang={c.var.lang} networkId={network.id} />
      <section class="card narrow">
        <h1>{t.add}</h1>
        <MemberForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${network.id}/members/new`} languages={network.languages} values={values} errors={errors} submit={t.add} />
      </section>
    </MembersShell>
  );
}

/** Deactivation keeps the member for the retention time; erasure removes them at once. */
function StatusForm({ lang, csrfToken, network, member }: { lang: Language; csrfToken: string; network: Network; member: Member }) {
  const t = memberText(lang);
  const action = `/networks/${network.id}/members/${member.id}/${member.active ? 'deactivate' : 'reactivate'}`;
  const erasedOn = inactiveMemberErasedOn(member, network);
  return (
    <section class="card narrow">
      <h2>{t.status}</h2>
      {!member.active && <p class="badge">{t.inactive}</p>}
      <p class="hint">{t.deactivateHint}</p>
      <form method="post" action={action}>
        <CsrfField token={csrfToken} />
        <button type="submit" class="button-secondary">
          {member.active ? t.deactivate : t.reactivate}
        </button>
      </form>
      {erasedOn && <p class="hint">{fill(erasureText(lang).retentionMember, { date: formats(lang).date(erasedOn.toISOString()) })}</p>}
      <p>
        <a href={`/networks/${network.id}/members/${member.id}/erase`}>{erasureText(lang).eraseLink}</a>
      </p>
    </section>
  );
}

export function EditMemberPage({ c, member, values, errors, notice }: { c: Context<NetworkEnv>; member: Member; notice?: string | undefined } & FormState) {
  const t = memberText(c.var.lang);
  const { network } = c.var;
  return (
    <MembersShell c={c} title={member.name}>
      <BackLink lang={c.var.lang} networkId={network.id} />
      <section class="card narrow">
        <h1>{t.edit}</h1>
        <Notice text={notice} />
        <MemberForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} action={`/networks/${network.id}/members/${member.id}`} languages={network.languages} values={values} errors={errors} submit={t.save} />
      </section>
      <StatusForm lang={c.var.lang} csrfToken={csrfTokenOf(c)} network={network} member={member} />
    </MembersShell>
  );
}
