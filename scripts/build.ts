import { readdirSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { buildClient } from './build-client.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUILD_DIR = join(root, 'dist');

/**
 * What `node dist/<name>.js` runs: the server, the demo, and every operator script in
 * scripts/ (all but the build scripts), so a new script is built without touching this file.
 */
export function serverEntryPoints(): Record<string, string> {
  const entries: Record<string, string> = { index: join(root, 'src/index.ts'), demo: join(root, 'src/demo/cli.ts') };
  for (const name of readdirSync(join(root, 'scripts'))) {
    if (!name.endsWith('.ts') || name.startsWith('build')) continue;
    const entry = basename(name, '.ts');
    if (entries[entry]) throw new Error(`scripts/${name} would overwrite dist/${entry}.js; rename it`);
    entries[entry] = join(root, 'scripts', name);
  }
  return entries;
}

/**
 * Bundles the server code into plain ES modules for Node, so starting does no compiling.
 * npm packages stay imports into node_modules: native ones (@libsql/client, @napi-rs/canvas)
 * cannot be bundled, and the installed versions are then exactly the locked ones.
 * Returns the packages the built code imports, which must all be production dependencies, and
 * the project's top-level folders and files it was built from, which a container build must copy.
 */
export async function buildServer(outDir = SERVER_BUILD_DIR): Promise<{ entries: string[]; packages: string[]; sources: string[] }> {
  rmSync(outDir, { recursive: true, force: true });
  const entryPoints = serverEntryPoints();
  const result = await build({
    entryPoints,
    absWorkingDir: root,
    outdir: outDir,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Shared code in chunks, not copied into every script.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // Readable stack traces in the logs without shipping source maps.
    minify: false,
    metafile: true,
    logLevel: 'warning',
  });
  const packages = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const { path, external } of output.imports) {
      if (external && !isBuiltin(path)) packages.add(path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]!);
    }
  }
  const sources = new Set(Object.keys(result.metafile.inputs).map((path) => relative(root, resolve(root, path)).split(sep)[0]!));
  sources.delete('node_modules');
  return { entries: Object.keys(entryPoints).map((name) => join(outDir, `${name}.js`)), packages: [...packages].sort(), sources: [...sources].sort() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { entries } = await buildServer();
  for (const entry of entries) console.log(relative(root, entry));
  await buildClient();
}
