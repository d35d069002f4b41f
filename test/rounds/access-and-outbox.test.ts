import { afterEach, describe, expect, it } from 'vitest';
import { outgoingMail, rounds } from '../../src/db/schema/index.js';
import { enqueueMail } from '../../src/mail/queue.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { postForm, sendJson, type SignedIn } from '../helpers/people.js';
import { receivedMail, startSmtpSink } from '../helpers/smtp-sink.js';
import { MEMBERS, api, openedRound, page, roundBody, roundsWorld, type RoundsWorld } from './fixture.js';

let w: RoundsWorld;
afterEach(() => w?.t.database.dispose());

const PAGES: Array<[string, string]> = [
  ['GET', '/rounds'],
  ['GET', '/rounds/new'],
  ['POST', '/rounds/new'],
  ['GET', '/rounds/:id'],
  ['GET', '/rounds/:id/edit'],
  ['POST', '/rounds/:id/edit'],
  ['GET', '/rounds/:id/invite'],
  ['POST', '/rounds/:id/invite'],
  ['POST', '/rounds/:id/remind'],
  ['POST', '/rounds/:id/retry-failed'],
  ['POST', '/rounds/:id/open'],
  ['POST', '/rounds/:id/close'],
  ['POST', '/rounds/:id/delete'],
  ['GET', '/outbox'],
];
const API: Array<[string, string]> = [
  ['GET', ''],
  ['POST', ''],
  ['GET', '/:id'],
  ['PATCH', '/:id'],
  ['DELETE', '/:id'],
  ['POST', '/:id/open'],
  ['POST', '/:id/close'],
  ['POST', '/:id/invite'],
  ['POST', '/:id/remind'],
  ['POST', '/:id/retry-failed'],
];

async function statuses(user: SignedIn, roundId: number): Promise<number[]> {
  const results: number[] = [];
  for (const [method, path] of PAGES) {
    const url = `/networks/${w.network.id}${path.replace(':id', String(roundId))}`;
    const init = method === 'GET' ? { headers: { cookie: user.cookie } } : postForm(user, { ...roundBody(), reminderDays: '3' });
    results.push((await w.t.app.request(url, init)).status);
  }
  for (const [method, path] of API) {
    results.push((await w.t.app.request(`/api/networks/${w.network.id}/rounds${path.replace(':id', String(roundId))}`, sendJson(user, method, method === 'GET' || method === 'DELETE' ? undefined : roundBody()))).status);
  }
  return results;
}

describe('who may use the rounds', () => {
  it('answers a leader 403 and an outsider 404 everywhere, and changes nothing', async () => {
    w = await roundsWorld();
    const id = (await api(w, w.coordinator, 'POST', '', roundBody())).json.round.id;
    const before = await w.t.deps.db.select().from(rounds);
    const count = PAGES.length + API.length;
    expect(await statuses(w.leader, id)).toEqual(Array(count).fill(403));
    expect(await statuses(w.outsider, id)).toEqual(Array(count).fill(404));
    expect(await w.t.deps.db.select().from(rounds)).toEqual(before);
    expect(await w.t.deps.db.select().from(outgoingMail)).toEqual([]);
  });

  it('answers 404 for a round of another network', async () => {
    w = await roundsWorld();
    const [foreign] = await w.t.deps.db.insert(rounds).values({ networkId: w.other.id, questionnaireKey: 'network-rules', questionnaireVersion: 1, title: 'Vieras', opensAt: 'x', closesAt: 'y', createdAt: 'z' }).returning();
    expect((await page(w, w.coordinator, `/rounds/${foreign!.id}`)).status).toBe(404);
    expect((await api(w, w.coordinator, 'POST', `/${foreign!.id}/open`)).status).toBe(404);
  });
});

describe('the outbox page', () => {
  it('in outbox mode says nothing is sent and who can read it, and shows counts, never a message', async () => {
    w = await roundsWorld();
    const id = await openedRound(w);
    await api(w, w.coordinator, 'POST', `/${id}/invite`);
    await enqueueMail(w.t.deps.db, w.t.deps, { networkId: w.network.id, kind: 'account-invite', recipient: 'uusi@kunta.example', subject: 'Kutsu verkostoon', textBody: 'http://127.0.0.1:3000/join/x', htmlBody: 'h' });

    const shown = await page(w, w.coordinator, '/outbox');
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('joten viestejä ei lähetetä');
    expect(shown.html).toContain('npm run outbox');
    expect(shown.html).toContain('SMTP_URL');
    expect(shown.html).toMatch(/<dt>Lähtevässä postissa<\/dt><dd>4<\/dd>/);
    for (const m of MEMBERS) expect(shown.html).not.toContain(m.email);
    expect(shown.html).not.toContain('uusi@kunta.example');
    expect(shown.html).not.toMatch(/\/(a|join)\//);
    expect(shown.html).not.toContain('Kutsu kyselyyn');
    // The mail is there, sealed, for the operator's npm run outbox.
    expect((await openedMailRows(w.t.deps)).filter((row) => row.status === 'outbox')).toHaveLength(4);
  });

  it('shows only counts when mail goes out by SMTP', async () => {
    const sink = await startSmtpSink();
    try {
      w = await roundsWorld({ sink });
      const id = await openedRound(w);
      await api(w, w.coordinator, 'POST', `/${id}/invite`);
      await receivedMail(sink, 3);
      const shown = await page(w, w.coordinator, '/outbox?lang=en');
      expect(shown.html).toContain('Mail is sent through a mail server (SMTP)');
      expect(shown.html).toMatch(/<dt>(Queued|Sent)<\/dt><dd>\d<\/dd>/);
      for (const m of MEMBERS) expect(shown.html).not.toContain(m.email);
      expect(shown.html).not.toContain('/a/');
      expect(shown.html).not.toContain('Invitation to the survey');
    } finally {
      await sink.close();
    }
  });

  it('leaves waiting reminders out of the counts: they would tell how many have not answered', async () => {
    const sink = await startSmtpSink();
    try {
      w = await roundsWorld({ sink });
      const id = await openedRound(w);
      await api(w, w.coordinator, 'POST', `/${id}/invite`);
      await receivedMail(sink, 3);
      const counts = async () => (await page(w, w.coordinator, '/outbox')).html.match(/<dl class="facts">.*?<\/dl>/s)![0];
      const before = await counts();
      // The mail server refuses for now, so the reminders stay queued for a retry.
      sink.rejectWith(452, 'Mailbox full');
      expect((await api(w, w.coordinator, 'POST', `/${id}/remind`)).status).toBe(200);
      await expect.poll(async () => (await openedMailRows(w.t.deps)).filter((row) => row.kind === 'reminder' && row.attempts > 0).length).toBe(3);
      expect(await counts()).toBe(before);
    } finally {
      await sink.close();
    }
  });
});
