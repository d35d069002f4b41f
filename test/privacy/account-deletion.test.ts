import { afterEach, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { grantRole, networkWithPeople, postForm, signedInUser, TEST_PASSWORD } from '../helpers/people.js';
import { databaseFileBytes } from '../helpers/db.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

describe('deleting one’s own account', () => {
  it('needs the password, then removes the account, its sessions and roles for good, and the log says so without the address', async () => {
    t = await createTestApp();
    const { network, coordinator, leader } = await networkWithPeople(t);
    const wrong = await t.app.request('/account/delete?lang=en', postForm(leader, { deletePassword: 'not it' }));
    expect(wrong.status).toBe(422);
    expect(await t.deps.db.select().from(users)).toHaveLength(3);

    const deleted = await t.app.request('/account/delete', postForm(leader, { deletePassword: TEST_PASSWORD }));
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toContain('Käyttäjätilisi on poistettu pysyvästi');
    expect(deleted.headers.get('set-cookie')).toMatch(/vp_session=;/);
    expect((await t.deps.db.select().from(users)).map((u) => u.email)).not.toContain('rehtori@kunta.example');
    expect((await t.app.request(`/networks/${network.id}`, { headers: { cookie: leader.cookie } })).status).toBe(303);
    const log = await (await t.app.request(`/networks/${network.id}/audit`, { headers: { cookie: coordinator.cookie } })).text();
    expect(log).toContain('rehtori poisti käyttäjätilinsä.');
    expect(databaseFileBytes(t.database)).not.toContain('rehtori@kunta.example');
  });

  it('is refused while a network has no other coordinator, or the service no other administrator', async () => {
    t = await createTestApp();
    const { network, coordinator, outsider } = await networkWithPeople(t);
    const alone = await t.app.request('/account/delete?lang=en', postForm(outsider, { deletePassword: TEST_PASSWORD }));
    expect(alone.status).toBe(409);
    expect(await alone.text()).toContain('you are the only coordinator of Toinen verkosto. Invite another coordinator first.');
    const second = await signedInUser(t, 'toinen@kunta.example');
    await grantRole(t, network.id, second.userId, 'coordinator');
    const lastAdmin = await t.app.request('/account/delete?lang=en', postForm(coordinator, { deletePassword: TEST_PASSWORD }));
    expect(lastAdmin.status).toBe(409);
    expect(await lastAdmin.text()).toContain('it is the service’s only administrator.');
    expect(await t.deps.db.select().from(users)).toHaveLength(4);
  });
});
