import type { Context } from 'hono';
import type { CardSheet } from '../../cards/sheet.js';
import type { NetworkEnv } from '../../http/network-access.js';
import { csrfTokenOf } from '../../http/session.js';
import { networkCardText } from '../../i18n/network-card.js';
import { CsrfField } from '../csrf-field.js';
import { CardSheetView } from './card-sheet.js';
import { ResultsShell } from '../results/results-shell.js';
import { CardNotice, cardHref } from './card-shell.js';

/** One round's card as it prints; a coordinator also gets its edit link and, for a draft, the publish button (neither prints). */
export function CardRoundPage({ c, sheet, notice }: { c: Context<NetworkEnv>; sheet: CardSheet; notice?: string | undefined }) {
  const t = networkCardText(c.var.lang);
  const base = cardHref(c.var.network.id, `/rounds/${sheet.roundId}`);
  const coordinator = c.var.role === 'coordinator';
  return (
    <ResultsShell c={c} title={t.title} back={{ href: cardHref(c.var.network.id), label: t.title }}>
      <CardNotice text={notice} />
      <div class="card network-card-page">
        <CardSheetView lang={c.var.lang} networkName={c.var.network.name} sheet={sheet} level="page" />
      </div>
      {coordinator && (
        <section class="card network-card-tools" aria-label={t.edit}>
          <p class="hint">{t.printHint}</p>
          <p>
            <a href={`${base}/edit`}>{t.edit}</a>
          </p>
          {!sheet.publishedAt && (
            <form method="post" action={`${base}/publish`}>
              <CsrfField token={csrfTokenOf(c)} />
              <p class="hint">{t.publishHint}</p>
              <button type="submit">{t.publish}</button>
            </form>
          )}
        </section>
      )}
    </ResultsShell>
  );
}
