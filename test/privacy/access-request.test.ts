import { afterEach, describe, expect, it } from 'vitest';
import { auditEvents, invitations, rounds } from '../../src/db/schema/index.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson, type SignedIn } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

async function addMember(user: SignedIn, networkId: number, member: Record<string, string>) {
  const response = await t.app.request(`/api/networks/${networkId}/members`, sendJson(user, 'POST', member));
  expect(response.status).toBe(201);
  return ((await response.json()) as { member: { id: number } }).member.id;
}

/** Aino is on two networks' rosters, invited to one round, invited as a leader, and has mail waiting: an invitation and a reminder. */
async function world() {
  t = await createTestApp();
  const people = await networkWithPeople(t);
  const { network, other, coordinator, outsider } = people;
  const ainoHere = await addMember(coordinator, network.id, { name: 'Aino Opettaja', email: 'aino@koulu.example', organisation: 'Järven koulu', organisationType: 'comprehensive_school', language: 'fi' });
  await addMember(outsider, other.id, { name: 'Aino O.', email: 'aino@koulu.example', organisation: 'Toinen koulu', organisationType: 'other', language: 'fi' });
  const [round] = await t.deps.db
    .insert(rounds)
    .values({ networkId: network.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Kevät 2026', status: 'open', opensAt: '2026-03-01T08:00:00.000Z', closesAt: '2026-03-20T14:00:00.000Z', createdAt: '2026-03-01T08:00:00.000Z' })
    .returning();
  await t.deps.db.insert(invitations).values({ roundId: round!.id, memberId: ainoHere, tokenHash: 'x', sentAt: '2026-03-01T09:00:00.000Z', createdAt: '2026-03-01T09:00:00.000Z' });
  await t.app.request(`/networks/${network.id}/people/invite`, postForm(coordinator, { email: 'aino@koulu.example', role: 'leader' }));
  const mail = { networkId: network.id, roundId: round!.id, recipient: 'aino@koulu.example', textBody: 'x', htmlBody: 'x' };
  await enqueueMail(t.deps.db, t.deps, { ...mail, kind: 'invitation', subject: 'Kutsu: Kevät 2026' });
  await enqueueMail(t.deps.db, t.deps, { ...mail, kind: 'reminder', subject: 'Muistutus: Kevät 2026' });
  return people;
}

const ask = (user: SignedIn, path: string, fields: Record<string, string>) => t.app.request(path, postForm(user, fields));

describe('an access request', () => {
  it('gives a coordinator one readable file, in the person’s language, of everything their network holds about the address — and nothing of other networks or of answering', async () => {
    const { network, coordinator } = await world();
    const response = await ask(coordinator, `/networks/${network.id}/privacy/access`, { email: ' AINO@koulu.example ', language: 'sv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="uppgifter-aino-koulu.example.txt"');
    const file = await response.text();
    expect(file).toContain('Uppgifter som Verkostopulssi har sparat om adressen aino@koulu.example');
    expect(file).toContain('Filen omfattar nätverket Testiverkosto.');
    expect(file).toContain('Adressen har inget användarkonto.');
    expect(file).toContain('Organisation: Järven koulu');
    expect(file).toContain('Organisationstyp: Grundläggande utbildning');
    expect(file).toContain('Kevät 2026: inbjudan skickad 1.3.2026 kl. 11.00');
    expect(file).toMatch(/- ledningsrepresentant i nätverket Testiverkosto, gäller till 16\.3\.2026/);
    expect(file).toContain('Kutsu: Kevät 2026');
    expect(file).toContain('lade till medlemmen Aino Opettaja (aino@koulu.example)');
    // A reminder waiting for her would say she has not answered; another network's roster is not this coordinator's to read.
    expect(file).not.toContain('Muistutus');
    expect(file).not.toContain('Toinen koulu');
    expect(file).not.toMatch(/organisationType|comprehensive_school|\bsv\b/);

    const [logged] = (await t.deps.db.select().from(auditEvents)).filter((event) => event.action === 'personal_data_exported');
    expect(logged).toMatchObject({ networkId: network.id, details: { email: 'aino@koulu.example' } });
  });

  it('is the coordinators’ alone, and a bad address gets a sentence in the page’s language', async () => {
    const { network, leader, outsider, coordinator } = await world();
    expect((await ask(leader, `/networks/${network.id}/privacy/access`, { email: 'aino@koulu.example', language: 'fi' })).status).toBe(403);
    expect((await ask(outsider, `/networks/${network.id}/privacy/access`, { email: 'aino@koulu.example', language: 'fi' })).status).toBe(404);
    const bad = await ask(coordinator, `/networks/${network.id}/privacy/access?lang=en`, { email: 'not an address', language: 'xx' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('Enter a valid email address.');
    expect(page).toContain('Choose the language of the file.');
  });

  it('across every network for the instance’s administrator, whose overview lists networks and coordinators but no results', async () => {
    const { network, other, coordinator, leader } = await world();
    const file = await (await ask(coordinator, '/admin/access', { email: 'aino@koulu.example', language: 'en' })).text();
    expect(file).toContain('The file covers every network of the service.');
    expect(file).toContain('Organisation: Järven koulu');
    expect(file).toContain('Organisation: Toinen koulu');
    const exported = (await t.deps.db.select().from(auditEvents)).filter((event) => event.action === 'personal_data_exported').map((event) => event.networkId);
    expect(exported.sort()).toEqual([network.id, other.id].sort());

    const overview = await t.app.request('/admin', { headers: { cookie: coordinator.cookie } });
    const html = await overview.text();
    expect(html).toContain('Testiverkosto');
    expect(html).toContain('Toinen verkosto');
    expect(html).toContain('ulkopuolinen (ulkopuolinen@toinen.example)');
    expect(html).not.toContain('/results');
    expect((await t.app.request('/admin', { headers: { cookie: leader.cookie } })).status).toBe(403);
    expect((await ask(leader, '/admin/access', { email: 'aino@koulu.example', language: 'fi' })).status).toBe(403);
  });
});
