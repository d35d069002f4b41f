import type { Context } from 'hono';
import { CARD_QUESTIONS, MAX_QUOTES, MAX_TEXT, quoteValue, type CardTexts } from '../../cards/card-input.js';
import type { CardQuote } from '../../db/schema/index.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { memberText } from '../../i18n/members.js';
import { fill } from '../../i18n/messages.js';
import { networkCardText } from '../../i18n/network-card.js';
import type { OpenAnswers } from '../../results/open-answers.js';
import type { Round } from '../../results/round-results.js';
import { CsrfField } from '../csrf-field.js';
import { FieldFrame } from '../field-frame.js';
import { ResultsShell } from '../results/results-shell.js';
import { CardNotice, cardHref } from './card-shell.js';

export type CardFormProps = {
  c: Context<NetworkEnv>;
  round: Round;
  /** The language the texts are (to be) written in. */
  language: 'fi' | 'sv' | 'en';
  texts: CardTexts;
  quotes: CardQuote[];
  /** The round's open answers as its list shows them: only these can be quoted. */
  answers: OpenAnswers;
  prefilledFrom: Round | null;
  saved: boolean;
  errors: Record<string, string>;
  notice?: string | undefined;
};

/** The card's four texts and the quotes chosen from the round's shown open answers. */
export function CardFormPage({ c, round, language, texts, quotes, answers, prefilledFrom, saved, errors, notice }: CardFormProps) {
  const lang = c.var.lang;
  const t = networkCardText(lang);
  const base = cardHref(c.var.network.id, `/rounds/${round.id}`);
  const chosen = new Set(quotes.map(quoteValue));
  const quotable = answers.items.filter((item) => !item.withheld && item.answers.length > 0);
  return (
    <ResultsShell c={c} title={fill(t.formTitle, { round: round.title })} back={saved ? { href: base, label: t.backToCard } : { href: cardHref(c.var.network.id), label: t.title }}>
      <CardNotice text={notice} />
      <section class="card narrow">
        <h1>{fill(t.formTitle, { round: round.title })}</h1>
        <p class="lead">{fill(t.formLead, { language: memberText(lang)[`language_${language}`] })}</p>
        {prefilledFrom && <p class="notice">{fill(t.prefilled, { round: prefilledFrom.title })}</p>}
        <form method="post" action={base} novalidate>
          {Object.keys(errors).length > 0 && (
            <p class="form-error" role="alert">
              {commonText(lang).checkForm}
            </p>
          )}
          <CsrfField token={csrfTokenOf(c)} />
          {CARD_QUESTIONS.map((question) => (
            <FieldFrame
              name={question}
              label={t[`question_${question}`]}
              hint={fill(t.textHint, { max: MAX_TEXT })}
              error={errors[question]}
              control={(aria) => (
                <textarea id={question} name={question} rows={5} maxlength={MAX_TEXT} lang={language} {...aria}>
                  {texts[question]}
                </textarea>
              )}
            />
          ))}
          <fieldset class={errors.quote ? 'field has-error' : 'field'} aria-describedby={errors.quote ? 'quote-hint quote-error' : 'quote-hint'}>
            <legend>{t.quotesLegend}</legend>
            <p class="hint" id="quote-hint">
              {fill(t.quotesHint, { max: MAX_QUOTES, k: answers.openThreshold })}
            </p>
            {errors.quote && (
              <p class="field-error" id="quote-error">
                {errors.quote}
              </p>
            )}
            {quotable.length === 0 ? (
              <p>{t.noQuotes}</p>
            ) : (
              quotable.map((item, i) => (
                <fieldset class="quote-group">
                  <legend>{item.title[lang]}</legend>
                  {[...new Set(item.answers)].map((text, j) => {
                    const value = quoteValue({ itemKey: item.itemKey, text });
                    const id = `quote-${i}-${j}`;
                    return (
                      <label class="check" for={id}>
                        <input type="checkbox" id={id} name="quote" value={value} checked={chosen.has(value)} /> {text}
                      </label>
                    );
                  })}
                </fieldset>
              ))
            )}
          </fieldset>
          <button type="submit">{saved ? t.saveChanges : t.save}</button>
        </form>
      </section>
    </ResultsShell>
  );
}
