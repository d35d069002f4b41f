import { createHash } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';

const root = fileURLToPath(new URL('..', import.meta.url));
const clientDir = join(root, 'src/client');
export const CLIENT_BUILD_DIR = join(root, 'public/build');
export const MANIFEST = 'manifest.json';

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${(bytes / 1024).toFixed(1)} kB`;
}

/** Brotli and gzip copies beside the file, so the server sends compressed bytes without compressing per request. */
function precompress(file: string): { br: number; gz: number } {
  const content = readFileSync(file);
  const br = brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } });
  const gz = gzipSync(content, { level: 9 });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gz);
  return { br: br.length, gz: gz.length };
}

/**
 * Bundles each top-level src/client/*.ts into public/build/ (src/client/lib/ holds the shared
 * code) under a content-hashed name, copies SurveyJS's stylesheet the same way, precompresses
 * everything, and writes manifest.json from logical to hashed names for the pages to link.
 */
export async function buildClient(log: (line: string) => void = console.log): Promise<void> {
  const entryPoints = readdirSync(clientDir)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(clientDir, name));
  mkdirSync(CLIENT_BUILD_DIR, { recursive: true });
  const result = await build({
    entryPoints,
    outdir: CLIENT_BUILD_DIR,
    entryNames: '[name]-[hash]',
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2020',
    // No source maps: served publicly they hand out the client code as written.
    sourcemap: false,
    metafile: true,
    logLevel: 'warning',
  });
  const manifest: Record<string, string> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!output.entryPoint) continue;
    manifest[`${basename(output.entryPoint, '.ts')}.js`] = basename(file);
  }
  // The font-less variant: the full one loads Open Sans from Google, which the CSP blocks and members should not be exposed to.
  const css = readFileSync(join(root, 'node_modules/survey-core/survey-core.fontless.min.css'));
  const cssName = `survey-core-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
  writeFileSync(join(CLIENT_BUILD_DIR, cssName), css);
  manifest['survey-core.css'] = cssName;
  for (const [name, file] of Object.entries(manifest)) {
    const path = join(CLIENT_BUILD_DIR, file);
    const { br, gz } = precompress(path);
    log(`${relative(root, path).padEnd(44)} ${formatSize(readFileSync(path).length).padStart(9)}, brotli ${formatSize(br)}, gzip ${formatSize(gz)}  (${name})`);
  }
  writeFileSync(join(CLIENT_BUILD_DIR, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildClient();
}
