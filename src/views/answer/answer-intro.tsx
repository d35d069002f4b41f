import type { Language } from '../../db/schema/networks.js';
import { answerPageText } from '../../i18n/answer-page.js';
import { fill } from '../../i18n/messages.js';
import { formatDateTime } from '../../mail/format-date.js';
import { AnswerAnonymity } from './answer-anonymity.js';

export type IntroFacts = {
  title: string;
  description: string | null;
  networkName: string;
  roundTitle: string;
  coordinators: string[];
  estimatedMinutes: number;
  closesAt: string;
  anonymityThreshold: number;
  /** The network's published privacy notice in the page's language, or null while it has none. */
  privacyNotice: string | null;
};

/**
 * What the survey is, how long it takes, until when, and that the answer is anonymous:
 * kept short so that the first question is on a phone's first screen (the questionnaire's
 * description and its organiser follow the questions, see AnswerAbout). The welcome is for
 * the first page only (answer.ts hides it later); the anonymity details stay one tap away.
 */
export function AnswerIntro({ facts, lang }: { facts: IntroFacts; lang: Language }) {
  const t = answerPageText(lang);
  return (
    <div id="answer-intro" class="answer-intro">
      <p class="answer-context">{`${facts.networkName} · ${facts.roundTitle}`}</p>
      <h1>{facts.title}</h1>
      <p id="answer-welcome" class="answer-welcome">
        {`${fill(t.timing, { minutes: facts.estimatedMinutes, date: formatDateTime(new Date(facts.closesAt), lang) })} ${t.anonymityPromise}`}
      </p>
      <AnswerAnonymity lang={lang} threshold={facts.anonymityThreshold} />
    </div>
  );
}
