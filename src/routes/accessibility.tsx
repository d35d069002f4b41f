import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../http/env.js';
import { clientAddress } from '../http/client-address.js';
import { readInput } from '../http/input.js';
import { accessibilityText } from '../i18n/accessibility.js';
import { fill } from '../i18n/messages.js';
import { createAttemptWindow } from '../limits/attempt-window.js';
import { deliverSoon } from '../mail/deliver-soon.js';
import { formatDateTime } from '../mail/format-date.js';
import { enqueueMail } from '../mail/queue.js';
import { Layout } from '../views/layout.js';

/** When the statement was last assessed; a re-assessment changes it with the text. */
export const STATEMENT_DATE = '2026-12-03T10:00:00.000Z';
const GAPS = ['gap_assistive'] as const;
const MESSAGE_MAX = 4000;

/**
 * The form is open to everyone and each message becomes a mail to the
 * maintainer: one client address sends a few an hour, and all of them
 * together a day's worth that a person can still read.
 */
const FEEDBACK_LIMITS = { perAddress: 5, perAddressWindowMs: 60 * 60_000, total: 100, totalWindowMs: 24 * 60 * 60_000 } as const;

function feedbackSchema(t: ReturnType<typeof accessibilityText>) {
  return z.object({
    message: z.string({ message: t.messageRequired }).trim().min(1, t.messageRequired).max(MESSAGE_MAX, t.messageRequired),
    email: z.union([z.literal(''), z.email(t.emailInvalid).max(254, t.emailInvalid)], { message: t.emailInvalid }).default(''),
  });
}

type StatementProps = { c: Context<AppEnv>; sent?: boolean; refused?: string; errors?: Record<string, string>; values?: Record<string, string> };

function StatementPage({ c, sent = false, refused, errors = {}, values = {} }: StatementProps) {
  const lang = c.var.lang;
  const t = accessibilityText(lang);
  const hasForm = Boolean(c.var.deps.feedbackEmail);
  return (
    <Layout lang={lang} title={t.title} path={c.req.path} session={c.var.session}>
      <article class="card">
        <h1>{t.title}</h1>
        <p>{fill(t.scope, { url: c.var.deps.baseUrl })}</p>
        <h2>{t.statusTitle}</h2>
        <p>{t.status}</p>
        <h2>{t.gapsTitle}</h2>
        <p>{t.gapsIntro}</p>
        <ul>
          {GAPS.map((gap) => (
            <li>{t[gap]}</li>
          ))}
        </ul>
        <h2>{t.methodTitle}</h2>
        <p>{fill(t.method, { date: formatDateTime(new Date(STATEMENT_DATE), lang).replace(/ (klo|kl\.|at) .*$/, '') })}</p>
        <h2 id="feedback">{t.feedbackTitle}</h2>
        <p>{t.feedbackIntro}</p>
        {refused && (
          <p class="form-error" role="alert">
            {refused}
          </p>
        )}
        {sent && (
          <p class="notice-ok" role="status">
            {t.feedbackThanks}
          </p>
        )}
        {hasForm ? (
          <form method="post" action="/accessibility/feedback#feedback" novalidate>
            <div class={`field${errors.message ? ' has-error' : ''}`}>
              <label for="message">{t.feedbackMessage}</label>
              <textarea id="message" name="message" rows={6} maxlength={MESSAGE_MAX} aria-invalid={errors.message ? 'true' : undefined} aria-describedby={errors.message ? 'message-error' : undefined}>
                {values.message ?? ''}
              </textarea>
              {errors.message && (
                <p class="field-error" id="message-error">
                  {errors.message}
                </p>
              )}
            </div>
            <div class={`field${errors.email ? ' has-error' : ''}`}>
              <label for="email">{t.feedbackEmail}</label>
              <input id="email" name="email" type="email" autocomplete="email" value={values.email ?? ''} aria-invalid={errors.email ? 'true' : undefined} aria-describedby={errors.email ? 'email-error' : undefined} />
              {errors.email && (
                <p class="field-error" id="email-error">
                  {errors.email}
                </p>
              )}
            </div>
            <button type="submit">{t.feedbackSend}</button>
          </form>
        ) : (
          <p>{t.feedbackNone}</p>
        )}
        <h2>{t.supervisionTitle}</h2>
        <p>{t.supervision}</p>
      </article>
    </Layout>
  );
}

/** The accessibility statement and its feedback channel, open to everyone; mounted at /accessibility. */
export function accessibilityRoutes(limits = FEEDBACK_LIMITS) {
  const routes = new Hono<AppEnv>();
  const addresses = createAttemptWindow({ limit: limits.perAddress, windowMs: limits.perAddressWindowMs });
  const everyone = createAttemptWindow({ limit: limits.total, windowMs: limits.totalWindowMs, maxKeys: 1 });

  // GET /accessibility
  routes.get('/', (c) => c.html(<StatementPage c={c} />));

  // POST /accessibility/feedback — goes to FEEDBACK_EMAIL through the mail queue, like all mail.
  routes.post('/feedback', async (c) => {
    const t = accessibilityText(c.var.lang);
    const to = c.var.deps.feedbackEmail;
    if (!to) return c.html(<StatementPage c={c} />, 404);
    const input = await readInput(c);
    const parsed = feedbackSchema(t).safeParse(input);
    const values = { message: String(input.message ?? '').slice(0, MESSAGE_MAX), email: String(input.email ?? '') };
    if (!parsed.success) return c.html(<StatementPage c={c} errors={Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]))} values={values} />, 422);
    const now = c.var.deps.clock.now().getTime();
    const address = clientAddress(c);
    const wait = Math.max(addresses.wait(address, now), everyone.wait('', now));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return c.html(<StatementPage c={c} refused={fill(t.feedbackTooMany, { minutes: Math.ceil(wait / 60) })} values={values} />, 429);
    }
    addresses.record(address, now);
    everyone.record('', now);
    const { message, email } = parsed.data;
    const reply = email ? fill(t.mailReplyTo, { email }) : t.mailNoReply;
    const text = `${message}\n\n${reply}`;
    await enqueueMail(c.var.deps.db, c.var.deps, { kind: 'accessibility-feedback', recipient: to, subject: t.mailSubject, textBody: text, htmlBody: '', replyTo: email || undefined });
    deliverSoon(c.var.deps);
    return c.html(<StatementPage c={c} sent />);
  });
  return routes;
}
