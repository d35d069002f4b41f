import type { Language } from '../db/schema/networks.js';
import { digestText } from '../i18n/digest.js';
import { mailText } from '../i18n/mail.js';
import type { DigestChart } from './digest-charts.js';
import type { DigestContent, DigestSection } from './digest-content.js';
import { MailFrame } from '../mail/templates/mail-frame.js';

export type DigestView = {
  lang: Language;
  subject: string;
  networkName: string;
  content: DigestContent;
  charts: Map<string, DigestChart[]>;
  reportUrl: string;
  linkValid: string | null;
};

// Inline styles and layout tables: many mail clients drop <style> blocks and ignore flexbox.
const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;color:#1f2933;";
const P = `${FONT}margin:0 0 14px;font-size:16px;line-height:1.5;`;
const H1 = `${FONT}margin:0 0 16px;font-size:18px;font-weight:bold;color:#143f5e;`;
const H2 = `${FONT}margin:28px 0 12px;font-size:18px;font-weight:bold;color:#143f5e;`;
const H3 = `${FONT}margin:16px 0 8px;font-size:16px;font-weight:bold;`;
const LIST = `${FONT}margin:0 0 14px;padding-left:22px;font-size:15px;line-height:1.5;`;
const SMALL = `${FONT}margin:0 0 14px;font-size:13px;line-height:1.5;color:#52606d;`;
const CELL = `${FONT}padding:6px 8px;border-bottom:1px solid #e4e7eb;font-size:14px;`;
const BUTTON = `${FONT}display:inline-block;padding:12px 24px;border-radius:6px;background:#1d5a85;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;`;

function List({ lines, empty }: { lines: string[]; empty: string }) {
  if (lines.length === 0) return <p style={P}>{empty}</p>;
  return (
    <ul style={LIST}>
      {lines.map((line) => (
        <li>{line}</li>
      ))}
    </ul>
  );
}

function Section({ section, charts, lang }: { section: DigestSection; charts: DigestChart[]; lang: Language }) {
  const t = digestText(lang);
  const { changes, means } = section;
  return (
    <>
      <h2 style={H2}>{section.heading}</h2>
      {section.notes.map((note) => (
        <p style={P}>{note}</p>
      ))}
      {changes && (
        <>
          <h3 style={H3}>{changes.heading}</h3>
          <p style={`${P}margin-bottom:4px;font-weight:bold;`}>{t.improvedHeading}</p>
          <List lines={changes.improved} empty={t.noneBeyondNoise} />
          <p style={`${P}margin-bottom:4px;font-weight:bold;`}>{t.declinedHeading}</p>
          <List lines={changes.declined} empty={t.noneBeyondNoise} />
          <p style={SMALL}>{changes.note}</p>
        </>
      )}
      {charts.map((chart) => (
        <p style="margin:16px 0;">
          <img src={`cid:${chart.image.cid}`} alt={chart.alt} width={chart.width} height={chart.height} style="display:block;width:100%;max-width:600px;height:auto;border:0;" />
        </p>
      ))}
      {means && (
        <>
          <h3 style={H3}>{means.heading}</h3>
          <table width="100%" cellpadding={0} cellspacing={0} border={0} style="border-collapse:collapse;margin:0 0 14px;">
            <tr>
              {means.columns.map((column, i) => (
                <th scope="col" align={i === 0 ? 'left' : 'right'} style={`${CELL}font-weight:bold;`}>
                  {column}
                </th>
              ))}
            </tr>
            {means.rows.map((row) => (
              <tr>
                <td style={CELL}>{row.name}</td>
                <td align="right" style={CELL}>{row.mean}</td>
                <td align="right" style={CELL}>{row.n}</td>
                <td align="right" style={CELL}>{row.previous}</td>
              </tr>
            ))}
          </table>
        </>
      )}
    </>
  );
}

/** Every inserted value goes through JSX, which escapes it; nothing is concatenated into markup. */
export async function renderDigestHtml(view: DigestView): Promise<string> {
  const t = digestText(view.lang);
  const mail = mailText(view.lang);
  const { content } = view;
  const body = (
    <MailFrame lang={view.lang} subject={view.subject} width={648}>
      <tr>
        <td style="padding:20px 24px 12px;">
          <p style={H1}>{view.networkName}</p>
          <p style={P}>{mail.greeting}</p>
          <p style={P}>{content.sections.length > 0 ? t.intro : t.noRounds}</p>
          {content.sections.map((section) => (
            <Section section={section} charts={view.charts.get(section.questionnaireKey) ?? []} lang={view.lang} />
          ))}
          <h2 style={H2}>{content.actionsHeading}</h2>
          {content.together.map((line) => (
            <p style={P}>{line}</p>
          ))}
          <List lines={content.actions} empty={t.noActions} />
          <p style={`${P}margin-top:24px;`}>{t.reportLead}</p>
          <p style="margin:0 0 16px;">
            <a href={view.reportUrl} style={BUTTON}>
              {t.reportButton}
            </a>
          </p>
          <p style={SMALL}>
            {mail.buttonFallback}
            <br />
            <a href={view.reportUrl} style="color:#1d5a85;word-break:break-all;">
              {view.reportUrl}
            </a>
          </p>
          {view.linkValid && <p style={SMALL}>{view.linkValid}</p>}
          <p style={SMALL}>
            {t.whyReceived} {mail.footer}
          </p>
        </td>
      </tr>
    </MailFrame>
  );
  return `<!DOCTYPE html>\n${await body.toString()}`;
}
