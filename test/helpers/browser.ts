import { serve, type ServerType } from '@hono/node-server';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildClient, CLIENT_BUILD_DIR, MANIFEST } from '../../scripts/build-client.js';
import type { AppDeps } from '../../src/http/env.js';
import { createTestApp, type TestApp } from './app.js';
import type { AddressInfo } from 'node:net';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
}

/** Serves a fetch handler on 127.0.0.1 with a free port. */
export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type BrowserWorld = { t: TestApp; server: Awaited<ReturnType<typeof listen>>; browser: Browser };

/** The app over a fresh database, served on 127.0.0.1, and a Chromium; builds the bundle if a lone test run needs it. */
export async function openBrowserWorld(bundle: string, overrides: Partial<AppDeps> = {}): Promise<BrowserWorld> {
  // `npm test` builds first; a lone `vitest run` of one file builds here.
  const manifest = join(CLIENT_BUILD_DIR, MANIFEST);
  if (!existsSync(manifest) || !(bundle in JSON.parse(readFileSync(manifest, 'utf8')))) await buildClient(() => {});
  const t = await createTestApp(overrides);
  return { t, server: await listen(t.app.fetch), browser: await launchChromium() };
}

export async function closeBrowserWorld(world: Partial<BrowserWorld>): Promise<void> {
  await world.browser?.close();
  await world.server?.close();
  world.t?.database.dispose();
}

/** Records the page's console errors, script errors and CSP violations from now on; returns the list it fills. */
export async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
  });
  return problems;
}
