import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_OWNED_VERSION } from '../../src/catalogue/load.js';
import type { QuestionnaireVersion } from '../../src/catalogue/types.js';
import type { TestApp } from '../helpers/app.js';
import { axeViolations, WCAG21_AA } from '../helpers/axe.js';
import { closeBrowserWorld, openBrowserWorld, watchProblems, type BrowserWorld } from '../helpers/browser.js';
import { createNetwork } from '../../src/networks/networks.js';
import { postForm, signedInUser } from '../helpers/people.js';
import { roundWithResponses } from '../results/fixture.js';

let t: TestApp;
let server: BrowserWorld['server'];
let browser: Browser;

beforeAll(async () => {
  ({ t, server, browser } = await openBrowserWorld('preview.js'));
}, 120_000);
afterAll(() => closeBrowserWorld({ browser, server, t }));

let networks = 0;
/** A network of its own with its coordinator signed in to a fresh browser context. */
async function signedInNetwork() {
  networks += 1;
  const coordinator = await signedInUser(t, `koordinaattori${networks}@kunta.example`);
  const network = await createNetwork(t.deps.db, t.deps.clock, coordinator.userId, { name: `Verkosto ${networks}`, languages: ['fi', 'sv', 'en'], anonymityThreshold: 5, collectSegments: true, bandStrength: 4, bandConcern: 3 });
  const context = await browser.newContext({ locale: 'fi-FI' });
  const split = coordinator.cookie.indexOf('=');
  await context.addCookies([{ name: coordinator.cookie.slice(0, split), value: coordinator.cookie.slice(split + 1), url: server.url }]);
  return { coordinator, network, context, base: `${server.url}/networks/${network.id}` };
}

const NEW_STATEMENT = { fi: 'Jäsenet luottavat toisiinsa myös erimielisyyksissä.', sv: 'Medlemmarna litar på varandra även när de är oense.', en: 'Members trust each other even when they disagree.' };
const OPEN_QUESTION = { fi: 'Mikä lisäisi luottamusta verkostossamme?', sv: 'Vad skulle öka förtroendet i vårt nätverk?', en: 'What would build trust in our network?' };
const REWRITTEN = { fi: 'Verkostoon kuuluu sekä suuria että pieniä kuntia.', sv: 'I nätverket finns både stora och små kommuner.', en: 'The network includes both large and small municipalities.' };

async function fillTexts(page: Page, prefix: string, texts: Record<string, string>) {
  for (const [lang, text] of Object.entries(texts)) await page.locator(`#${prefix}_${lang}`).fill(text);
}

const clickAndWait = (page: Page, click: Promise<void>) => Promise.all([page.waitForNavigation(), click]);

/** Answers each page of the preview with its first choices until the text is on screen. */
async function previewUntil(page: Page, text: string) {
  for (let pages = 0; pages < 12 && !(await page.getByText(text, { exact: true }).isVisible()); pages += 1) {
    for (const question of await page.locator('.sd-question').all()) {
      const choice = question.locator('.sd-selectbase__label');
      if ((await choice.count()) > 0) await choice.first().click();
    }
    await page.locator('.sd-navigation__next-btn').click();
  }
  await page.getByText(text, { exact: true }).waitFor();
}

/** Every scored statement of a version answered, the rule 9 ones a point higher in `lift` rounds, alternating so there is spread. */
function answers(version: QuestionnaireVersion, lift: number) {
  return Array.from({ length: 6 }, (_, i) =>
    Object.fromEntries(version.items.filter((item) => item.kind === 'scored').map((item) => [item.name, (item.measure === 'rule:9' ? 3 + lift : 3) + (i % 2)])),
  );
}

describe('the questionnaire editor in Chromium', () => {
  it('derives v1.1 from ground rules v1, rewords, removes and adds, previews and diffs it in three languages, publishes it, and compares a round on it with a v1 round', async () => {
    const { network, context, base } = await signedInNetwork();
    const page = await context.newPage();
    const problems = await watchProblems(page);
    const v1 = t.deps.catalogue.find('network-rules', 1)!;
    const title = (name: string) => v1.items.find((item) => item.name === name)!.title;

    await page.goto(`${base}/questionnaires`);
    await page.getByLabel('Versio, jonka pohjalta uusi tehdään').selectOption('network-rules:1');
    await clickAndWait(page, page.getByRole('button', { name: 'Tee uusi versio' }).click());
    await clickAndWait(page, page.getByRole('link', { name: 'Muokkaa luonnosta' }).click());
    const editor = page.url();

    // A small rewording: the editor proposes the same statement, and the coordinator confirms.
    const kept = `${title('r1_documented').fi.replace(/\.$/, '')} selkeästi.`;
    await clickAndWait(page, page.locator('#q-r1_documented').getByRole('link', { name: /Muokkaa/ }).click());
    await page.locator('#question-texts-title_fi').fill(kept);
    await clickAndWait(page, page.getByRole('button', { name: 'Tallenna' }).click());
    await expect.poll(() => page.textContent('[role=status]')).toContain('ehdotamme, että väittämä säilyttää merkityksensä');
    expect(await page.getByLabel(/^Sama väittämä/).isChecked()).toBe(true);
    await clickAndWait(page, page.getByRole('button', { name: 'Vahvista valinta' }).click());
    await expect.poll(() => page.textContent('[role=status]')).toContain('Valinta on tallennettu.');

    // A rewrite in every language: the editor proposes a new statement, and the coordinator confirms that too.
    await page.goto(editor);
    await clickAndWait(page, page.locator('#q-r2_diverse').getByRole('link', { name: /Muokkaa/ }).click());
    await fillTexts(page, 'question-texts-title', REWRITTEN);
    await clickAndWait(page, page.getByRole('button', { name: 'Tallenna' }).click());
    expect(await page.getByLabel(/^Uusi väittämä/).isChecked()).toBe(true);
    await clickAndWait(page, page.getByRole('button', { name: 'Vahvista valinta' }).click());

    // Remove one; add the network's own statement to rule 9, and an open question there by keyboard.
    await page.goto(editor);
    await clickAndWait(page, page.locator('#q-r4_linked_to_strategy').getByRole('button', { name: /Poista/ }).click());
    await expect.poll(() => page.locator('#q-r4_linked_to_strategy').count()).toBe(0);
    const rule9 = page.locator('#page-rule9');
    await rule9.getByText('Lisää verkoston oma väittämä').click();
    await fillTexts(page, 'add-statement-rule9-title', NEW_STATEMENT);
    await clickAndWait(page, page.locator('#add-statement-rule9-form').getByRole('button', { name: 'Lisää' }).click());
    await rule9.getByText('Lisää avoin kysymys').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-open-rule9-measure');
    for (const text of Object.values(OPEN_QUESTION)) {
      await page.keyboard.press('Tab');
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Tab');
    await clickAndWait(page, page.keyboard.press('Enter'));
    const rule9Titles = await page.locator('#page-rule9 .item-title').allTextContents();
    expect(rule9Titles.slice(-3)).toEqual([NEW_STATEMENT.fi, title('r9_comment').fi, OPEN_QUESTION.fi]);

    // The preview as members will see it, in each language.
    await clickAndWait(page, page.getByRole('link', { name: 'Esikatsele' }).click());
    await page.locator('.sd-root-modern').waitFor();
    await previewUntil(page, kept);
    await previewUntil(page, NEW_STATEMENT.fi);
    await page.getByText(OPEN_QUESTION.fi, { exact: true }).waitFor();
    for (const [lang, button] of [['sv', 'Svenska'], ['en', 'English']] as const) {
      await page.getByRole('button', { name: button }).click();
      await page.getByText(NEW_STATEMENT[lang], { exact: true }).waitFor();
      await page.getByText(OPEN_QUESTION[lang], { exact: true }).waitFor();
    }

    // The diff against version 1 in each language: three added, two removed (one of them the rewritten statement's old key), one reworded.
    const headings = { fi: ['Uudet (3)', 'Poistetut (2)', 'Sanamuoto muuttunut (1)'], sv: ['Nya (3)', 'Borttagna (2)', 'Ändrad formulering (1)'], en: ['Added (3)', 'Removed (2)', 'Reworded (1)'] };
    for (const lang of ['sv', 'en', 'fi'] as const) {
      await page.goto(`${editor}?lang=${lang}`);
      const diff = (await page.locator('#changes').textContent())!;
      for (const heading of headings[lang]) expect(diff, lang).toContain(heading);
      for (const text of [NEW_STATEMENT[lang], OPEN_QUESTION[lang], REWRITTEN[lang], title('r2_diverse')[lang], title('r4_linked_to_strategy')[lang]]) expect(diff, lang).toContain(text);
      expect(diff).toContain(kept);
    }

    await clickAndWait(page, page.getByRole('link', { name: 'Muutokset ja julkaisu' }).click());
    await clickAndWait(page, page.getByRole('button', { name: 'Julkaise versio' }).click());
    await expect.poll(() => page.textContent('main')).toContain('Versio 1.1 on julkaistu');
    await page.goto(`${base}/rounds/new`);
    expect(await page.locator(`option[value="network-rules:${FIRST_OWNED_VERSION}"]`).textContent()).toContain('versio 1.1');

    // A v1 round and a round on the new version, answered through the real storage path.
    const v11 = t.deps.catalogue.find('network-rules', FIRST_OWNED_VERSION)!;
    const before = await roundWithResponses(t, network.id, answers(v1, 0), { version: 1, closesAt: '2025-11-20T14:00:00.000Z' });
    const after = await roundWithResponses(t, network.id, answers(v11, 1), { version: FIRST_OWNED_VERSION, closesAt: '2026-02-20T14:00:00.000Z' });
    await page.goto(`${base}/results/compare?before=${before.id}&after=${after.id}`);
    const ruleRow = page.locator('table').first().locator('tr', { hasText: '9. Luottamus ja jäsenten kuuleminen' });
    expect(await ruleRow.locator('td').nth(0).textContent()).toContain('3,5');
    expect(await ruleRow.locator('td').nth(1).textContent()).toContain('4,5');
    expect(await page.locator('table').first().locator('tbody tr').count()).toBe(10);
    await page.getByText(/Molemmilla kierroksilla kysytyt/).click();
    const shared = page.locator('.compare-items table');
    await shared.locator('tr', { hasText: kept }).waitFor();
    expect(await shared.locator('tr', { hasText: REWRITTEN.fi }).count()).toBe(0);
    const only = async (heading: RegExp) => page.locator('h3', { hasText: heading }).locator('xpath=following-sibling::ul[1]').locator('li').allTextContents();
    expect(await only(/Vain myöhemmällä kierroksella \(2\)/)).toEqual([REWRITTEN.fi, NEW_STATEMENT.fi]);
    expect(await only(/Vain aiemmalla kierroksella \(2\)/)).toEqual([title('r2_diverse').fi, title('r4_linked_to_strategy').fi]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('passes axe and reflows at 1280 × 800 and 360 × 740 on the editor, a reworded statement and an open question', async () => {
    const { coordinator, network, context } = await signedInNetwork();
    const derived = await t.app.request(`/networks/${network.id}/questionnaires/derive`, postForm(coordinator, { from: 'network-rules:1' }));
    const edit = `${new URL(derived.headers.get('location')!, server.url).pathname}/edit`;
    await t.app.request(`${edit}/questions/r3_schedule`, postForm(coordinator, { title_fi: 'Aikataulu on kaikille selvä ja kirjattu yhteen paikkaan.' }));
    await t.app.request(`${edit}/survey`, postForm(coordinator, { title_sv: '' }));
    const page = await context.newPage();
    for (const path of [edit, `${edit}/questions/r3_schedule`, `${edit}/questions/r1_comment`, `${edit}/questions/organisation_type`]) {
      for (const [width, height] of [[1280, 800], [360, 740]] as const) {
        await page.setViewportSize({ width, height });
        await page.goto(`${server.url}${path}`);
        for (const details of await page.locator('details').all()) await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
        expect(await axeViolations(page, 'serious', WCAG21_AA), `${path} at ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}`).toBeLessThanOrEqual(width);
        const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((element) => element.id));
        expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'ids used twice').toEqual([]);
      }
    }
    // The draft misses a Swedish title, which the editor names with a link to the field.
    await page.goto(`${server.url}${edit}`);
    await page.getByRole('link', { name: 'Kysely: otsikko puuttuu ruotsiksi.' }).click();
    await page.locator('#survey-texts-title_sv').fill('Nätverkets spelregler');
    await clickAndWait(page, page.locator('#survey-texts-form').getByRole('button', { name: 'Tallenna' }).click());
    expect(await page.locator('.editor-problems').count()).toBe(0);
    await context.close();
  }, 120_000);
});
