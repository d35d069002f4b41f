import { afterEach, describe, expect, it } from 'vitest';
import { issueAccountLink } from '../../src/accounts/account-links.js';
import type { Language } from '../../src/db/schema/networks.js';
import { createSetupLink } from '../../src/setup/bootstrap.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, signedInUser, TEST_PASSWORD, type SignedIn } from '../helpers/people.js';

let t: TestApp;
// The setup link works only on a database with no accounts yet, so its form lives in an app of its own.
let empty: TestApp;
afterEach(() => {
  t?.database.dispose();
  empty?.database.dispose();
});

const HOUR = 3_600_000;
const LABELS = {
  fi: { set: ['Salasana', 'Salasana uudelleen'], change: ['Nykyinen salasana', 'Uusi salasana', 'Uusi salasana uudelleen'], mismatch: 'Salasanat eivät täsmää.' },
  sv: { set: ['Lösenord', 'Lösenord igen'], change: ['Nuvarande lösenord', 'Nytt lösenord', 'Nytt lösenord igen'], mismatch: 'Lösenorden stämmer inte överens.' },
  en: { set: ['Password', 'Password again'], change: ['Current password', 'New password', 'New password again'], mismatch: 'The passwords do not match.' },
} as const;

/** Each password input of the page: its label's text and its autocomplete, in page order. */
function passwordFields(html: string): Array<{ label: string; autocomplete: string }> {
  return [...html.matchAll(/<input id="([^"]+)" name="[^"]+" type="password"[^>]*autocomplete="([^"]+)"/g)].map(([, id, autocomplete]) => ({
    label: html.match(new RegExp(`<label for="${id}">([^<]*)</label>`))![1]!,
    autocomplete: autocomplete!,
  }));
}

type Form = { app: TestApp; path: string; user?: SignedIn; fields: Record<string, string> };

/** The four forms that set a password, each reached as a person would: by its link or signed in. */
async function passwordForms(): Promise<{ set: Form[]; change: Form }> {
  empty = await createTestApp();
  const setup = new URL(await createSetupLink(empty.deps.db, empty.deps.clock, empty.deps.secretKey, empty.deps.baseUrl)).pathname;
  t = await createTestApp();
  const { db, clock, secretKey } = t.deps;
  const { network } = await networkWithPeople(t);
  const me = await signedInUser(t, 'kaisa@kunta.example');
  const join = await issueAccountLink(db, clock, secretKey, 'account_invite', HOUR, { networkId: network.id, email: 'uusi@kunta.example', role: 'leader' });
  const reset = await issueAccountLink(db, clock, secretKey, 'password_reset', HOUR, { userId: me.userId });
  return {
    set: [
      { app: empty, path: setup, fields: { name: 'Kaisa', email: 'eka@kunta.example' } },
      { app: t, path: `/join/${join}`, fields: { name: 'Uusi Johtaja' } },
      { app: t, path: `/reset/${reset}`, fields: {} },
    ],
    change: { app: t, path: '/account/password', user: me, fields: { currentPassword: TEST_PASSWORD } },
  };
}

const mismatched = { newPassword: 'pitkä salasana 123', newPasswordAgain: 'pitkä salasana 124' };

async function post(form: Form, lang: Language) {
  const fields = { ...form.fields, ...mismatched };
  const init: RequestInit = form.user
    ? postForm(form.user, fields)
    : { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() };
  return form.app.app.request(`${form.path}?lang=${lang}`, init);
}

describe('forms that set a password', () => {
  it('label the pair alike on setup, joining and reset, and the change form as current, new and new again', async () => {
    const forms = await passwordForms();
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const [password, again] = LABELS[lang].set;
      for (const form of forms.set) {
        const page = await form.app.app.request(`${form.path}?lang=${lang}`);
        expect(page.status, form.path).toBe(200);
        expect(passwordFields(await page.text()), `${form.path} ${lang}`).toEqual([
          { label: password, autocomplete: 'new-password' },
          { label: again, autocomplete: 'new-password' },
        ]);
      }
      const account = await t.app.request(`/account?lang=${lang}`, { headers: { cookie: forms.change.user!.cookie } });
      const [current, fresh, freshAgain] = LABELS[lang].change;
      expect(passwordFields(await account.text())).toEqual([
        { label: current, autocomplete: 'current-password' },
        { label: fresh, autocomplete: 'new-password' },
        { label: freshAgain, autocomplete: 'new-password' },
        // The account's deletion asks for the current password too, labelled alike.
        { label: current, autocomplete: 'current-password' },
      ]);
    }
  });

  it('refuse two different passwords with the same 422 message on every form, in the reader’s language', async () => {
    const forms = await passwordForms();
    for (const lang of ['fi', 'sv', 'en'] as const) {
      for (const form of [...forms.set, forms.change]) {
        const response = await post(form, lang);
        expect(response.status, `${form.path} ${lang}`).toBe(422);
        const html = await response.text();
        expect(html.match(/<p class="field-error" id="newPasswordAgain-error">([^<]*)<\/p>/)?.[1], `${form.path} ${lang}`).toBe(LABELS[lang].mismatch);
      }
    }
  });
});
