import { copyFileSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = join(root, 'src/client');
export const CLIENT_BUILD_DIR = join(root, 'public/build');

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Bundles each top-level src/client/*.ts into public/build/ (src/client/lib/ holds the shared code) and copies SurveyJS's stylesheet. */
export async function buildClient(log: (line: string) => void = console.log): Promise<void> {
  const entryPoints = readdirSync(clientDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(clientDir, name));
  mkdirSync(CLIENT_BUILD_DIR, { recursive: true });
  const result = await build({
    entryPoints,
    outdir: CLIENT_BUILD_DIR,
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.map')) log(`${file.padEnd(36)} ${formatSize(output.bytes)}`);
  }
  // The font-less variant: the full one loads Open Sans from Google, which the CSP blocks and members should not be exposed to.
  const css = join(CLIENT_BUILD_DIR, 'survey-core.css');
  copyFileSync(join(root, 'node_modules/survey-core/survey-core.fontless.min.css'), css);
  log(`${relative(root, css).padEnd(36)} ${formatSize(statSync(css).size)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildClient();
}
