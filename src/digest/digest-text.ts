import { digestText } from '../i18n/digest.js';
import { fill } from '../i18n/messages.js';
import { mailText } from '../i18n/mail.js';
import type { DigestSection } from './digest-content.js';
import type { DigestView } from './digest-html.js';

const heading = (text: string) => `${text}\n${'='.repeat(text.length)}`;
const list = (lines: string[], empty: string) => (lines.length === 0 ? empty : lines.map((line) => `- ${line}`).join('\n'));

function section(s: DigestSection, view: DigestView): string[] {
  const t = digestText(view.lang);
  const blocks = [heading(s.heading), ...s.notes];
  if (s.changes) {
    blocks.push(s.changes.heading, `${t.improvedHeading}:\n${list(s.changes.improved, t.noneBeyondNoise)}`, `${t.declinedHeading}:\n${list(s.changes.declined, t.noneBeyondNoise)}`, s.changes.note);
  }
  // The charts' figures are in the table below, so a reader of the text part misses nothing but the picture.
  if (s.means) {
    const rows = s.means.rows.map((row) => `- ${fill(t.meanLine, { name: row.name, mean: row.mean, n: row.n, previous: row.previous })}`);
    blocks.push(`${s.means.heading}:\n${rows.join('\n')}`);
  }
  return blocks;
}

/** The plain-text part: the same sentences and figures as the HTML, and the link on a line of its own. */
export function renderDigestText(view: DigestView): string {
  const t = digestText(view.lang);
  const mail = mailText(view.lang);
  const { content } = view;
  const blocks = [
    mail.greeting,
    content.sections.length > 0 ? t.intro : t.noRounds,
    ...content.sections.flatMap((s) => section(s, view)),
    heading(content.actionsHeading),
    ...content.together,
    list(content.actions, t.noActions),
    `${t.reportLead}\n${view.reportUrl}`,
    ...(view.linkValid ? [view.linkValid] : []),
    // "-- " is the usual signature separator; clients dim or fold what follows.
    `-- \n${t.whyReceived} ${mail.footer}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}
