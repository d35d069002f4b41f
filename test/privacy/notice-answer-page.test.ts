import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { noticeKey } from '../../src/privacy/notice-link.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { openRound } from '../helpers/open-round.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

const NOTICE = { controller: 'Porvoon kaupunki', contactName: 'Tiina Tietosuoja', contactEmail: 'tietosuoja@porvoo.example', protectionOfficer: '', additional: '' };
const html = async (path: string) => (await t.app.request(path)).text();
/** The footer paragraph that says what is stored about the member. */
const storedLine = (page: string) => /<p id="answer-stored">([\s\S]*?)<\/p>/.exec(page)?.[1];

describe('the answer page and the privacy notice', () => {
  it('says in one sentence what is and is not stored, and links to the published notice in the page’s language', async () => {
    t = await createTestApp();
    const { network, path } = await openRound(t, { networkLanguages: ['fi', 'sv', 'en'] });
    await t.deps.db.update(networks).set({ privacyNotice: { ...NOTICE, publishedAt: '2026-03-01T10:00:00.000Z' } }).where(eq(networks.id, network.id));
    const key = noticeKey(t.deps.secretKey, network.id);
    const expected = {
      fi: ['Sinusta tallennetaan vain jäsenluettelon tiedot', 'vastauksiasi ei liitetä niihin', 'keskeneräiset vastauksesi säilyvät vain omassa selaimessasi.', `<a href="/privacy/${key}?lang=fi">Tietosuojaseloste</a>`],
      sv: ['Om dig sparas bara uppgifterna i medlemsförteckningen', 'dina svar kopplas inte till dem', 'dina påbörjade svar sparas bara i din egen webbläsare.', `<a href="/privacy/${key}?lang=sv">Dataskyddsbeskrivning</a>`],
      en: ['About you, we keep only your entry on the member list', 'your answers are never linked to them', 'unfinished answers stay only in your own browser.', `<a href="/privacy/${key}?lang=en">Privacy notice</a>`],
    };
    for (const [lang, phrases] of Object.entries(expected)) {
      const line = storedLine(await html(`${path}?lang=${lang}`));
      for (const phrase of phrases) expect(line, `${lang}: ${phrase}`).toContain(phrase);
    }
    // The link is the notice itself, open without signing in.
    const notice = await t.app.request(`/privacy/${key}?lang=sv`);
    expect(notice.status).toBe(200);
    expect(await notice.text()).toContain('<h2>Personuppgiftsansvarig</h2><p>Porvoon kaupunki</p>');
  });

  it('keeps the sentence but shows no link while the notice is a draft or not written', async () => {
    t = await createTestApp();
    const { network, path } = await openRound(t);
    expect(storedLine(await html(path))).toContain('Sinusta tallennetaan vain jäsenluettelon tiedot');
    expect(await html(path)).not.toContain('/privacy/');
    await t.deps.db.update(networks).set({ privacyNotice: { ...NOTICE, publishedAt: null } }).where(eq(networks.id, network.id));
    const page = await html(path);
    expect(storedLine(page)).toContain('keskeneräiset vastauksesi säilyvät vain omassa selaimessasi.');
    expect(page).not.toContain('/privacy/');
    expect(page).not.toContain('Tietosuojaseloste');
  });
});
