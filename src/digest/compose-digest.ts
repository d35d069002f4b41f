import type { Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import type { InlineImage } from '../mail/mailer.js';
import type { Report } from '../reports/report.js';
import { digestCharts } from './digest-charts.js';
import { digestContent } from './digest-content.js';
import { renderDigestHtml } from './digest-html.js';
import { renderDigestText } from './digest-text.js';
import { formatDay } from './format.js';

export type DigestInput = {
  report: Report;
  lang: Language;
  /** The read-only report link; it is the same for every recipient of one send. */
  reportUrl: string;
  networkName: string;
  /** The link's last valid day (YYYY-MM-DD), told to the reader. */
  reportExpiresOn?: string | undefined;
};

export type ComposedDigest = { subject: string; text: string; html: string; attachments: InlineImage[] };

/** The digest in one language: HTML with the charts inline by content id, and a plain-text part with the same figures. */
export async function composeDigest(input: DigestInput): Promise<ComposedDigest> {
  const { report, lang } = input;
  const t = digestText(lang);
  const charts = new Map(await Promise.all(report.questionnaires.map(async (q) => [q.questionnaireKey, await digestCharts(q, lang)] as const)));
  const view = {
    lang,
    subject: fill(t.subject, { networkName: input.networkName }),
    networkName: input.networkName,
    content: digestContent(report, lang),
    charts,
    reportUrl: input.reportUrl,
    linkValid: input.reportExpiresOn ? fill(t.linkValid, { expiresOn: formatDay(input.reportExpiresOn, lang) }) : null,
  };
  return {
    subject: view.subject,
    text: renderDigestText(view),
    html: await renderDigestHtml(view),
    attachments: [...charts.values()].flat().map((chart) => chart.image),
  };
}
