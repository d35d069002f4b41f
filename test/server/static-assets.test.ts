import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_BUILD_DIR, MANIFEST } from '../../scripts/build-client.js';
import { assetUrl } from '../../src/http/assets.js';
import { openRound } from '../helpers/open-round.js';
import { closeBrowserWorld, openBrowserWorld, type BrowserWorld } from '../helpers/browser.js';

let world: BrowserWorld;
beforeAll(async () => {
  world = await openBrowserWorld('answer.js');
});
afterAll(() => closeBrowserWorld(world));

describe('static assets', () => {
  it('are linked by content-hashed names and served precompressed with a year of caching', async () => {
    const manifest = JSON.parse(readFileSync(`${CLIENT_BUILD_DIR}/${MANIFEST}`, 'utf8')) as Record<string, string>;
    expect(Object.keys(manifest).sort()).toEqual(expect.arrayContaining(['answer.js', 'survey-core.css']));
    const { path } = await openRound(world.t);
    const html = await (await world.t.app.request(path)).text();
    expect(html).toContain(`/static/build/${manifest['answer.js']}`);
    expect(html).not.toContain('/static/build/answer.js"');
    expect(assetUrl('/static/build/answer.js')).toBe(`/static/build/${manifest['answer.js']}`);

    const url = `${world.server.url}${assetUrl('/static/build/answer.js')}`;
    const brotli = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = (await brotli.arrayBuffer()).byteLength;
    const plain = readFileSync(`${CLIENT_BUILD_DIR}/${manifest['answer.js']}`).length;
    // fetch decodes; the wire size is the .br file's.
    expect(bytes).toBe(plain);
    expect(readFileSync(`${CLIENT_BUILD_DIR}/${manifest['answer.js']}.br`).length).toBeLessThan(plain / 3);
    const gzip = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const css = await fetch(`${world.server.url}/static/app.css`, { headers: { 'accept-encoding': 'gzip' } });
    expect(css.headers.get('cache-control')).toBe('no-cache');
    expect(css.headers.get('content-encoding')).toBe('gzip');
  });
});
