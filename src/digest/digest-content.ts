import type { Language } from '../db/schema/networks.js';
import { agendaText } from '../i18n/agenda.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import { prioritisationText } from '../i18n/prioritisation.js';
import type { QuestionnaireReport, Report } from '../reports/report.js';
import type { ComparedRow } from '../results/comparison.js';
import { scaleRange } from './chart-style.js';
import { formatDay, formatDifference, formatMean, formatRate, measureName } from './format.js';

/** The changes beyond noise, largest first, and how "beyond noise" was decided. */
export type DigestChanges = { heading: string; improved: string[]; declined: string[]; note: string };

export type MeansTable = { heading: string; columns: [string, string, string, string]; rows: Array<{ name: string; mean: string; n: string; previous: string }> };

/**
 * One questionnaire's latest round in words. Every figure is formatted here
 * once, and the HTML and the plain-text part both print these strings, so
 * the two parts cannot disagree.
 */
export type DigestSection = {
  questionnaireKey: string;
  heading: string;
  /** Response count and rate, or why there are no figures, or how the comparison went. */
  notes: string[];
  changes: DigestChanges | null;
  means: MeansTable | null;
};

/** `together`: one sentence per members' choosing round the agenda came from. */
export type DigestContent = { sections: DigestSection[]; actionsHeading: string; together: string[]; actions: string[] };

const MAX_CHANGES = 3;

function changeLines(rows: ComparedRow[], verdict: 'improved' | 'declined', lang: Language): string[] {
  const t = digestText(lang);
  return rows
    .filter((row) => row.change?.verdict === verdict && row.before?.mean != null && row.after?.mean != null)
    .sort((a, b) => Math.abs(b.change!.difference) - Math.abs(a.change!.difference))
    .slice(0, MAX_CHANGES)
    .map((row) =>
      fill(t.changeLine, {
        name: measureName(row.key, lang),
        before: formatMean(row.before!.mean!, lang),
        after: formatMean(row.after!.mean!, lang),
        difference: formatDifference(row.change!.difference, lang),
        low: formatDifference(row.change!.ci95.low, lang),
        high: formatDifference(row.change!.ci95.high, lang),
      }),
    );
}

/** What the comparison with the previous round says, as notes and (when something moved) the change lists. */
function comparisonOf(q: QuestionnaireReport, lang: Language): { notes: string[]; changes: DigestChanges | null } {
  const t = digestText(lang);
  const comparison = q.comparison;
  if (!comparison) return { notes: [t.firstRound], changes: null };
  if (comparison.before.withheld) return { notes: [comparison.before.withheld === 'erased' ? t.previousErased : t.previousWithheld], changes: null };
  const improved = changeLines(comparison.measures, 'improved', lang);
  const declined = changeLines(comparison.measures, 'declined', lang);
  if (improved.length === 0 && declined.length === 0) return { notes: [t.nothingChanged], changes: null };
  return { notes: [], changes: { heading: fill(t.changesHeading, { previous: comparison.before.title }), improved, declined, note: t.noiseNote } };
}

function meansOf(q: QuestionnaireReport, lang: Language): MeansTable {
  const t = digestText(lang);
  const before = new Map((q.comparison?.measures ?? []).map((row) => [row.key, row.before?.mean ?? null]));
  const range = scaleRange(q.latest.measures.map((m) => m.figures));
  const rows = q.latest.measures.flatMap((m) => {
    if (m.figures?.mean == null) return [];
    const previous = before.get(m.measure);
    return [{ name: measureName(m.measure, lang), mean: formatMean(m.figures.mean, lang), n: String(m.figures.n), previous: previous == null ? '–' : formatMean(previous, lang) }];
  });
  return { heading: fill(t.meansHeading, range), columns: [t.topicColumn, t.meanColumn, 'n', t.previousColumn], rows };
}

function sectionOf(q: QuestionnaireReport, lang: Language): DigestSection {
  const t = digestText(lang);
  const { latest } = q;
  const heading = fill(t.roundHeading, { roundTitle: latest.round.title, closedOn: formatDay(latest.round.closesAt, lang) });
  // Below the threshold not even the response count is shown: the digest says only that there are too few answers.
  if (latest.withheld) return { questionnaireKey: q.questionnaireKey, heading, notes: [latest.withheld === 'erased' ? t.erased : fill(t.withheld, { k: latest.threshold })], changes: null, means: null };
  const responses =
    latest.responseRate === null
      ? fill(t.responsesOnly, { responses: latest.responses })
      : fill(t.responsesWithRate, { responses: latest.responses, invited: latest.invited, rate: formatRate(latest.responseRate, lang) });
  const { notes, changes } = comparisonOf(q, lang);
  return { questionnaireKey: q.questionnaireKey, heading, notes: [responses, ...notes], changes, means: meansOf(q, lang) };
}

function actionLines(report: Report, lang: Language): string[] {
  const t = digestText(lang);
  const status = agendaText(lang);
  return report.actions
    .filter((action) => action.status === 'planned' || action.status === 'in_progress')
    .map((action) => {
      const owner = action.owner.trim() ? fill(t.actionOwner, { owner: action.owner.trim() }) : t.actionNoOwner;
      const due = action.dueOn ? fill(t.actionDue, { due: formatDay(action.dueOn, lang) }) : t.actionNoDue;
      return `${measureName(action.measure, lang)}: ${action.description} – ${owner}, ${due} (${status[`status_${action.status}`]})`;
    });
}

/** The digest's words and figures for one language, without any markup. */
export function digestContent(report: Report, lang: Language): DigestContent {
  const t = digestText(lang);
  const together = report.chosenTogether.map((entry) => fill(prioritisationText(lang).together, entry));
  return { sections: report.questionnaires.map((q) => sectionOf(q, lang)), actionsHeading: t.actionsHeading, together, actions: actionLines(report, lang) };
}
