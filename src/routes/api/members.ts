import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { InvalidInputError } from '../../http/errors.js';
import { readInput, requireValid } from '../../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../../http/network-access.js';
import { actorOf } from '../../http/session.js';
import { commonText } from '../../i18n/common.js';
import { memberText } from '../../i18n/members.js';
import { importMembers } from '../../members/csv-import.js';
import { fileProblemMessage, importReport } from '../../members/import-report.js';
import * as memberActions from '../../members/actions.js';
import { memberInputSchema, type MemberInput } from '../../members/member-input.js';
import { allMembers, searchMembers, type Member, type SaveResult } from '../../members/members.js';
import { exportResponse, memberFrom, saveRefusal, statusFrom } from '../../http/member-request.js';

/** The roster's JSON API, mounted at /api/networks/:networkId/members. */
export const memberApi = new Hono<NetworkEnv>();

const view = (member: Member) => ({
  id: member.id,
  name: member.name,
  email: member.email,
  organisation: member.organisation,
  organisationType: member.organisationType,
  language: member.language,
  active: member.active,
});

async function validMember(c: Context<NetworkEnv>): Promise<MemberInput> {
  return requireValid(memberInputSchema(c.var.lang, c.var.network.languages), await readInput(c), commonText(c.var.lang).checkForm);
}

function saved(c: Context<NetworkEnv>, result: SaveResult): Member {
  if (!result.ok) throw new InvalidInputError(commonText(c.var.lang).checkForm, { email: saveRefusal(c.var.lang, result.reason) });
  return result.member;
}

// GET /api/networks/:networkId/members?q=&status=
memberApi.get('/', coordinatorOnly, async (c) => {
  const roster = await allMembers(c.var.deps.db, c.var.network.id);
  const shown = searchMembers(roster, { search: c.req.query('q') ?? '', status: statusFrom(c.req.query('status')), lang: c.var.lang });
  return c.json({ members: shown.map(view), count: shown.length, total: roster.length, active: roster.filter((m) => m.active).length });
});

// POST /api/networks/:networkId/members
memberApi.post('/', coordinatorOnly, async (c) => {
  const member = saved(c, await memberActions.add(c.var.deps, c.var.network.id, actorOf(c), await validMember(c)));
  return c.json({ member: view(member) }, 201);
});

function importSchema(c: Context<NetworkEnv>) {
  const t = memberText(c.var.lang);
  return z.object({
    csv: z.string({ message: t.file_empty }),
    confirm: z.boolean({ message: t.flagInvalid }).default(false),
    skipInvalid: z.boolean({ message: t.flagInvalid }).default(false),
  });
}

// POST /api/networks/:networkId/members/import — {csv, confirm, skipInvalid}: a preview, or with confirm the import itself.
memberApi.post('/import', coordinatorOnly, async (c) => {
  const lang = c.var.lang;
  const { csv, ...options } = requireValid(importSchema(c), await readInput(c), commonText(lang).checkForm);
  const outcome = await importMembers(c.var.deps.db, c.var.deps.clock, c.var.deps.secretKey, c.var.network, actorOf(c), csv, options);
  if (outcome.kind === 'file_problem') {
    const error = fileProblemMessage(outcome.problem, lang);
    return c.json({ error, fields: { csv: error } }, outcome.problem.code === 'too_large' ? 413 : 422);
  }
  const preview = importReport(outcome.plan, lang, c.var.network.languages);
  if (outcome.kind === 'refused') return c.json({ error: memberText(lang).mustSkipOrFix, preview }, 422);
  if (outcome.kind === 'preview') return c.json({ preview });
  return c.json({ result: outcome.counts, preview });
});

// GET /api/networks/:networkId/members/export.csv
memberApi.get('/export.csv', coordinatorOnly, exportResponse);

// GET /api/networks/:networkId/members/:memberId
memberApi.get('/:memberId', coordinatorOnly, async (c) => c.json({ member: view(await memberFrom(c)) }));

// PUT /api/networks/:networkId/members/:memberId — replaces the member's details.
memberApi.put('/:memberId', coordinatorOnly, async (c) => {
  const { id } = await memberFrom(c);
  const member = saved(c, await memberActions.edit(c.var.deps, c.var.network.id, actorOf(c), id, await validMember(c)));
  return c.json({ member: view(member) });
});

for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
  // POST /api/networks/:networkId/members/:memberId/deactivate and /reactivate
  memberApi.post(`/:memberId/${action}`, coordinatorOnly, async (c) => {
    const { id } = await memberFrom(c);
    const member = await memberActions.setActive(c.var.deps, c.var.network.id, actorOf(c), id, active);
    return c.json({ member: view(member!) });
  });
}
