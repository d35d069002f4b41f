import type { Child } from 'hono/jsx';
import type { Language } from '../../db/schema/networks.js';

/**
 * The frame every mail shares: one centred, table-based column, because common mail
 * clients ignore most CSS layout; its rows are the message's own.
 */
export function MailFrame({ lang, subject, width, children }: { lang: Language; subject: string; width: number; children: Child }) {
  return (
    <html lang={lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <title>{subject}</title>
      </head>
      <body style="margin:0;padding:0;background:#f5f7fa;">
        <table role="presentation" width="100%" cellpadding={0} cellspacing={0} border={0} style="background:#f5f7fa;">
          <tr>
            <td align="center" style="padding:24px 8px;">
              <table role="presentation" width="100%" cellpadding={0} cellspacing={0} border={0} style={`max-width:${width}px;background:#ffffff;border:1px solid #d3dae1;border-radius:8px;`}>
                {children}
              </table>
            </td>
          </tr>
        </table>
      </body>
    </html>
  );
}
