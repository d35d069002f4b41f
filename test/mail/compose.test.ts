import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/db/schema/networks.js';
import { accountInviteMail, invitationMail, passwordResetMail, reminderMail, type ComposedMail } from '../../src/mail/compose.js';
import { formatDateTime } from '../../src/mail/format-date.js';

const HOSTILE = '<script>alert(1)</script> & Co';
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co';
const LINK = 'https://pulssi.example.fi/a/Xy_9-abcDEF0123456789abcdef';
// 14:00 UTC is 16:00 in Helsinki in March (UTC+2).
const CLOSES_AT = new Date('2026-03-12T14:00:00.000Z');
const LOCAL_CLOSING: Record<Language, string> = { fi: '12.3.2026 klo 16.00', sv: '12.3.2026 kl. 16.00', en: '12 March 2026 at 16:00' };
const LANGUAGES: Language[] = ['fi', 'sv', 'en'];

function survey(lang: Language) {
  return { lang, networkName: HOSTILE, coordinatorName: 'Maija Meikäläinen', roundTitle: 'Kevät 2026', link: LINK, closesAt: CLOSES_AT, estimatedMinutes: 7, anonymityThreshold: 5 };
}

/** The link is on a line of its own in the text, and a real href in the HTML. */
function expectLink(mail: ComposedMail) {
  expect(mail.text.split('\n')).toContain(LINK);
  expect(mail.html).toContain(`href="${LINK}"`);
}

function expectEscaped(mail: ComposedMail) {
  expect(mail.html).not.toContain('<script>');
  expect(mail.html).toContain(ESCAPED);
  expect(mail.text).toContain(HOSTILE);
}

describe('invitation and reminder', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: link, local closing time, anonymity and escaped names`, async () => {
      for (const compose of [invitationMail, reminderMail]) {
        const mail = await compose(survey(lang));
        expectLink(mail);
        expectEscaped(mail);
        expect(mail.text).toContain(LOCAL_CLOSING[lang]);
        expect(mail.html).toContain(LOCAL_CLOSING[lang]);
        expect(mail.text).toContain('Maija Meikäläinen');
        expect(mail.text).toMatch(/\b5\b/);
        expect(mail.subject).toContain('Kevät 2026');
        expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${lang}"`));
      }
    });
  }

  it('says it in the member language, Finnish first', async () => {
    const fi = await invitationMail(survey('fi'));
    expect(fi.text).toContain('Vastauksiasi ei voi jäljittää sinuun');
    expect(fi.text).toContain('vähintään 5 vastaajaa');
    expect(fi.text).toContain('noin 7 minuuttia');
    expect((await invitationMail(survey('sv'))).text).toContain('minst 5 svarande');
    expect((await reminderMail(survey('en'))).subject).toBe('Reminder: Kevät 2026');
  });
});

describe('the privacy notice link', () => {
  const NOTICE = 'https://pulssi.example.fi/privacy/3-0123456789abcdef?lang=sv';
  it('stands on a line of its own in the text and as a named link in the HTML, in both kinds of survey mail', async () => {
    for (const compose of [invitationMail, reminderMail]) {
      const mail = await compose({ ...survey('sv'), privacyNoticeLink: NOTICE });
      expect(mail.text).toContain(`Hur dina uppgifter behandlas står i nätverkets dataskyddsbeskrivning:\n${NOTICE}\n`);
      expect(mail.html).toContain(`<a href="${NOTICE}" style="color:#1d5a85;">Dataskyddsbeskrivning</a>`);
    }
  });

  it('is left out while the network has published none', async () => {
    for (const lang of LANGUAGES) {
      const mail = await invitationMail({ ...survey(lang), privacyNoticeLink: null });
      expect(mail.text).not.toMatch(/tietosuojaseloste|dataskyddsbeskrivning|privacy notice|\/privacy\//i);
      expect(mail.html).not.toContain('/privacy/');
    }
  });
});

describe('account mail', () => {
  for (const lang of LANGUAGES) {
    it(`${lang}: password reset and account invitation carry the link and escape names`, async () => {
      const reset = await passwordResetMail({ lang, name: HOSTILE, link: LINK, validHours: 2 });
      expectLink(reset);
      expectEscaped(reset);
      for (const role of ['coordinator', 'leader'] as const) {
        const invite = await accountInviteMail({ lang, networkName: HOSTILE, inviterName: 'Matti', role, link: LINK, validDays: 7 });
        expectLink(invite);
        expectEscaped(invite);
        expect(invite.subject).toContain(HOSTILE);
      }
    });
  }

  it('says one hour and one day in the singular', async () => {
    expect((await passwordResetMail({ lang: 'fi', name: 'Maija', link: LINK, validHours: 1 })).text).toContain('voimassa tunnin');
    expect((await passwordResetMail({ lang: 'en', name: 'Maija', link: LINK, validHours: 3 })).text).toContain('valid for 3 hours');
    const invite = await accountInviteMail({ lang: 'sv', networkName: 'Nätverket', inviterName: 'Matti', role: 'leader', link: LINK, validDays: 1 });
    expect(invite.text).toContain('gäller i ett dygn');
  });
});

describe('formatDateTime', () => {
  it('uses Helsinki time, summer time included, without a leading zero in Finnish', () => {
    const justAfterMidnight = new Date('2026-07-01T21:05:00.000Z'); // UTC+3 in summer
    expect(formatDateTime(justAfterMidnight, 'fi')).toBe('2.7.2026 klo 0.05');
    expect(formatDateTime(justAfterMidnight, 'sv')).toBe('2.7.2026 kl. 0.05');
    expect(formatDateTime(justAfterMidnight, 'en')).toBe('2 July 2026 at 00:05');
  });
});
