import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, type SignedIn } from '../helpers/people.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';

type Who = 'anonymous' | 'outsider' | 'leader' | 'coordinator';
type Access = 'coordinator' | 'reader';
type Route = { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; path: string; access: Access };

let t: TestApp;
let people: Record<Exclude<Who, 'anonymous'>, SignedIn>;
let routes: Route[];

beforeAll(async () => {
  t = await createTestApp();
  const { network, coordinator, leader, outsider } = await networkWithPeople(t);
  people = { coordinator, leader, outsider };
  const round = await roundWithResponses(t, network.id, [1, 2, 3, 4, 5].map((v) => uniformAnswers(t, v)));
  const strategy = await roundWithResponses(t, network.id, [], { key: 'network-strategy', version: t.deps.catalogue.versionsOf('network-strategy').at(-1)!.version, closesAt: '2026-02-21T14:00:00.000Z' });
  const n = `/networks/${network.id}`;
  const api = `/api/networks/${network.id}`;
  routes = [
    { method: 'GET', path: n, access: 'reader' },
    { method: 'GET', path: `${n}/settings`, access: 'coordinator' },
    { method: 'POST', path: `${n}/settings`, access: 'coordinator' },
    { method: 'GET', path: `${n}/people`, access: 'coordinator' },
    { method: 'POST', path: `${n}/people/invite`, access: 'coordinator' },
    { method: 'GET', path: `${n}/members`, access: 'coordinator' },
    { method: 'GET', path: `${n}/members/export.csv`, access: 'coordinator' },
    { method: 'GET', path: api, access: 'reader' },
    { method: 'PUT', path: api, access: 'coordinator' },
    { method: 'GET', path: `${api}/members`, access: 'coordinator' },
    { method: 'POST', path: `${api}/members`, access: 'coordinator' },
    { method: 'GET', path: `${api}/results/rounds/${round.id}`, access: 'reader' },
    { method: 'GET', path: `${api}/results/rounds/${round.id}/open-answers`, access: 'reader' },
    { method: 'GET', path: `${api}/results/trend`, access: 'reader' },
    { method: 'GET', path: `${api}/actions`, access: 'reader' },
    { method: 'POST', path: `${api}/actions`, access: 'coordinator' },
    { method: 'GET', path: `${api}/actions/candidates/${round.id}`, access: 'coordinator' },
    { method: 'GET', path: `${api}/report`, access: 'reader' },
    { method: 'GET', path: `${api}/report-links`, access: 'coordinator' },
    { method: 'GET', path: `${n}/rounds`, access: 'coordinator' },
    { method: 'GET', path: `${n}/rounds/new`, access: 'coordinator' },
    { method: 'GET', path: `${n}/rounds/${round.id}`, access: 'coordinator' },
    { method: 'GET', path: `${n}/outbox`, access: 'coordinator' },
    { method: 'GET', path: `${api}/rounds`, access: 'coordinator' },
    { method: 'POST', path: `${api}/rounds`, access: 'coordinator' },
    { method: 'GET', path: `${api}/rounds/${round.id}`, access: 'coordinator' },
    { method: 'POST', path: `${api}/rounds/${round.id}/remind`, access: 'coordinator' },
    { method: 'GET', path: `${n}/results`, access: 'reader' },
    { method: 'GET', path: `${n}/results/rounds/${round.id}`, access: 'reader' },
    { method: 'GET', path: `${n}/agenda`, access: 'reader' },
    { method: 'GET', path: `${n}/reports`, access: 'coordinator' },
    { method: 'GET', path: `${n}/report`, access: 'reader' },
    { method: 'GET', path: `${api}/results/rounds/${round.id}/aggregates.csv`, access: 'reader' },
    { method: 'POST', path: `${api}/digest`, access: 'coordinator' },
    { method: 'POST', path: `${api}/report-links`, access: 'coordinator' },
    { method: 'GET', path: `${n}/card`, access: 'reader' },
    { method: 'GET', path: `${n}/card/rounds/${strategy.id}/edit`, access: 'coordinator' },
    { method: 'POST', path: `${n}/card/rounds/${strategy.id}`, access: 'coordinator' },
    { method: 'POST', path: `${n}/card/rounds/${strategy.id}/publish`, access: 'coordinator' },
    { method: 'GET', path: `${n}/audit`, access: 'reader' },
    { method: 'GET', path: `${n}/audit?round=${round.id}`, access: 'reader' },
    { method: 'GET', path: `${api}/audit`, access: 'reader' },
  ];
});
afterAll(() => t.database.dispose());

function request(route: Route, who: Who) {
  const user = who === 'anonymous' ? null : people[who];
  const isApi = route.path.startsWith('/api/');
  const headers: Record<string, string> = {};
  if (user) headers.cookie = user.cookie;
  if (user && route.method !== 'GET') headers[isApi ? 'x-csrf-token' : 'content-type'] = isApi ? user.csrf : 'application/x-www-form-urlencoded';
  if (isApi && route.method !== 'GET') headers['content-type'] = 'application/json';
  const body = route.method === 'GET' ? undefined : isApi ? '{}' : `_csrf=${user?.csrf ?? ''}`;
  return t.app.request(route.path, { method: route.method, headers, body });
}

/** What each kind of user must get: signed-out users are sent to sign in, strangers learn nothing. */
function expected(route: Route, who: Who): (status: number) => boolean {
  if (who === 'anonymous') return (s) => (route.path.startsWith('/api/') ? s === 401 : s === 303);
  if (who === 'outsider') return (s) => s === 404;
  if (who === 'leader' && route.access === 'coordinator') return (s) => s === 403;
  return (s) => s < 500 && ![401, 403, 404].includes(s);
}

describe('every role × route', () => {
  it('gets exactly what its role allows', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      for (const who of ['anonymous', 'outsider', 'leader', 'coordinator'] as const) {
        const { status } = await request(route, who);
        if (!expected(route, who)(status)) failures.push(`${who} ${route.method} ${route.path} → ${status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });
});
