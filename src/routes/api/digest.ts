import { Hono } from 'hono';
import { digestInputSchema } from '../../digest/digest-input.js';
import { digestRecipients } from '../../digest/recipients.js';
import { sendDigest } from '../../digest/send-digest.js';
import { InvalidInputError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { currentSession } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { digestText } from '../../i18n/digest.js';

/** The emailed digest for leadership, on demand; mounted at /api/networks/:networkId/digest. */
export const digestApi = new Hono<NetworkEnv>();

// POST /api/networks/:networkId/digest — 202: drawing the charts and talking to SMTP happen after the answer.
digestApi.post('/', coordinatorOnly, async (c) => {
  const { deps, network, lang } = c.var;
  const input = requireValid(digestInputSchema(lang), await readInput(c), commonText(lang).checkForm);
  const extraLang = input.lang ?? network.languages[0] ?? 'fi';
  const recipients = await digestRecipients(deps.db, network.id, input.extraRecipients, extraLang);
  if (recipients.length === 0) throw new InvalidInputError(digestText(lang).noRecipients, { extraRecipients: digestText(lang).noRecipients });
  const { user } = currentSession(c);
  sendDigest(deps, network, { extraRecipients: input.extraRecipients, lang: extraLang, requestedBy: { userId: user.id, email: user.email } }).catch((error: unknown) =>
    deps.log.error('digest failed', { networkId: network.id, error: String(error) }),
  );
  return c.json({ recipients: recipients.length }, 202);
});
