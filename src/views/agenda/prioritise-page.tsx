import type { Context } from 'hono';
import type { Candidate } from '../../agenda/candidates.js';
import { measureProposal } from '../../agenda/prioritisation.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { memberText } from '../../i18n/members.js';
import { fill } from '../../i18n/messages.js';
import { prioritisationText } from '../../i18n/prioritisation.js';
import { roundText } from '../../i18n/rounds.js';
import { toHelsinkiLocal } from '../../rounds/helsinki-time.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { FieldFrame } from '../field-frame.js';
import { AgendaShell } from './agenda-shell.js';

export type PrioritiseValues = { proposal: string[]; own: Partial<Record<string, string>>; method: string; title: string; opensAt: Date | string; closesAt: Date | string };

type Props = { c: Context<NetworkEnv>; round: Round | null; candidates: Candidate[]; values: PrioritiseValues; errors: Record<string, string> };

const local = (value: Date | string) => (value instanceof Date ? toHelsinkiLocal(value) : value);

/** The form that puts a closed round's proposals, and the coordinator's own, to the members as a short choosing round. */
export function PrioritisePage({ c, round, candidates, values, errors }: Props) {
  const lang = c.var.lang;
  const t = prioritisationText(lang);
  const r = roundText(lang);
  const network = c.var.network;
  return (
    <AgendaShell c={c} title={t.title}>
      <h1>{t.title}</h1>
      <p class="lead">{fill(t.lead, { k: network.anonymityThreshold })}</p>
      {!round ? (
        <p>{t.noRound}</p>
      ) : (
        <form method="post" action={`/networks/${network.id}/agenda/prioritise`} class="card" novalidate>
          <CsrfField token={csrfTokenOf(c)} />
          <input type="hidden" name="round" value={String(round.id)} />
          {Object.keys(errors).length > 0 && (
            <p class="form-error" role="alert">
              {commonText(lang).checkForm}
            </p>
          )}
          <h2>{fill(t.fromRound, { round: round.title })}</h2>
          <fieldset class={errors.proposal ? 'field has-error' : 'field'}>
            <legend>{t.proposalsLegend}</legend>
            {candidates.length === 0 && <p class="hint">{t.noCandidates}</p>}
            {candidates.map((candidate) => (
              <label class="check">
                <input type="checkbox" name="proposal" value={candidate.measure} checked={values.proposal.includes(candidate.measure)} /> {measureProposal(candidate.measure)!.text[lang]}
              </label>
            ))}
            {errors.proposal && <p class="field-error">{errors.proposal}</p>}
          </fieldset>
          {network.languages.map((code) => (
            <FieldFrame
              name={`own_${code}`}
              label={fill(t.ownLabel, { language: memberText(lang)[`language_${code}`] })}
              hint={t.ownHint}
              error={errors[`own_${code}`]}
              control={(aria) => (
                <textarea id={`own_${code}`} name={`own_${code}`} rows={4} lang={code} {...aria}>
                  {values.own[code] ?? ''}
                </textarea>
              )}
            />
          ))}
          <fieldset class={errors.method ? 'field has-error' : 'field'}>
            <legend>{t.methodLegend}</legend>
            <label class="check">
              <input type="radio" name="method" value="rank" checked={values.method !== 'pick'} /> {t.methodRank}
            </label>
            <label class="check">
              <input type="radio" name="method" value="pick" checked={values.method === 'pick'} /> {t.methodPick}
            </label>
            {errors.method && <p class="field-error">{errors.method}</p>}
          </fieldset>
          <Field name="title" label={t.roundTitle} value={values.title} error={errors.title} autocomplete="off" required />
          <p class="hint" id="times-hint">
            {r.timesHint}
          </p>
          <Field name="opensAt" type="datetime-local" label={r.opensAt} value={local(values.opensAt)} error={errors.opensAt} sharedHint="times-hint" required />
          <Field name="closesAt" type="datetime-local" label={r.closesAt} value={local(values.closesAt)} error={errors.closesAt} sharedHint="times-hint" required />
          <button type="submit">{t.submit}</button>
        </form>
      )}
    </AgendaShell>
  );
}
