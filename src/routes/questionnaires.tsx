import { Hono, type Context } from 'hono';
import { diffVersions } from '../catalogue/diff.js';
import {
  createDraft,
  deleteDraft,
  findOwnedVersion,
  listOwnedVersions,
  NotADraftError,
  ownedVersionOf,
  publishDraft,
  type OwnedVersionRow,
} from '../catalogue/owned-versions.js';
import { CatalogueError, type QuestionnaireVersion } from '../catalogue/types.js';
import { validateSurvey } from '../catalogue/validate.js';
import { versionFile } from '../catalogue/version-file.js';
import { NotFoundError } from '../http/errors.js';
import { parseId } from '../http/ids.js';
import { readInput } from '../http/input.js';
import { coordinatorOnly, type NetworkEnv } from '../http/network-access.js';
import { actorOf, csrfTokenOf } from '../http/session.js';
import { fill } from '../i18n/messages.js';
import { questionnaireText } from '../i18n/questionnaires.js';
import { PreviewPage } from '../views/catalogue/preview-page.js';
import { VersionPage } from '../views/catalogue/version-page.js';
import { DraftActions, InvalidDraftPage, OwnedVersionActions } from '../views/questionnaires/owned-version-parts.js';
import { problemText } from '../views/questionnaires/problem-text.js';
import { QuestionnaireListPage } from '../views/questionnaires/questionnaire-list.js';

/** The network's own questionnaire versions, mounted at /networks/:networkId/questionnaires; coordinators only. */
export const questionnaireRoutes = new Hono<NetworkEnv>();
questionnaireRoutes.use(coordinatorOnly);

/** An imported file is read whole; a questionnaire of many pages in three languages stays well below this. */
export const MAX_QUESTIONNAIRE_BYTES = 512 * 1024;

const base = (c: Context<NetworkEnv>) => `/networks/${c.var.network.id}/questionnaires`;

const NOTICES = ['drafted', 'deleted'] as const;

async function listPage(c: Context<NetworkEnv>, error?: string, status: 200 | 400 | 404 | 409 | 413 | 422 = 200) {
  const t = questionnaireText(c.var.lang);
  const drafts = (await listOwnedVersions(c.var.deps.db, c.var.network.id)).filter((row) => row.status === 'draft');
  const done = NOTICES.find((notice) => notice === c.req.query('done'));
  const notice = done ? t[done] : undefined;
  return c.html(<QuestionnaireListPage c={c} visible={c.var.deps.catalogue.forNetwork(c.var.network.id)} drafts={drafts} notice={notice} error={error} />, status);
}

async function ownedRow(c: Context<NetworkEnv>): Promise<OwnedVersionRow> {
  const id = parseId(c.req.param('ownedId'));
  const row = id === null ? undefined : await findOwnedVersion(c.var.deps.db, c.var.network.id, id);
  if (!row) throw new NotFoundError(questionnaireText(c.var.lang).notFound);
  return row;
}

/** A draft as the version it would be, or the problem that stops it. */
function checked(c: Context<NetworkEnv>, row: OwnedVersionRow): QuestionnaireVersion | CatalogueError {
  try {
    return ownedVersionOf(row, c.var.deps.catalogue);
  } catch (error) {
    if (error instanceof CatalogueError) return error;
    throw error;
  }
}

// GET /networks/:networkId/questionnaires
questionnaireRoutes.get('/', (c) => listPage(c));

// POST /networks/:networkId/questionnaires/derive — a draft copied from a version the network can see.
questionnaireRoutes.post('/derive', async (c) => {
  const from = String((await readInput(c)).from ?? '');
  const [key, number] = from.split(':');
  const source = c.var.deps.catalogue.forNetwork(c.var.network.id).find(key ?? '', Number(number));
  if (!source) return listPage(c, questionnaireText(c.var.lang).unknownSource, 422);
  const draft = await createDraft(c.var.deps.db, c.var.deps.clock, c.var.network.id, c.var.session!.user.id, { key: source.key, parentVersion: source.version, json: source.json });
  return c.redirect(`${base(c)}/${draft.id}?done=drafted`, 303);
});

// POST /networks/:networkId/questionnaires/import — a SurveyJS file becomes a draft if it is a valid questionnaire.
questionnaireRoutes.post('/import', async (c) => {
  const t = questionnaireText(c.var.lang);
  const fields = await readInput(c);
  const visible = c.var.deps.catalogue.forNetwork(c.var.network.id);
  const key = String(fields.key ?? '');
  const latest = visible.versionsOf(key).at(-1);
  if (!latest) return listPage(c, t.unknownKey, 422);
  const file = fields.file;
  if (!(file instanceof File) || file.size === 0) return listPage(c, t.importNoFile, 422);
  if (file.size > MAX_QUESTIONNAIRE_BYTES) return listPage(c, fill(t.importTooLarge, { kb: MAX_QUESTIONNAIRE_BYTES / 1024 }), 413);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()));
  } catch {
    return listPage(c, t.importNotJson, 422);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return listPage(c, t.importNotJson, 422);
  try {
    validateSurvey(json, file.name);
  } catch (error) {
    if (error instanceof CatalogueError) return listPage(c, `${t.importRefused} ${t.problemIntro} ${problemText(error, c.var.lang)}`, 422);
    throw error;
  }
  const draft = await createDraft(c.var.deps.db, c.var.deps.clock, c.var.network.id, c.var.session!.user.id, { key, parentVersion: latest.version, json: json as Record<string, unknown> });
  return c.redirect(`${base(c)}/${draft.id}?done=drafted`, 303);
});

// GET /networks/:networkId/questionnaires/:ownedId — a draft or a published own version, with its diff to its parent.
questionnaireRoutes.get('/:ownedId', async (c) => {
  const t = questionnaireText(c.var.lang);
  const row = await ownedRow(c);
  const version = checked(c, row);
  const back = { href: base(c), label: t.title };
  const done = NOTICES.find((notice) => notice === c.req.query('done'));
  const published = c.req.query('published') !== undefined;
  const notice = done ? t[done] : published && row.status === 'published' ? fill(t.published, { version: version instanceof CatalogueError ? '' : version.label }) : undefined;
  if (version instanceof CatalogueError) return c.html(<InvalidDraftPage c={c} row={row} problem={problemText(version, c.var.lang)} />);
  const parent = row.parentVersion === null ? undefined : c.var.deps.catalogue.find(row.key, row.parentVersion);
  const changes = parent ? { previous: parent, diff: diffVersions(parent, version) } : undefined;
  const isDraft = row.status === 'draft';
  const parts = { lang: c.var.lang, csrf: csrfTokenOf(c), networkId: c.var.network.id, row, notice };
  return c.html(
    <VersionPage
      version={version}
      changes={changes}
      lang={c.var.lang}
      path={c.req.path}
      session={c.var.session}
      back={back}
      heading={isDraft ? t.draftHeading : undefined}
      actions={isDraft ? <DraftActions {...parts} /> : <OwnedVersionActions {...parts} />}
    />,
  );
});

// GET /networks/:networkId/questionnaires/:ownedId/preview — as members will see it; answers stay in the browser.
questionnaireRoutes.get('/:ownedId/preview', async (c) => {
  const version = checked(c, await ownedRow(c));
  if (version instanceof CatalogueError) throw new NotFoundError(questionnaireText(c.var.lang).draftInvalid);
  return c.html(<PreviewPage version={version} lang={c.var.lang} path={c.req.path} />);
});

// GET /networks/:networkId/questionnaires/:ownedId/export — the SurveyJS JSON, in the same form as a file under surveys/.
questionnaireRoutes.get('/:ownedId/export', async (c) => {
  const row = await ownedRow(c);
  const { name, body } = versionFile(row.key, row.status === 'published' ? `network-${row.networkId}-own-${row.ownNumber}` : `network-${row.networkId}-draft-${row.id}`, row.json);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});

// POST /networks/:networkId/questionnaires/:ownedId/publish
questionnaireRoutes.post('/:ownedId/publish', async (c) => {
  const t = questionnaireText(c.var.lang);
  const row = await ownedRow(c);
  if (row.status !== 'draft') return listPage(c, t.notADraft, 409);
  try {
    await publishDraft(c.var.deps.db, c.var.deps.clock, c.var.deps.catalogue, row, actorOf(c));
    return c.redirect(`${base(c)}/${row.id}?published`, 303);
  } catch (error) {
    if (error instanceof CatalogueError) return c.html(<InvalidDraftPage c={c} row={row} problem={problemText(error, c.var.lang)} />, 422);
    if (error instanceof NotADraftError) return listPage(c, t.notADraft, 409);
    throw error;
  }
});

// POST /networks/:networkId/questionnaires/:ownedId/delete — a draft only; a published version stays for good.
questionnaireRoutes.post('/:ownedId/delete', async (c) => {
  const row = await ownedRow(c);
  try {
    await deleteDraft(c.var.deps.db, row);
  } catch (error) {
    if (error instanceof NotADraftError) return listPage(c, questionnaireText(c.var.lang).notADraft, 409);
    throw error;
  }
  return c.redirect(`${base(c)}?done=deleted`, 303);
});
