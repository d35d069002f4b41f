import type { Context } from 'hono';
import { PRIORITIES_KEY } from '../../agenda/prioritisation.js';
import type { VersionList } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { fill } from '../../i18n/messages.js';
import { roundText } from '../../i18n/rounds.js';
import { parseInstant, toHelsinkiLocal } from '../../rounds/helsinki-time.js';
import { DEFAULT_REMINDER_DAYS } from '../../rounds/round-input.js';
import type { Round } from '../../rounds/rounds.js';
import { CsrfField } from '../csrf-field.js';
import { Field } from '../field.js';
import { RoundsShell, when } from './rounds-shell.js';

type Values = Record<string, unknown>;
type FormProps = { c: Context<NetworkEnv>; values: Values; errors: Record<string, string> };

const HOUR_MS = 3_600_000;
const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));
/** Stored ISO times are shown as the Helsinki wall time a datetime-local input expects. */
const local = (value: unknown) => {
  const s = text(value);
  const date = /(Z|[+-]\d{2}:\d{2})$/.test(s) ? parseInstant(s) : null;
  return date ? toHelsinkiLocal(date) : s;
};

/** A new round: the first questionnaire (not a choosing round's) at its latest version, opening at the next full hour, open for two weeks. */
export function newRoundValues(catalogue: VersionList, now: Date): Values {
  const key = catalogue.keys().find((k) => k !== PRIORITIES_KEY) ?? '';
  const opens = new Date(Math.ceil(now.getTime() / HOUR_MS) * HOUR_MS);
  return {
    questionnaireKey: key,
    questionnaireVersion: catalogue.versionsOf(key).at(-1)?.version,
    opensAt: opens.toISOString(),
    closesAt: new Date(opens.getTime() + 14 * 24 * HOUR_MS).toISOString(),
    reminderDays: [DEFAULT_REMINDER_DAYS],
  };
}

export const formValues = (round: Round): Values => ({ ...round, titleSv: round.titleTranslations.sv, titleEn: round.titleTranslations.en });

/** One menu of every questionnaire version, grouped by questionnaire, "key:version" as the value. */
function QuestionnaireSelect({ lang, catalogue, values, error }: { lang: Language; catalogue: VersionList; values: Values; error: string | undefined }) {
  const t = roundText(lang);
  const chosen = `${text(values.questionnaireKey)}:${text(values.questionnaireVersion)}`;
  const described = ['questionnaire-hint', error ? 'questionnaire-error' : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="questionnaire">{t.questionnaire}</label>
      <p class="hint" id="questionnaire-hint">
        {t.questionnaireHint}
      </p>
      <select id="questionnaire" name="questionnaire" aria-invalid={error ? 'true' : undefined} aria-describedby={described}>
        {catalogue.keys().map((key) => {
          const versions = catalogue.versionsOf(key);
          return (
            <optgroup label={versions.at(-1)?.title[lang] ?? key}>
              {[...versions].reverse().map((v, i) => (
                // The title in each option too: a select shows or reads only the option, not its group.
                <option value={`${key}:${v.version}`} selected={chosen === `${key}:${v.version}`}>
                  {`${v.title[lang]}, ${fill(i === 0 ? t.versionLatest : t.versionOption, { version: v.label })}`}
                </option>
              ))}
            </optgroup>
          );
        })}
      </select>
      <p class="hint">
        <a href="/catalogue" target="_blank" rel="noopener">
          {t.previewQuestionnaires}
        </a>
      </p>
      {error && (
        <p class="field-error" id="questionnaire-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** An open round shows what is locked as text; only a draft offers every field. */
type RoundFormProps = {
  lang: Language;
  csrfToken: string;
  networkId: number;
  /** The network's languages: a title translation is asked for each besides Finnish. */
  languages: readonly Language[];
  catalogue: VersionList;
  values: Values;
  errors: Record<string, string>;
  round?: Round | undefined;
};

function RoundForm({ lang, csrfToken, networkId, languages, catalogue, values, errors, round }: RoundFormProps) {
  const t = roundText(lang);
  const open = round?.status === 'open';
  const version = round && catalogue.find(round.questionnaireKey, round.questionnaireVersion);
  const base = `/networks/${networkId}/rounds`;
  return (
    <form method="post" action={round ? `${base}/${round.id}/edit` : `${base}/new`} novalidate>
      <CsrfField token={csrfToken} />
      {Object.keys(errors).length > 0 && (
        <p class="form-error" role="alert">
          {commonText(lang).checkForm}
        </p>
      )}
      {open && <p class="hint">{t.openLockedHint}</p>}
      {open && round ? (
        <dl class="facts">
          <dt>{t.questionnaire}</dt>
          <dd>{`${version?.title[lang] ?? round.questionnaireKey}, ${fill(t.versionOption, { version: version?.label ?? round.questionnaireVersion })}`}</dd>
          <dt>{t.openedAt}</dt>
          <dd>{when(round.openedAt ?? round.opensAt, lang)}</dd>
        </dl>
      ) : (
        <QuestionnaireSelect lang={lang} catalogue={catalogue} values={values} error={errors.questionnaireKey ?? errors.questionnaireVersion} />
      )}
      <Field name="title" label={t.title} hint={t.titleHint} value={text(values.title)} error={errors.title} autocomplete="off" required />
      {languages.includes('sv') && (
        <Field name="titleSv" lang="sv" label={t.titleSv} hint={t.titleTranslationHint} value={text(values.titleSv)} error={errors.titleSv} autocomplete="off" />
      )}
      {languages.includes('en') && (
        <Field name="titleEn" lang="en" label={t.titleEn} hint={t.titleTranslationHint} value={text(values.titleEn)} error={errors.titleEn} autocomplete="off" />
      )}
      <p class="hint" id="times-hint">
        {t.timesHint}
      </p>
      {!open && <Field name="opensAt" type="datetime-local" label={t.opensAt} value={local(values.opensAt)} error={errors.opensAt} sharedHint="times-hint" required />}
      <Field name="closesAt" type="datetime-local" label={t.closesAt} value={local(values.closesAt)} error={errors.closesAt} sharedHint="times-hint" required />
      <Field
        name="reminderDays"
        label={t.reminderDays}
        hint={t.reminderHint}
        value={Array.isArray(values.reminderDays) ? values.reminderDays.join(', ') : text(values.reminderDays)}
        error={errors.reminderDays}
        autocomplete="off"
      />
      <Field name="recurrenceMonths" type="number" label={t.recurrenceMonths} hint={t.recurrenceHint} value={text(values.recurrenceMonths)} error={errors.recurrenceMonths} />
      <button type="submit">{round ? t.save : t.create}</button>
    </form>
  );
}

export function NewRoundPage({ c, values, errors }: FormProps) {
  const { lang, network, deps } = c.var;
  const t = roundText(lang);
  return (
    <RoundsShell c={c} title={t.newRound}>
      <section class="card narrow">
        <p class="breadcrumb">
          <a href={`/networks/${network.id}/rounds`}>{t.rounds}</a>
        </p>
        <h1>{t.newRound}</h1>
        <RoundForm lang={lang} csrfToken={csrfTokenOf(c)} networkId={network.id} languages={network.languages} catalogue={deps.catalogue.forNetwork(network.id)} values={values} errors={errors} />
      </section>
    </RoundsShell>
  );
}

export function EditRoundPage({ c, values, errors, round }: FormProps & { round: Round }) {
  const { lang, network, deps } = c.var;
  const t = roundText(lang);
  return (
    <RoundsShell c={c} title={t.editTitle}>
      <section class="card narrow">
        <p class="breadcrumb">
          <a href={`/networks/${network.id}/rounds/${round.id}`}>{round.title}</a>
        </p>
        <h1>{t.editTitle}</h1>
        <RoundForm lang={lang} csrfToken={csrfTokenOf(c)} networkId={network.id} languages={network.languages} catalogue={deps.catalogue.forNetwork(network.id)} values={values} errors={errors} round={round} />
      </section>
    </RoundsShell>
  );
}
