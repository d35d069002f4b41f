import { hashPassword } from '../../src/accounts/password.js';
import { createSession } from '../../src/accounts/sessions.js';
import { networkRoles, users, type Role } from '../../src/db/schema/index.js';
import { createNetwork } from '../../src/networks/networks.js';
import type { TestApp } from './app.js';

export type SignedIn = { userId: number; cookie: string; csrf: string };

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'testisalasana 1234';

/** A user with the test password, signed in through a real session. */
export async function signedInUser(t: TestApp, email: string, options: { isAdmin?: boolean } = {}): Promise<SignedIn> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const [user] = await t.deps.db
    .insert(users)
    .values({ email, name: email.split('@')[0]!, passwordHash: await passwordHash, isAdmin: options.isAdmin ?? false, createdAt: t.deps.clock.now().toISOString() })
    .returning();
  const { token, csrfToken } = await createSession(t.deps.db, t.deps.clock, t.deps.secretKey, user!.id);
  return { userId: user!.id, cookie: `vp_session=${token}`, csrf: csrfToken };
}

export async function grantRole(t: TestApp, networkId: number, userId: number, role: Role): Promise<void> {
  await t.deps.db.insert(networkRoles).values({ networkId, userId, role });
}

/** A network with a coordinator and a leader, plus an outsider who coordinates another network. */
export async function networkWithPeople(t: TestApp) {
  const coordinator = await signedInUser(t, 'koordinaattori@kunta.example', { isAdmin: true });
  const leader = await signedInUser(t, 'rehtori@kunta.example');
  const outsider = await signedInUser(t, 'ulkopuolinen@toinen.example');
  const settings = { name: 'Testiverkosto', languages: ['fi', 'sv', 'en'] as const, anonymityThreshold: 5, collectSegments: true, bandStrength: 4, bandConcern: 3 };
  const network = await createNetwork(t.deps.db, t.deps.clock, coordinator.userId, { ...settings, languages: [...settings.languages] });
  const other = await createNetwork(t.deps.db, t.deps.clock, outsider.userId, { ...settings, name: 'Toinen verkosto', languages: ['fi'] });
  await grantRole(t, network.id, leader.userId, 'leader');
  return { network, other, coordinator, leader, outsider };
}

/** Request options for a signed-in form post. */
export function postForm(user: SignedIn, fields: Record<string, string | string[]>): RequestInit {
  const body = new URLSearchParams();
  body.set('_csrf', user.csrf);
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return { method: 'POST', headers: { cookie: user.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() };
}

/** Request options for a signed-in JSON API call. */
export function sendJson(user: SignedIn, method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: { cookie: user.cookie, 'x-csrf-token': user.csrf, 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
}
