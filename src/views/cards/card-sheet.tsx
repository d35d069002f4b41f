import { CARD_QUESTIONS } from '../../cards/card-input.js';
import type { CardSheet } from '../../cards/sheet.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { networkCardText } from '../../i18n/network-card.js';
import { DataTable, MeanCell } from '../results/figure-parts.js';
import { formats } from '../results/format.js';
import { measureLabel } from '../results/labels.js';

type Props = {
  lang: Language;
  networkName: string;
  sheet: CardSheet;
  /** On its own page the card's title is the page's h1; inside the report it is one section's h2. */
  level: 'page' | 'section';
};

/** Paragraphs as the coordinator wrote them, blank lines between. */
const paragraphs = (text: string) => text.split(/\n\s*\n/).map((part) => part.trim()).filter(Boolean);

/**
 * The network's card: one A4 sheet when printed. The texts are in the
 * language they were written in, marked so, whatever the page's language.
 */
export function CardSheetView({ lang, networkName, sheet, level }: Props) {
  const t = networkCardText(lang);
  const f = formats(lang);
  const { texts, header } = sheet;
  const Title = level === 'page' ? 'h1' : 'h2';
  const Heading = level === 'page' ? 'h2' : 'h3';
  return (
    <article class="network-card" aria-labelledby={`network-card-${sheet.id}`}>
      <header class="network-card-head">
        <p class="report-kicker">
          {t.title}
          {!sheet.publishedAt && <span class="badge">{t.draftBadge}</span>}
        </p>
        <Title id={`network-card-${sheet.id}`}>{networkName}</Title>
        <p class="hint">
          {[fill(t.fromRound, { round: header.title, date: f.date(header.closesAt) }), ...(sheet.publishedAt ? [fill(t.publishedOn, { date: f.date(sheet.publishedAt) })] : [])].join(' · ')}
        </p>
      </header>
      <div class="network-card-texts">
        {CARD_QUESTIONS.map((question) => (
          <section class="network-card-text">
            <Heading>{t[`question_${question}`]}</Heading>
            {texts[question] ? (
              <div lang={sheet.language}>
                {paragraphs(texts[question]).map((part) => (
                  <p>{part}</p>
                ))}
              </div>
            ) : (
              <p class="hint">{t.notWritten}</p>
            )}
          </section>
        ))}
      </div>
      <section class="network-card-figures">
        <Heading>{t.areasTitle}</Heading>
        {sheet.withheld === 'erased' ? (
          <p class="notice withheld">{fill(t.erased, { date: f.date(header.resultsErasedAt ?? header.closesAt) })}</p>
        ) : sheet.withheld ? (
          <p class="notice withheld">{fill(t.figuresWithheld, { k: sheet.threshold })}</p>
        ) : (
          <DataTable
            caption={t.areasCaption}
            head={[t.colArea, `${t.colMean} (${t.colInterval})`, t.colN]}
            rows={sheet.areas.map((area) => [measureLabel(area.measure, lang), <MeanCell figures={area.figures} lang={lang} />, area.figures ? String(area.figures.n) : t.areaWithheld])}
            words={[0]}
          />
        )}
      </section>
      {sheet.quotes.length > 0 && (
        <section class="network-card-quotes">
          <Heading>{t.quotesTitle}</Heading>
          <ul>
            {sheet.quotes.map((quote) => (
              <li>
                <figure>
                  <blockquote>
                    <p>{quote.text}</p>
                  </blockquote>
                  {quote.question && <figcaption>{quote.question[lang]}</figcaption>}
                </figure>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
