import { Hono } from 'hono';
import { digestInputSchema } from '../../digest/digest-input.js';
import { requestDigest } from '../../digest/request-digest.js';
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
  const { user } = currentSession(c);
  const recipients = await requestDigest(deps, network, { extraRecipients: input.extraRecipients, lang: extraLang, requestedBy: { userId: user.id, email: user.email } });
  if (recipients === 0) throw new InvalidInputError(digestText(lang).noRecipients, { extraRecipients: digestText(lang).noRecipients });
  return c.json({ recipients }, 202);
});
