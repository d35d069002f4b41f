import { MAX_TEXT_LENGTH } from '../../answering/answer-rules.js';
import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { fill } from '../../i18n/messages.js';
import { formatDateTime } from '../../mail/format-date.js';

export type IntroFacts = {
  title: string;
  description: string | null;
  networkName: string;
  roundTitle: string;
  coordinators: string[];
  estimatedMinutes: number;
  closesAt: string;
  anonymityThreshold: number;
};

/** Who asks, how long it takes, until when, and how the answer stays anonymous: what a member wants to know before starting. */
export function AnswerIntro({ facts, lang }: { facts: IntroFacts; lang: Language }) {
  const t = answerPageText(lang);
  const names = new Intl.ListFormat(lang, { type: 'conjunction' }).format(facts.coordinators);
  return (
    <div id="answer-intro" class="answer-intro">
      <p class="answer-context">{`${facts.networkName} · ${facts.roundTitle}`}</p>
      <h1>{facts.title}</h1>
      {facts.description && <p class="lead">{facts.description}</p>}
      <dl class="facts answer-facts">
        <dt>{t.runBy}</dt>
        <dd>
          {facts.networkName}
          {facts.coordinators.length > 0 && (
            <span class="answer-coordinators">{fill(facts.coordinators.length > 1 ? t.coordinatedByMany : t.coordinatedBy, { names })}</span>
          )}
        </dd>
        <dt>{t.duration}</dt>
        <dd>{fill(t.minutes, { minutes: facts.estimatedMinutes })}</dd>
        <dt>{t.closes}</dt>
        <dd>{formatDateTime(new Date(facts.closesAt), lang)}</dd>
      </dl>
      <section class="card answer-anonymity" aria-labelledby="anonymity-heading">
        <h2 id="anonymity-heading">{t.anonymityHeading}</h2>
        <ul>
          <li>{t.anonymityStored}</li>
          <li>{fill(t.anonymitySummaries, { k: facts.anonymityThreshold })}</li>
          <li>{t.anonymityComments}</li>
          <li>{fill(t.anonymityNames, { max: MAX_TEXT_LENGTH })}</li>
          <li>{t.draftKept}</li>
        </ul>
      </section>
    </div>
  );
}
