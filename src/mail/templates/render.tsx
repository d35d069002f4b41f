import type { Language } from '../../db/schema/networks.js';
import { mailText } from '../../i18n/mail.js';
import { MailFrame } from './mail-frame.js';

/** A message as paragraphs around one call to action; rendered once as text and once as HTML. */
export type MailContent = {
  lang: Language;
  subject: string;
  /** Who the mail is from, shown above it in the HTML part (the text part has it in the signature or a line). */
  heading: string;
  greeting: string;
  intro: string[];
  action: { lead: string; label: string; link: string };
  outro: string[];
  /** A further link, such as the privacy notice, set apart from the call to action. */
  aside?: { lead: string; label: string; link: string } | undefined;
  signature: string[];
};

export type ComposedMail = { subject: string; text: string; html: string };

// Inline styles and layout tables: many mail clients drop <style> blocks and ignore flexbox.
const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
const PARAGRAPH = `${FONT}margin:0 0 16px;font-size:16px;line-height:1.5;color:#1f2933;`;
const BUTTON = `${FONT}display:inline-block;padding:12px 24px;border-radius:6px;background:#1d5a85;color:#ffffff;font-size:16px;font-weight:bold;text-decoration:none;`;
const HEADING = `${FONT}margin:0 0 16px;font-size:18px;font-weight:bold;line-height:1.3;color:#143f5e;`;
const SMALL = `${FONT}margin:0 0 16px;font-size:13px;line-height:1.5;color:#52606d;`;

function MailBody({ content }: { content: MailContent }) {
  const t = mailText(content.lang);
  const { action } = content;
  return (
    <MailFrame lang={content.lang} subject={content.subject} width={560}>
      <tr>
        <td style="padding:20px 28px 0;border-bottom:1px solid #d3dae1;">
          <p style={HEADING}>{content.heading}</p>
        </td>
      </tr>
      <tr>
        <td style="padding:24px 28px 12px;">
          <p style={PARAGRAPH}>{content.greeting}</p>
          {content.intro.map((text) => (
            <p style={PARAGRAPH}>{text}</p>
          ))}
          <p style="margin:24px 0;">
            <a href={action.link} style={BUTTON}>
              {action.label}
            </a>
          </p>
          <p style={SMALL}>
            {t.buttonFallback}
            <br />
            <a href={action.link} style="color:#1d5a85;word-break:break-all;">
              {action.link}
            </a>
          </p>
          {content.outro.map((text) => (
            <p style={PARAGRAPH}>{text}</p>
          ))}
          {content.aside && (
            <p style={SMALL}>
              {content.aside.lead}{' '}
              <a href={content.aside.link} style="color:#1d5a85;">
                {content.aside.label}
              </a>
            </p>
          )}
          <p style={PARAGRAPH}>
            {content.signature.map((line, i) => (
              <>
                {i > 0 && <br />}
                {line}
              </>
            ))}
          </p>
        </td>
      </tr>
      <tr>
        <td style="padding:0 28px 20px;">
          <p style={`${SMALL}margin:0;`}>{t.footer}</p>
        </td>
      </tr>
    </MailFrame>
  );
}

/** The plain-text part keeps the link on a line of its own so that every client makes it clickable. */
function renderText(content: MailContent): string {
  const blocks = [
    content.greeting,
    ...content.intro,
    `${content.action.lead}\n${content.action.link}`,
    ...content.outro,
    ...(content.aside ? [`${content.aside.lead}\n${content.aside.link}`] : []),
    content.signature.join('\n'),
    // "-- " is the usual signature separator; clients dim or fold what follows.
    `-- \n${mailText(content.lang).footer}`,
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** Every inserted value goes through JSX, which escapes it; nothing is concatenated into markup. */
export async function renderMail(content: MailContent): Promise<ComposedMail> {
  const html = await (<MailBody content={content} />).toString();
  return { subject: content.subject, text: renderText(content), html: `<!DOCTYPE html>\n${html}` };
}
