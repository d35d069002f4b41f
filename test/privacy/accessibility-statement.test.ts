import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../src/mail/mailer.js';
import { deliverDueMail } from '../../src/mail/queue.js';
import { outgoingMail } from '../../src/db/schema/index.js';
import { createTestApp, fixedClock, type TestApp } from '../helpers/app.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';

let t: TestApp;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.close();
  t?.database.dispose();
});

const form = (values: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' }, body: new URLSearchParams(values).toString() });

describe('the accessibility statement', () => {
  it('is linked from every page and says, in each language, what is known not to be accessible, how it was assessed and where to complain', async () => {
    t = await createTestApp();
    for (const path of ['/login', '/accessibility']) expect(await (await t.app.request(`${path}?lang=sv`)).text()).toContain('<footer class="site-footer"><a href="/accessibility?lang=sv">Tillgänglighetsutlåtande</a></footer>');
    const fi = await (await t.app.request('/accessibility')).text();
    for (const heading of ['Saavutettavuuden tila', 'Ei-saavutettava sisältö', 'Miten saavutettavuus on arvioitu', 'Anna palautetta saavutettavuudesta', 'Valvontaviranomainen']) expect(fi).toContain(`>${heading}</h2>`);
    expect(fi).toContain('Seloste on laadittu 3.12.2026.');
    expect(fi).toContain('www.saavutettavuusvaatimukset.fi');
    // Without FEEDBACK_EMAIL there is no form that would lose its messages.
    expect(fi).not.toContain('<textarea');
    expect(fi).toContain('Palvelun ylläpitäjä ei ole vielä määrittänyt palauteosoitetta.');
    expect(await (await t.app.request('/accessibility?lang=en')).text()).toContain('The service partially meets the accessibility requirements.');
  });

  it('sends feedback to the maintainer over SMTP, with the writer’s address as Reply-To, and refuses an empty message in the writer’s language', async () => {
    sink = await startSmtpSink();
    t = await createTestApp({ mailer: createSmtpMailer(sink.url, 'Verkostopulssi <no-reply@pulssi.example>'), feedbackEmail: 'saavutettavuus@kunta.example' });
    const empty = await t.app.request('/accessibility/feedback?lang=sv', form({ message: '  ', email: 'ei osoite' }));
    expect(empty.status).toBe(422);
    const refused = await empty.text();
    expect(refused).toContain('Skriv din respons (högst 4 000 tecken).');
    expect(refused).toContain('Skriv en fungerande e-postadress eller lämna fältet tomt.');

    const sent = await t.app.request('/accessibility/feedback', form({ message: 'Kaavion värit eivät erotu toisistaan.', email: 'aino@koulu.example' }));
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('Kiitos palautteesta.');
    await deliverDueMail(t.deps.db, t.deps.mailer, t.deps.clock, t.deps.secretKey);
    const [mail] = await receivedMail(sink, 1);
    expect(mail!.to).toMatchObject({ text: 'saavutettavuus@kunta.example' });
    expect(mail!.replyTo?.text).toBe('aino@koulu.example');
    expect(mail!.subject).toBe('Saavutettavuuspalaute: Verkostopulssi');
    expect(mail!.text).toContain('Kaavion värit eivät erotu toisistaan.');
  });
});

describe('the feedback form', () => {
  it('takes a few messages an hour from one address and then asks to wait, keeping the message and sending nothing more', async () => {
    t = await createTestApp({ feedbackEmail: 'saavutettavuus@kunta.example' });
    for (let i = 1; i <= 5; i++) expect((await t.app.request('/accessibility/feedback', form({ message: `Palaute ${i}` }))).status).toBe(200);
    const refused = await t.app.request('/accessibility/feedback?lang=sv', form({ message: 'Sjätte meddelandet' }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    const page = await refused.text();
    expect(page).toContain('Det har skickats för många meddelanden just nu. Försök igen om 60 minuter.');
    expect(page).toContain('Sjätte meddelandet</textarea>');
    expect(await t.deps.db.select().from(outgoingMail)).toHaveLength(5);
    // An hour later the address may write again.
    (t.deps.clock as ReturnType<typeof fixedClock>).advance(60 * 60_000);
    expect((await t.app.request('/accessibility/feedback', form({ message: 'Palaute 6' }))).status).toBe(200);
  });
});
