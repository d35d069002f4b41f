import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the record of processing activities', () => {
  it('is compiled from the network’s settings and the service’s configuration, in the reader’s language, for its coordinators and leaders', async () => {
    t = await createTestApp({ dataLocations: { database: 'embedded', backupDir: '/var/lib/verkostopulssi/backups', mailRelay: 'smtp.porvoo.example' } });
    const { network, coordinator, leader, outsider } = await networkWithPeople(t);
    await t.deps.db.update(networks).set({ invitationRetentionDays: 45, inactiveMemberRetentionMonths: 6 });
    const page = await t.app.request(`/networks/${network.id}/privacy/record`, { headers: { cookie: coordinator.cookie } });
    expect(page.status).toBe(200);
    const fi = text(await page.text());
    expect(fi).toContain('Seloste käsittelytoimista');
    expect(fi).toContain('Rekisterinpitäjä: ei vielä kirjattu tietosuojaselosteeseen');
    expect(fi).toContain('45 päivää kierroksen sulkeutumisesta');
    expect(fi).toContain('passivoitu jäsen poistetaan 6 kuukauden kuluttua');
    expect(fi).toContain('vain ryhminä, joissa on vähintään 5 vastaajaa');
    expect(fi).toContain('Varmuuskopiot: hakemisto /var/lib/verkostopulssi/backups palvelimella.');
    expect(fi).toContain('Sähköposti: välityspalvelin smtp.porvoo.example.');
    expect(fi).toContain('rehtori (rehtori@kunta.example), johdon edustaja');

    const sv = text(await (await t.app.request(`/networks/${network.id}/privacy/record?lang=sv`, { headers: { cookie: leader.cookie } })).text());
    expect(sv).toContain('Register över behandlingen');
    expect(sv).toContain('45 dagar efter att omgången har stängts');
    expect((await t.app.request(`/networks/${network.id}/privacy/record`, { headers: { cookie: outsider.cookie } })).status).toBe(404);
  });
});
