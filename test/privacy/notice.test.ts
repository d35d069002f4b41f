import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { networks } from '../../src/db/schema/index.js';
import { noticeKey } from '../../src/privacy/notice-link.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, type SignedIn } from '../helpers/people.js';
import { auditEvents } from '../../src/db/schema/index.js';

let t: TestApp;
let clock: ReturnType<typeof fixedClock>;
afterEach(() => t?.database.dispose());

const FILLED = {
  controller: 'Porvoon kaupunki',
  contactName: 'Tiina Tietosuoja',
  contactEmail: 'tietosuoja@porvoo.example',
  protectionOfficer: 'Kaupungin tietosuojavastaava, tietosuojavastaava@porvoo.example',
  additional: 'Verkostoon kuuluvat Porvoon ja Sipoon koulut.\n\nTietoja ei siirretä EU:n ulkopuolelle.',
};

async function world() {
  clock = fixedClock('2026-03-02T12:00:00.000Z');
  t = await createTestApp({ clock });
  const people = await networkWithPeople(t);
  // Settings of this network's own, so the notice is seen to state them rather than the defaults.
  await t.deps.db.update(networks).set({ invitationRetentionDays: 45, inactiveMemberRetentionMonths: 6, resultRetentionMonths: 36, anonymityThreshold: 7 }).where(eq(networks.id, people.network.id));
  return people;
}

const editor = (networkId: number) => `/networks/${networkId}/privacy/notice`;
const save = (user: SignedIn, networkId: number, fields: Record<string, string>, lang = 'fi') => t.app.request(`${editor(networkId)}?lang=${lang}`, postForm(user, fields));
const publicPage = (networkId: number, lang: string) => t.app.request(`/privacy/${noticeKey(t.deps.secretKey, networkId)}?lang=${lang}`);
const stored = async (networkId: number) => (await t.deps.db.select().from(networks).where(eq(networks.id, networkId)))[0]!.privacyNotice;

describe('the privacy notice editor', () => {
  it('saves a draft that members cannot see, then publishes it with the day', async () => {
    const { network, coordinator } = await world();
    const blank = await t.app.request(editor(network.id), { headers: { cookie: coordinator.cookie } });
    expect(blank.status).toBe(200);
    const page = await blank.text();
    expect(page).toContain('Tallenna luonnos');
    expect(page).toContain('Selostetta ei ole julkaistu');
    // The preview is there from the start, with the settings filled in.
    expect(page).toContain('45 päivän kuluttua');

    const draft = await save(coordinator, network.id, { controller: 'Porvoon kaupunki', intent: 'draft' });
    expect(draft.status).toBe(303);
    expect(draft.headers.get('location')).toBe(`${editor(network.id)}?done=draft`);
    expect(await stored(network.id)).toEqual({ controller: 'Porvoon kaupunki', contactName: '', contactEmail: '', protectionOfficer: '', additional: '', publishedAt: null });
    expect((await publicPage(network.id, 'fi')).status).toBe(404);
    const afterDraft = await (await t.app.request(`${editor(network.id)}?done=draft`, { headers: { cookie: coordinator.cookie } })).text();
    expect(afterDraft).toContain('Luonnos on tallennettu.');
    expect(afterDraft).toContain('value="Porvoon kaupunki"');

    clock.set('2026-03-02T13:00:00.000Z');
    const published = await save(coordinator, network.id, { ...FILLED, intent: 'publish' });
    expect(published.headers.get('location')).toBe(`${editor(network.id)}?done=published`);
    expect(await stored(network.id)).toEqual({ ...FILLED, publishedAt: '2026-03-02T13:00:00.000Z' });
    const after = await (await t.app.request(`${editor(network.id)}?done=published`, { headers: { cookie: coordinator.cookie } })).text();
    expect(after).toContain('Seloste on julkaistu.');
    expect(after).toContain(`Julkaistu 2.3.2026. Julkinen osoite: <a href="http://127.0.0.1:3000/privacy/${noticeKey(t.deps.secretKey, network.id)}?lang=fi"`);
    // Once members may hold the link, there is no way back to a draft: edits are published with a new date.
    expect(after).not.toContain('Tallenna luonnos');
    expect(after).toContain('Julkaise muutokset');
    const backToDraft = await save(coordinator, network.id, { ...FILLED, intent: 'draft' });
    expect(backToDraft.status).toBe(409);
    expect(await backToDraft.text()).toContain('eikä sitä voi palauttaa luonnokseksi');
    clock.set('2026-03-02T22:30:00.000Z');
    await save(coordinator, network.id, { ...FILLED, contactName: 'Teemu Tietosuoja', intent: 'publish' });
    const republished = await (await publicPage(network.id, 'fi')).text();
    expect(republished).toContain('Teemu Tietosuoja, tietosuoja@porvoo.example');
    // 22.30 UTC is already the next day in Helsinki.
    expect(republished).toContain('Julkaistu 3.3.2026.');
    const events = (await t.deps.db.select().from(auditEvents)).filter((event) => event.action === 'privacy_notice_published');
    expect(events.map((event) => event.at)).toEqual(['2026-03-02T13:00:00.000Z', '2026-03-02T22:30:00.000Z']);
  });

  it('previews without saving, live from the form too', async () => {
    const { network, coordinator } = await world();
    const preview = await save(coordinator, network.id, { ...FILLED, intent: 'preview' });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('<p>Porvoon kaupunki</p>');
    const fragment = await t.app.request(`${editor(network.id)}/preview?lang=sv`, postForm(coordinator, { ...FILLED, contactName: 'Live' }));
    expect(fragment.status).toBe(200);
    const html = await fragment.text();
    expect(html).toMatch(/^<article class="privacy-notice">/);
    expect(html).toContain('Live, tietosuoja@porvoo.example');
    expect(html).toContain('Utkast – beskrivningen har inte publicerats ännu.');
    expect(await stored(network.id)).toBeNull();
  });

  it('refuses to publish without a controller and a contact person one can write to, in the page’s language', async () => {
    const { network, coordinator } = await world();
    const cases = {
      fi: ['Kirjoita rekisterinpitäjän nimi.', 'Kirjoita yhteyshenkilön nimi.', 'Kirjoita toimiva sähköpostiosoite'],
      sv: ['Skriv namnet på den personuppgiftsansvarige.', 'Skriv kontaktpersonens namn.', 'Skriv en fungerande e-postadress'],
      en: ['Write the name of the controller.', 'Write the contact person’s name.', 'Enter a valid email address'],
    };
    for (const [lang, messages] of Object.entries(cases)) {
      const refused = await save(coordinator, network.id, { controller: ' ', contactName: '', contactEmail: 'not an address', additional: 'Kept as typed', intent: 'publish' }, lang);
      expect(refused.status).toBe(422);
      const page = await refused.text();
      for (const message of messages) expect(page).toContain(message);
      expect(page).toContain('Kept as typed');
      expect(page).toContain('aria-invalid="true"');
    }
    const tooLong = await save(coordinator, network.id, { ...FILLED, additional: 'x'.repeat(4001), intent: 'draft' }, 'en');
    expect(await tooLong.text()).toContain('The text is too long: at most 4000 characters.');
    const noIntent = await save(coordinator, network.id, FILLED, 'sv');
    expect(noIntent.status).toBe(422);
    expect(await noIntent.text()).toContain('Välj om utkastet ska sparas eller beskrivningen publiceras.');
    expect(await stored(network.id)).toBeNull();
  });

  it('is the coordinators’ alone', async () => {
    const { network, leader, outsider, coordinator } = await world();
    expect((await t.app.request(editor(network.id), { headers: { cookie: leader.cookie } })).status).toBe(403);
    expect((await save(leader, network.id, { ...FILLED, intent: 'publish' })).status).toBe(403);
    expect((await t.app.request(editor(network.id), { headers: { cookie: outsider.cookie } })).status).toBe(404);
    expect((await t.app.request(`${editor(network.id)}/preview`, postForm(outsider, FILLED))).status).toBe(404);
    expect((await t.app.request(editor(network.id))).status).not.toBe(200);
    const settings = await (await t.app.request(`/networks/${network.id}/settings`, { headers: { cookie: coordinator.cookie } })).text();
    expect(settings).toContain(`href="${editor(network.id)}"`);
  });
});

describe('the published notice', () => {
  it('is a readable 404 before publishing, and for a link that is not the network’s own', async () => {
    const { network, other, coordinator } = await world();
    const before = await publicPage(network.id, 'fi');
    expect(before.status).toBe(404);
    expect(await before.text()).toContain('Tätä tietosuojaselostetta ei ole julkaistu, tai linkki on virheellinen.');
    await save(coordinator, network.id, { ...FILLED, intent: 'publish' });
    expect((await publicPage(network.id, 'fi')).status).toBe(200);
    // Walking the ids gets nowhere: another network's id with this signature, a bare id, a forged signature.
    const [, signature] = noticeKey(t.deps.secretKey, network.id).split('-');
    for (const key of [`${other.id}-${signature}`, String(network.id), `${network.id}-0000000000000000`, `${network.id}-${signature!.toUpperCase()}`]) {
      const response = await t.app.request(`/privacy/${key}?lang=en`);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('This privacy notice has not been published, or the link is wrong.');
    }
  });

  it('reads in Finnish, Swedish and English with the network’s own settings, without signing in', async () => {
    const { network, coordinator } = await world();
    await save(coordinator, network.id, { ...FILLED, intent: 'publish' });
    const expected = {
      fi: [
        '<title>Tietosuojaseloste · Verkostopulssi</title>',
        'Verkosto: Testiverkosto',
        '<h2>Rekisterinpitäjä</h2><p>Porvoon kaupunki</p>',
        'Tiina Tietosuoja, tietosuoja@porvoo.example',
        '<h2>Tietosuojavastaava</h2><p>Kaupungin tietosuojavastaava, tietosuojavastaava@porvoo.example</p>',
        'nimettömillä kyselyillä',
        '6 artiklan 1 kohdan e alakohta',
        'nimi, sähköpostiosoite, organisaatio, organisaatiotyyppi ja kieli',
        'salasanan tiiviste',
        'vähintään 7 vastaajaa',
        'Keskeneräiset vastaukset säilyvät vain vastaajan omassa selaimessa',
        'Sähköpostin välityspalvelin',
        'poistetaan 45 päivän kuluttua kyselykierroksen päättymisestä',
        'poistetaan 6 kuukauden kuluttua passivoinnista',
        'tulokset poistetaan 36 kuukauden kuluttua kyselykierroksen päättymisestä, ellei koordinaattori poista niitä aiemmin',
        'tietosuojavaltuutetulle',
        'https://tietosuoja.fi',
        'Ota yhteyttä yhteyshenkilöön: Tiina Tietosuoja, tietosuoja@porvoo.example.',
        '<h2>Lisätietoja</h2><p>Verkostoon kuuluvat Porvoon ja Sipoon koulut.</p><p>Tietoja ei siirretä EU:n ulkopuolelle.</p>',
        'Julkaistu 2.3.2026.',
      ],
      sv: [
        '<title>Dataskyddsbeskrivning · Verkostopulssi</title>',
        'Nätverk: Testiverkosto',
        '<h2>Personuppgiftsansvarig</h2><p>Porvoon kaupunki</p>',
        'artikel 6.1 e i dataskyddsförordningen',
        'namn, e-postadress, organisation, organisationstyp och språk',
        'minst 7 svarande',
        'raderas 45 dagar efter att enkätomgången har avslutats',
        'raderas 6 månader efter att medlemmen inaktiverades',
        'raderas 36 månader efter att enkätomgången har avslutats, om inte koordinatorn raderar dem tidigare',
        'dataombudsmannen',
        'Kontakta kontaktpersonen: Tiina Tietosuoja, tietosuoja@porvoo.example.',
        'Publicerad 2.3.2026.',
      ],
      en: [
        '<title>Privacy notice · Verkostopulssi</title>',
        'Network: Testiverkosto',
        '<h2>Controller</h2><p>Porvoon kaupunki</p>',
        'Article 6(1)(e) of the GDPR',
        'name, email address, organisation, type of organisation and language',
        'at least 7 respondents',
        'erased 45 days after the survey round closes',
        'erased 6 months after deactivation',
        'erased 36 months after the survey round closes, unless a coordinator erases them earlier',
        'Data Protection Ombudsman',
        'Contact the contact person: Tiina Tietosuoja, tietosuoja@porvoo.example.',
        'Published on 2 March 2026.',
      ],
    };
    for (const [lang, phrases] of Object.entries(expected)) {
      const response = await publicPage(network.id, lang);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}">`);
      for (const phrase of phrases) expect(html, `${lang}: ${phrase}`).toContain(phrase);
      // No internal names, codes or raw JSON reach the reader.
      expect(html).not.toMatch(/publishedAt|contactEmail|invitationRetentionDays|"controller"/);
      expect(html).not.toContain('(puuttuu)');
    }
  });

  it('says one day and one month in the singular, and leaves out the sections left empty', async () => {
    const { network, coordinator } = await world();
    await t.deps.db.update(networks).set({ invitationRetentionDays: 1, inactiveMemberRetentionMonths: 1, resultRetentionMonths: null }).where(eq(networks.id, network.id));
    await save(coordinator, network.id, { ...FILLED, protectionOfficer: '', additional: '', intent: 'publish' });
    const sv = await (await publicPage(network.id, 'sv')).text();
    expect(sv).toContain('raderas en dag efter');
    expect(sv).toContain('raderas en månad efter');
    expect(sv).not.toContain('Dataskyddsombud');
    expect(sv).not.toContain('Ytterligare information</h2>');
    const en = await (await publicPage(network.id, 'en')).text();
    expect(en).toContain('erased one day after');
    expect(en).toContain('erased one month after');
    // Left empty, results are kept until a coordinator erases them.
    expect(en).toContain('Anonymous answers and the results computed from them are kept until a coordinator erases the round’s results.');
  });
});
