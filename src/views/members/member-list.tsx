import type { Context } from 'hono';
import { erasureText } from '../../i18n/erasure.js';
import { privacyText } from '../../i18n/privacy.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { commonText } from '../../i18n/common.js';
import { memberText } from '../../i18n/members.js';
import { fill } from '../../i18n/messages.js';
import { MEMBER_STATUSES, type Member, type MemberStatus } from '../../members/members.js';
import { MembersShell, Notice } from './members-shell.js';
import { SelectField } from './select-field.js';

type ListProps = { c: Context<NetworkEnv>; shown: Member[]; total: number; active: number; search: string; status: MemberStatus; notice?: string | undefined };

function MemberItem({ lang, networkId, member }: { lang: Language; networkId: number; member: Member }) {
  const t = memberText(lang);
  const details = [member.organisation, t[`type_${member.organisationType}`], commonText(member.language).languageName].filter(Boolean).join(' · ');
  return (
    <li>
      <a href={`/networks/${networkId}/members/${member.id}`}>{member.name}</a>
      {!member.active && <span class="badge">{t.inactive}</span>}
      <br />
      <span>{member.email}</span>
      <br />
      <span class="hint">{details}</span>
    </li>
  );
}

/** The roster with its search; every member, active or not, unless the search narrows it. */
export function MemberListPage({ c, shown, total, active, search, status, notice }: ListProps) {
  const t = memberText(c.var.lang);
  const base = `/networks/${c.var.network.id}/members`;
  const filtered = search.trim() !== '' || status !== 'all';
  return (
    <MembersShell c={c} title={t.members}>
      <section class="card">
        <h1>{t.members}</h1>
        <Notice text={notice} />
        {total > 0 && (
          <p>
            {fill(t.countLine, { total, active })} {filtered && fill(t.shownLine, { shown: shown.length })}
          </p>
        )}
        <p class="actions">
          <a class="button" href={`${base}/new`}>
            {t.add}
          </a>
          <a class="button button-secondary" href={`${base}/import`}>
            {t.import}
          </a>
          <a class="button button-secondary" href={`${base}/export.csv`} download>
            {t.export}
          </a>
        </p>
        <p class="hint">{t.exportHint}</p>
        <p>
          <a href={`/networks/${c.var.network.id}/privacy/access`}>{privacyText(c.var.lang).accessTitle}</a> · <a href={`${base}/do-not-invite`}>{erasureText(c.var.lang).listLink}</a>
        </p>
        <form method="get" action={base} role="search">
          <div class="field">
            <label for="q">{t.search}</label>
            <input id="q" name="q" type="search" value={search} />
          </div>
          <SelectField name="status" label={t.status} options={MEMBER_STATUSES.map((value) => ({ value, label: t[`status_${value}`] }))} value={status} />
          <button type="submit">{t.filter}</button>
        </form>
        {shown.length === 0 ? (
          <p>{total === 0 ? t.noMembers : t.noMatches}</p>
        ) : (
          <ul class="link-list">
            {shown.map((member) => (
              <MemberItem lang={c.var.lang} networkId={c.var.network.id} member={member} />
            ))}
          </ul>
        )}
      </section>
    </MembersShell>
  );
}
