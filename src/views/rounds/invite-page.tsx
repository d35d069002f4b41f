import type { Context } from 'hono';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { roundText } from '../../i18n/rounds.js';
import type { Member } from '../../members/members.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { Notices, RoundsShell } from './rounds-shell.js';

type InviteProps = { c: Context<NetworkEnv>; round: Round; members: Member[]; error?: string };

/** Active members not yet invited, to invite some of them; those already invited are not listed at all. */
export function InvitePage({ c, round, members, error }: InviteProps) {
  const t = roundText(c.var.lang);
  const roundPath = `/networks/${c.var.network.id}/rounds/${round.id}`;
  return (
    <RoundsShell c={c} title={t.chooseTitle}>
      <section class="card">
        <p class="breadcrumb">
          <a href={roundPath}>{round.title}</a>
        </p>
        <h1>{t.chooseTitle}</h1>
        <Notices error={error} />
        {members.length === 0 ? (
          <p>{t.allInvited}</p>
        ) : (
          <form method="post" action={`${roundPath}/invite`} novalidate>
            <CsrfField token={csrfTokenOf(c)} />
            <input type="hidden" name="scope" value="chosen" />
            <fieldset class={error ? 'field has-error' : 'field'}>
              <legend>{t.chooseIntro}</legend>
              {members.map((member) => (
                <label class="check">
                  <input type="checkbox" name="memberId" value={String(member.id)} /> {member.name}
                  {member.organisation && <span class="hint"> · {member.organisation}</span>}
                </label>
              ))}
            </fieldset>
            <button type="submit">{t.sendChosen}</button>
          </form>
        )}
        <p>
          <a href={roundPath}>{t.backToRound}</a>
        </p>
      </section>
    </RoundsShell>
  );
}
