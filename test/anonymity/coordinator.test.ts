import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, members, rounds } from '../../src/db/schema/index.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { postForm, sendJson } from '../helpers/people.js';
import { receivedMail, startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { api, deliverySettled, LINK, openedRound, page, roundsWorld, START, type RoundsWorld } from '../rounds/fixture.js';

/*
 * What a coordinator can learn through the product alone, playing the attacks
 * of the anonymity issue: the threshold lowered after the fact, the reminder
 * oracle, a round sent to a few, and the trail that shows roster moves.
 */

let w: RoundsWorld;
let sink: SmtpSink;
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(async () => {
  await sink.close();
  w?.t.database.dispose();
});

/** Adds members so that the network has `total`, each with an address of their own. */
async function rosterOf(total: number) {
  const existing = await w.t.deps.db.select().from(members).where(eq(members.networkId, w.network.id));
  for (let i = existing.length; i < total; i++) {
    await w.t.deps.db.insert(members).values({ networkId: w.network.id, name: `Jäsen ${i}`, email: `jasen${i}@koulu.example`, createdAt: START, updatedAt: START });
  }
  return w.t.deps.db.select().from(members).where(eq(members.networkId, w.network.id));
}

/** Invites everyone and returns each member's link, read from the delivered mail. */
async function invitedLinks(roundId: number, expected: number): Promise<Map<string, string>> {
  expect((await api(w, w.coordinator, 'POST', `/${roundId}/invite`)).status).toBe(200);
  const mails = await receivedMail(sink, expected);
  await deliverySettled(w, roundId);
  return new Map(mails.map((mail) => [(mail.to as { value: Array<{ address: string }> }).value[0]!.address, LINK.exec(mail.text ?? '')![1]!]));
}

const version = () => w.t.deps.catalogue.find('network-rules', 1)!;

describe('a coordinator cannot isolate a member', () => {
  it('keeps the threshold the round opened with, however the network setting changes afterwards', async () => {
    w = await roundsWorld({ sink });
    await rosterOf(6);
    const id = await openedRound(w);
    const links = [...(await invitedLinks(id, 6)).values()];
    for (const [i, token] of links.slice(0, 4).entries()) expect((await submit(w.t, token, { answers: fullAnswers(version(), i) })).status).toBe(201);
    expect((await api(w, w.coordinator, 'POST', `/${id}/close`)).status).toBe(200);
    const results = async () => (await w.t.app.request(`/api/networks/${w.network.id}/results/rounds/${id}`, { headers: { cookie: w.coordinator.cookie } })).json();
    expect(await results()).toMatchObject({ withheld: 'below_threshold', threshold: 5 });

    const lowered = await w.t.app.request(`/api/networks/${w.network.id}`, sendJson(w.coordinator, 'PUT', { name: 'Testiverkosto', languages: ['fi', 'sv', 'en'], anonymityThreshold: 3, collectSegments: true, bandStrength: 4, bandConcern: 3 }));
    expect(lowered.status).toBe(200);
    // Four answers under the round's k = 5 stay withheld, on the page and in every export too.
    expect(await results()).toMatchObject({ withheld: 'below_threshold', threshold: 5 });
    for (const path of ['aggregates.csv', 'responses.csv', 'open-answers.csv']) {
      const exported = await w.t.app.request(`/api/networks/${w.network.id}/results/rounds/${id}/${path}`, { headers: { cookie: w.coordinator.cookie } });
      expect([404, 409], path).toContain(exported.status);
    }
    // The change itself is in the trail for every coordinator and leader to see.
    const trail = await w.t.deps.db.select().from(auditEvents).where(eq(auditEvents.networkId, w.network.id));
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['round_opened', 'invitations_sent', 'round_closed', 'settings_changed']));
  });

  it('refuses a round sent to fewer than 2k chosen members, and allows the whole roster', async () => {
    w = await roundsWorld({ sink });
    const roster = await rosterOf(12);
    const id = await openedRound(w);
    const target = roster.slice(0, 5).map((m) => m.id);
    const refused = await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: target });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toContain('vähintään 10 valitulle jäsenelle');
    expect(await openedMailRows(w.t.deps)).toEqual([]);
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: roster.slice(0, 10).map((m) => m.id) })).json).toEqual({ invited: 10 });
    // Once ten are invited, the two left may follow one by one: the round is no longer small.
    expect((await api(w, w.coordinator, 'POST', `/${id}/invite`, { memberIds: [roster[10]!.id] })).json).toEqual({ invited: 1 });
  });
});

describe('the reminder oracle', () => {
  /**
   * Two worlds that differ only in WHO answered (the target, or someone else),
   * with the same number of answers. The coordinator deactivates everyone but
   * the target and reminds. Everything the coordinator can then see must be
   * the same in both worlds.
   */
  async function coordinatorView(targetAnswers: boolean) {
    w = await roundsWorld({ sink });
    const roster = await rosterOf(10);
    const id = await openedRound(w);
    const links = await invitedLinks(id, 10);
    const target = roster[0]!;
    const other = roster[1]!;
    const answerer = targetAnswers ? target : other;
    expect((await submit(w.t, links.get(answerer.email)!, { answers: fullAnswers(version(), 1) })).status).toBe(201);
    for (const m of roster.slice(1)) {
      const res = await w.t.app.request(`/api/networks/${w.network.id}/members/${m.id}/deactivate`, sendJson(w.coordinator, 'POST', {}));
      expect(res.status, await res.text()).toBe(200);
    }
    const before = sink.messages.length;
    const reminded = await api(w, w.coordinator, 'POST', `/${id}/remind`);
    expect(reminded.status).toBe(200);
    await deliverySettled(w, id);
    const delivered = sink.messages.length - before;
    // Times of the coordinator's own actions and the session's form tokens differ between any two runs.
    const hide = (text: string) => text.replace(/"(at|lastRemindedAt|createdAt|sentAt)":"[^"]*"/g, '').replace(/<input type="hidden"[^>]*>/g, '');
    const view = {
      remindResponse: hide(JSON.stringify(reminded.json)),
      roundJson: hide((await api(w, w.coordinator, 'GET', `/${id}`)).text),
      roundPage: hide((await page(w, w.coordinator, `/rounds/${id}`)).html),
      outbox: hide((await page(w, w.coordinator, '/outbox')).html),
      mailRows: (await openedMailRows(w.t.deps)).map((row) => `${row.kind} ${row.status}`).sort(),
    };
    const [round] = await w.t.deps.db.select().from(rounds).where(eq(rounds.id, id));
    return { view, delivered, round: round! };
  }

  it('shows the coordinator the same whether or not the one member left active has answered', async () => {
    const answered = await coordinatorView(true);
    w.t.database.dispose();
    await sink.close();
    sink = await startSmtpSink();
    const notAnswered = await coordinatorView(false);
    // The reminder reached the target only when she had not answered: the mail did its job ...
    expect([answered.delivered, notAnswered.delivered]).toEqual([0, 1]);
    // ... yet nothing the coordinator sees tells the two worlds apart.
    expect(notAnswered.view).toEqual(answered.view);
    expect(answered.view.roundJson).not.toMatch(/"reminded"\s*:\s*\d/);
    // A delivered reminder leaves no row behind, and the round keeps only when it reminded.
    expect(notAnswered.view.mailRows.filter((row) => row.startsWith('reminder'))).toEqual([]);
    expect(notAnswered.round.lastRemindedAt).not.toBeNull();
  });

  it('says why a second reminder on the same day sends nothing', async () => {
    w = await roundsWorld({ sink });
    const id = await openedRound(w);
    await invitedLinks(id, 3);
    expect((await api(w, w.coordinator, 'POST', `/${id}/remind`)).status).toBe(200);
    const again = await api(w, w.coordinator, 'POST', `/${id}/remind`);
    expect(again.status).toBe(409);
    expect(again.json.error).toBe('Muistutus lähetettiin jo 2.3.2026 klo 11.00. Seuraavan muistutuksen voi lähettää vuorokauden kuluttua, jotta kukaan ei saa muistutuksia liian tiheään.');
    // A day later (moved back in the record, so that the coordinator's session stays fresh) it goes again.
    await w.t.deps.db.update(rounds).set({ lastRemindedAt: new Date(w.clock.now().getTime() - 25 * 3_600_000).toISOString() }).where(eq(rounds.id, id));
    expect((await api(w, w.coordinator, 'POST', `/${id}/remind`)).status).toBe(200);
  });
});

describe('a choosing round (prioritisation)', () => {
  const OWN = { own_fi: 'Aamukahvit\nUutiskirje\nMentorointi', own_sv: 'Morgonkaffe\nNyhetsbrev\nMentorskap', own_en: 'Morning coffee\nNewsletter\nMentoring' };
  const TEXTS = ['Aamukahvit', 'Uutiskirje', 'Mentorointi'];

  /** A choosing round made through the prioritisation route from a closed rules round, opened, and everyone of a roster of `total` invited. */
  async function choosingRound(total: number) {
    w = await roundsWorld({ sink });
    const roster = await rosterOf(total);
    const rules = await openedRound(w);
    expect((await api(w, w.coordinator, 'POST', `/${rules}/close`)).status).toBe(200);
    const fields = { round: String(rules), ...OWN, method: 'rank', title: 'Mitä kehitetään keväällä?', opensAt: '2026-03-02T12:00', closesAt: '2026-03-09T16:00' };
    const created = await w.t.app.request(`/networks/${w.network.id}/agenda/prioritise`, postForm(w.coordinator, fields));
    expect(created.status).toBe(303);
    const id = Number(/rounds\/(\d+)/.exec(created.headers.get('location')!)![1]);
    expect((await api(w, w.coordinator, 'POST', `/${id}/open`)).status).toBe(200);
    const links = await invitedLinks(id, total);
    return { id, roster, links, rules };
  }

  const choose = async (token: string, priorities: string[], comment?: string) => {
    const answers = comment === undefined ? { priorities } : { priorities, priorities_comment: comment };
    const response = await submit(w.t, token, { answers, language: 'fi' });
    expect(response.status, await response.text()).toBe(201);
  };

  // Times of the coordinator's own actions and the session's form tokens differ between any two runs.
  const hide = (text: string) => text.replace(/"(at|lastRemindedAt|createdAt|sentAt|closedAt)":"[^"]*"/g, '').replace(/<input type="hidden"[^>]*>/g, '');

  /**
   * Six of ten members choose; in one world the target ranks A first and the
   * other member C, in the other world the two have swapped. The coordinator
   * reminds, watches the round page, its JSON and the outbox, closes the round
   * and reads its results: all of it must be the same in both worlds.
   */
  async function whoChoseWhat(swapped: boolean) {
    const { id, roster, links } = await choosingRound(10);
    const [target, other, ...rest] = roster;
    const mine = ['own-1', 'own-2'];
    const theirs = ['own-3'];
    await choose(links.get(target!.email)!, swapped ? theirs : mine);
    await choose(links.get(other!.email)!, swapped ? mine : theirs);
    for (const [i, m] of rest.slice(0, 4).entries()) await choose(links.get(m.email)!, [['own-1'], ['own-2', 'own-3'], ['own-3', 'own-1'], ['own-2']][i]!);
    const before = sink.messages.length;
    const reminded = await api(w, w.coordinator, 'POST', `/${id}/remind`);
    expect(reminded.status).toBe(200);
    await deliverySettled(w, id);
    const open = {
      remindResponse: hide(JSON.stringify(reminded.json)),
      roundJson: hide((await api(w, w.coordinator, 'GET', `/${id}`)).text),
      roundPage: hide((await page(w, w.coordinator, `/rounds/${id}`)).html),
      outbox: hide((await page(w, w.coordinator, '/outbox')).html),
      reminded: sink.messages.slice(before).map((mail) => (mail.to as { value: Array<{ address: string }> }).value[0]!.address).sort(),
    };
    expect((await api(w, w.coordinator, 'POST', `/${id}/close`)).status).toBe(200);
    const results = await w.t.app.request(`/api/networks/${w.network.id}/results/rounds/${id}`, { headers: { cookie: w.coordinator.cookie } });
    const closed = {
      results: hide(await results.text()),
      resultsPage: hide((await page(w, w.coordinator, `/results/rounds/${id}`)).html),
      roundPage: hide((await page(w, w.coordinator, `/rounds/${id}`)).html),
      outbox: hide((await page(w, w.coordinator, '/outbox')).html),
    };
    return { open, closed };
  }

  it('shows the coordinator the same whoever chose what, before and after the close', async () => {
    const one = await whoChoseWhat(false);
    w.t.database.dispose();
    await sink.close();
    sink = await startSmtpSink();
    const other = await whoChoseWhat(true);
    // The four who did not answer were reminded, in both worlds; the results were shown (six answers, k = 5).
    expect(one.open.reminded).toHaveLength(4);
    expect(one.closed.resultsPage).toContain('Valinnat ja järjestykset');
    expect(other).toEqual(one);
  });

  it('withholds every choice figure of a round closed with k − 1 answers, on the page and through the JSON API', async () => {
    const { id, links, rules } = await choosingRound(8);
    const tokens = [...links.values()];
    for (const [i, token] of tokens.slice(0, 4).entries()) await choose(token, i % 2 === 0 ? ['own-2'] : ['own-2', 'own-1'], `Ehdotus ${i}`);
    expect((await api(w, w.coordinator, 'POST', `/${id}/close`)).status).toBe(200);
    const get = async (path: string) => {
      const response = await w.t.app.request(path, { headers: { cookie: w.coordinator.cookie } });
      return { status: response.status, text: await response.text() };
    };
    const base = `/api/networks/${w.network.id}/results`;
    const results = await get(`${base}/rounds/${id}`);
    expect(results.status).toBe(200);
    const json = JSON.parse(results.text);
    expect(json).toMatchObject({ withheld: 'below_threshold', threshold: 5, choices: [] });
    expect(results.text).not.toMatch(/"share"|"count"|own-2/);
    const openAnswers = await get(`${base}/rounds/${id}/open-answers`);
    expect(openAnswers.text).not.toContain('Ehdotus');
    for (const path of [`${base}/trend?questionnaire=network-priorities`, `${base}/compare?before=${rules}&after=${id}`]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.text, path).not.toMatch(/"share"|own-2|Uutiskirje|Ehdotus/);
    }
    for (const path of ['aggregates.csv', 'responses.csv', 'responses.json', 'open-answers.csv']) {
      expect([404, 409], path).toContain((await get(`${base}/rounds/${id}/${path}`)).status);
    }
    for (const path of [`/results/rounds/${id}`, `/rounds/${id}`, '/agenda', '/report']) {
      const shown = await page(w, w.coordinator, path);
      for (const text of TEXTS) expect(shown.html, `${path}: ${text}`).not.toMatch(new RegExp(`${text}</t[hd]>`));
      expect(shown.html, path).not.toContain('agenda/new?');
      expect(shown.html, path).not.toContain('Ehdotus');
    }
    // The page says why, and names none of the proposals: only the counts (4 of 8 invited) are there.
    const resultsPage = (await page(w, w.coordinator, `/results/rounds/${id}`)).html;
    expect(resultsPage).toContain('Tuloksia ei näytetä');
    for (const text of TEXTS) expect(resultsPage).not.toContain(text);
  });
});
