import { Hono, type Context } from 'hono';
import { diffVersions } from '../catalogue/diff.js';
import type { QuestionnaireVersion } from '../catalogue/types.js';
import type { AppEnv } from '../http/env.js';
import { NotFoundError } from '../http/errors.js';
import { catalogueText } from '../i18n/catalogue.js';
import { fill } from '../i18n/messages.js';
import { CatalogueListPage } from '../views/catalogue/catalogue-list.js';
import { PreviewPage } from '../views/catalogue/preview-page.js';
import { versionHref } from '../views/catalogue/version-href.js';
import { versionFile } from '../catalogue/version-file.js';
import { VersionPage } from '../views/catalogue/version-page.js';

export const catalogueRoutes = new Hono<AppEnv>();

const VERSION_SEGMENT = /^v([1-9][0-9]{0,5})$/;

/** The version named by :key and :version ("v2"), or a 404 that says which part is missing. */
function requestedVersion(c: Context<AppEnv>): QuestionnaireVersion {
  const t = catalogueText(c.var.lang);
  const { catalogue } = c.var.deps;
  const key = c.req.param('key') ?? '';
  const segment = c.req.param('version') ?? '';
  const versions = catalogue.versionsOf(key);
  const latest = versions.at(-1);
  if (!latest) throw new NotFoundError(fill(t.unknownQuestionnaire, { key }));
  const number = Number(VERSION_SEGMENT.exec(segment)?.[1]);
  const version = versions.find((v) => v.version === number);
  if (!version) throw new NotFoundError(fill(t.unknownVersion, { title: latest.title[c.var.lang], version: segment.replace(/^v/, '') }));
  return version;
}

// GET /catalogue — every questionnaire with its versions.
catalogueRoutes.get('/', (c) => c.html(<CatalogueListPage catalogue={c.var.deps.catalogue} lang={c.var.lang} path={c.req.path} />));

// GET /catalogue/:key/v:version — the items of one version, and what changed since the version before it.
catalogueRoutes.get('/:key/:version', (c) => {
  const version = requestedVersion(c);
  const previous = c.var.deps.catalogue.versionsOf(version.key).filter((v) => v.version < version.version).at(-1);
  const changes = previous ? { previous, diff: diffVersions(previous, version) } : undefined;
  const download = (
    <p>
      <a href={`${versionHref(version)}/export`} download>
        {catalogueText(c.var.lang).exportFile}
      </a>
    </p>
  );
  return c.html(<VersionPage version={version} changes={changes} lang={c.var.lang} path={c.req.path} actions={download} />);
});

// GET /catalogue/:key/v:version/export — the file itself, to import elsewhere or to start a network's own version from.
catalogueRoutes.get('/:key/:version/export', (c) => {
  const version = requestedVersion(c);
  const { name, body } = versionFile(version.key, `v${version.version}`, version.json);
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
});

// GET /catalogue/:key/v:version/preview — the version as members will see it; answers stay in the browser.
catalogueRoutes.get('/:key/:version/preview', (c) => {
  const version = requestedVersion(c);
  return c.html(<PreviewPage version={version} lang={c.var.lang} path={c.req.path} />);
});
