import { Hono, type Context } from 'hono';
import { exportResponse, memberFrom, saveRefusal, statusFrom } from '../http/member-request.js';
import { parseInput, readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf } from '../http/session.js';
import { memberText } from '../i18n/members.js';
import { fill } from '../i18n/messages.js';
import { decodeCsvBytes, MAX_IMPORT_BYTES } from '../members/csv-format.js';
import { importMembers } from '../members/csv-import.js';
import { fileProblemMessage } from '../members/import-report.js';
import * as memberActions from '../members/actions.js';
import { memberInputSchema } from '../members/member-input.js';
import { allMembers, searchMembers } from '../members/members.js';
import { ImportPage } from '../views/members/import-page.js';
import { ImportPreviewPage } from '../views/members/import-preview.js';
import { MemberListPage } from '../views/members/member-list.js';
import { AddMemberPage, EditMemberPage } from '../views/members/member-pages.js';
import { erasureText } from '../i18n/erasure.js';

/** Pages of the roster, mounted at /networks/:networkId/members. */
export const memberRoutes = new Hono<NetworkEnv>();

const base = (c: Context<NetworkEnv>) => `/networks/${c.var.network.id}/members`;

/** Notices after a redirect: only known words, and counts, come from the address. */
function noticeFrom(c: Context<NetworkEnv>): string | undefined {
  const t = memberText(c.var.lang);
  const done = c.req.query('done');
  if (done === 'added' || done === 'saved' || done === 'deactivated' || done === 'reactivated') return t[done];
  if (done === 'erased' || done === 'erasedListed') return erasureText(c.var.lang)[done];
  const counts = /^(\d+),(\d+),(\d+),(\d+)$/.exec(c.req.query('imported') ?? '');
  return counts ? fill(t.imported, { added: counts[1]!, updated: counts[2]!, unchanged: counts[3]!, skipped: counts[4]! }) : undefined;
}

// GET /networks/:networkId/members?q=&status=
memberRoutes.get('/', coordinatorOnly, async (c) => {
  const roster = await allMembers(c.var.deps.db, c.var.network.id);
  const search = c.req.query('q') ?? '';
  const status = statusFrom(c.req.query('status'));
  const shown = searchMembers(roster, { search, status, lang: c.var.lang });
  const active = roster.filter((member) => member.active).length;
  return c.html(<MemberListPage c={c} shown={shown} total={roster.length} active={active} search={search} status={status} notice={noticeFrom(c)} />);
});

// GET /networks/:networkId/members/new
memberRoutes.get('/new', coordinatorOnly, (c) => c.html(<AddMemberPage c={c} values={{ organisationType: 'other', language: c.var.network.languages[0] }} errors={{}} />));

// POST /networks/:networkId/members/new
memberRoutes.post('/new', coordinatorOnly, async (c) => {
  const parsed = parseInput(memberInputSchema(c.var.lang, c.var.network.languages), await readInput(c));
  if (!parsed.ok) return c.html(<AddMemberPage c={c} values={parsed.values} errors={parsed.fields} />, 422);
  const saved = await memberActions.add(c.var.deps, c.var.network.id, actorOf(c), parsed.data);
  if (!saved.ok) return c.html(<AddMemberPage c={c} values={parsed.data} errors={{ email: saveRefusal(c.var.lang, saved.reason) }} />, 422);
  return c.redirect(`${base(c)}/${saved.member.id}?done=added`, 303);
});

// GET /networks/:networkId/members/import
memberRoutes.get('/import', coordinatorOnly, (c) => c.html(<ImportPage c={c} />));

/** The uploaded file if one was chosen, else the pasted text. */
async function importText(fields: Record<string, unknown>): Promise<{ text: string; pasted: boolean } | 'too_large'> {
  const file = fields.file;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return 'too_large';
    return { text: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())), pasted: false };
  }
  return { text: typeof fields.csv === 'string' ? fields.csv : '', pasted: true };
}

// POST /networks/:networkId/members/import — a preview, or with confirm=true the import itself.
memberRoutes.post('/import', coordinatorOnly, async (c) => {
  const fields = await readInput(c);
  const input = await importText(fields);
  const refuse = (message: string, status: 413 | 422, pasted = '') => c.html(<ImportPage c={c} error={message} pasted={pasted} />, status);
  if (input === 'too_large') return refuse(fileProblemMessage({ code: 'too_large' }, c.var.lang), 413);
  const options = { confirm: fields.confirm === 'true', skipInvalid: fields.skipInvalid === 'true' };
  const outcome = await importMembers(c.var.deps.db, c.var.deps.clock, c.var.deps.secretKey, c.var.network, actorOf(c), input.text, options);
  switch (outcome.kind) {
    case 'file_problem': {
      const tooLarge = outcome.problem.code === 'too_large';
      return refuse(fileProblemMessage(outcome.problem, c.var.lang), tooLarge ? 413 : 422, input.pasted && !tooLarge ? input.text : '');
    }
    case 'preview':
    case 'refused':
      return c.html(<ImportPreviewPage c={c} plan={outcome.plan} csv={input.text} refused={outcome.kind === 'refused'} />, outcome.kind === 'refused' ? 422 : 200);
    case 'written': {
      const { added, updated, unchanged, skipped } = outcome.counts;
      return c.redirect(`${base(c)}?imported=${added},${updated},${unchanged},${skipped}`, 303);
    }
  }
});

// GET /networks/:networkId/members/export.csv
memberRoutes.get('/export.csv', coordinatorOnly, exportResponse);

// GET /networks/:networkId/members/:memberId
memberRoutes.get('/:memberId', coordinatorOnly, async (c) => {
  const member = await memberFrom(c);
  return c.html(<EditMemberPage c={c} member={member} values={member} errors={{}} notice={noticeFrom(c)} />);
});

// POST /networks/:networkId/members/:memberId
memberRoutes.post('/:memberId', coordinatorOnly, async (c) => {
  const member = await memberFrom(c);
  const parsed = parseInput(memberInputSchema(c.var.lang, c.var.network.languages), await readInput(c));
  if (!parsed.ok) return c.html(<EditMemberPage c={c} member={member} values={parsed.values} errors={parsed.fields} />, 422);
  const saved = await memberActions.edit(c.var.deps, c.var.network.id, actorOf(c), member.id, parsed.data);
  if (!saved.ok) return c.html(<EditMemberPage c={c} member={member} values={parsed.data} errors={{ email: saveRefusal(c.var.lang, saved.reason) }} />, 422);
  return c.redirect(`${base(c)}/${member.id}?done=saved`, 303);
});

for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
  // POST /networks/:networkId/members/:memberId/deactivate and /reactivate
  memberRoutes.post(`/:memberId/${action}`, coordinatorOnly, async (c) => {
    const member = await memberFrom(c);
    await memberActions.setActive(c.var.deps, c.var.network.id, actorOf(c), member.id, active);
    return c.redirect(`${base(c)}/${member.id}?done=${action}d`, 303);
  });
}
