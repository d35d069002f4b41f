import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actions, ownedVersions, rounds } from '../../src/db/schema/index.js';
import { sendInvitations } from '../../src/rounds/invite.js';
import { closeRound, openRound } from '../../src/rounds/transitions.js';
import { fullAnswers, roundWithInvitations, submit } from '../answering/fixture.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { postForm, type SignedIn } from '../helpers/people.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.database.dispose());

const get = async (user: SignedIn, path: string) => t.app.request(path, { headers: { cookie: user.cookie } });

/** A closed rules round of five answers, whose results make proposals; its network has fi, sv and en and k = 5. */
async function closedRulesRound() {
  const played = await roundWithInvitations(t, 5);
  for (const [i, token] of played.tokens.entries()) expect((await submit(t, token, { answers: fullAnswers(played.version, i), language: 'fi' })).status).toBe(201);
  await closeRound(t.deps, played.round.id, null);
  return played;
}

describe('members choose the agenda together', () => {
  it('from proposals to a choosing round, its honest results and adopted actions carrying the members’ priority', async () => {
    const { network, people, round: rulesRound } = await closedRulesRound();
    const coordinator = people.coordinator;
    const base = `/networks/${network.id}/agenda/prioritise`;

    const form = await (await get(coordinator, `${base}?round=${rulesRound.id}`)).text();
    const suggested = [...form.matchAll(/name="proposal" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(suggested.length).toBeGreaterThanOrEqual(3);
    expect(form).toContain('Kehittämistoimien valinta: Kevät 2026');

    const fields = { round: String(rulesRound.id), proposal: suggested.slice(0, 3), method: 'rank', title: 'Mitä kehitetään keväällä?', opensAt: '2026-03-02T12:00', closesAt: '2026-03-09T16:00', reminderDays: '' };
    // Own proposals must be the same lines in each of the network's languages.
    const mismatch = await t.app.request(base, postForm(coordinator, { ...fields, own_fi: 'Yhteinen koulutuspäivä\nMentorointi', own_sv: 'Gemensam utbildningsdag', own_en: 'A shared training day\nMentoring' }));
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain('Kirjoita omia ehdotuksia jokaisella kielellä yhtä monta riviä.');
    expect(await t.deps.db.select().from(ownedVersions)).toHaveLength(0);

    const created = await t.app.request(base, postForm(coordinator, { ...fields, own_fi: 'Yhteinen koulutuspäivä', own_sv: 'Gemensam utbildningsdag', own_en: 'A shared training day' }));
    expect(created.status).toBe(303);
    const roundId = Number(/rounds\/(\d+)/.exec(created.headers.get('location')!)![1]);
    const [choosing] = await t.deps.db.select().from(rounds).where(eq(rounds.id, roundId));
    expect(choosing).toMatchObject({ status: 'draft', questionnaireKey: 'network-priorities', agendaRoundId: rulesRound.id, title: 'Mitä kehitetään keväällä?' });
    const version = t.deps.catalogue.find('network-priorities', choosing!.questionnaireVersion)!;
    expect(version.owner?.networkId).toBe(network.id);
    const question = version.items.find((item) => item.kind === 'ranking')!;
    expect(question.choices!.map((c) => c.value)).toEqual([...suggested.slice(0, 3), 'own-1']);
    expect(question.choices![3]!.text.sv).toBe('Gemensam utbildningsdag');
    expect(question.maxPicks).toBe(3);

    // It runs like any round: opened, invitations over the single-use links, answers checked as the kind says.
    await openRound(t.deps, roundId, null);
    const [open] = await t.deps.db.select().from(rounds).where(eq(rounds.id, roundId));
    await sendInvitations(t.deps, open!, network, { name: 'Kaisa Koordinaattori', email: null }, null);
    const links = (await openedMailRows(t.deps)).filter((mail) => mail.roundId === roundId).map((mail) => /\/a\/([A-Za-z0-9_-]+)/.exec(mail.textBody!)![1]!);
    expect(links).toHaveLength(5);
    const [a, b, c] = suggested as [string, string, string];
    const tooMany = await submit(t, links[0]!, { answers: { priorities: [a, b, c, 'own-1'] }, language: 'fi' });
    expect(tooMany.status).toBe(422);
    expect(JSON.stringify(await tooMany.json())).toContain('Valitse enintään 3.');
    const rankings = [[a, 'own-1'], [a, b], [a, 'own-1', c], ['own-1', a], [a]];
    for (const [i, ranking] of rankings.entries()) expect((await submit(t, links[i]!, { answers: { priorities: ranking }, language: 'fi' })).status).toBe(201);
    await closeRound(t.deps, roundId, null);

    const results = await (await get(coordinator, `/networks/${network.id}/results/rounds/${roundId}`)).text();
    expect(results).toContain('Valinnat ja järjestykset');
    expect(results).toContain('liian tasaväkinen erotettavaksi');
    // Five answers leave wide intervals: neighbours in the order are marked too close to call. One adopt link per choice.
    const adoptLinks = [...results.matchAll(/href="([^"]*agenda\/new\?[^"]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(adoptLinks).toHaveLength(4);
    expect(adoptLinks[0]).toContain(`choice=${encodeURIComponent(a)}`);

    // Adopting the top choice: the form arrives filled in and remembers where the choice came from.
    const adoptForm = await (await get(coordinator, adoptLinks[0]!)).text();
    expect(adoptForm).toContain(`name="chosenInRoundId" value="${roundId}"`);
    const saved = await t.app.request(`/networks/${network.id}/agenda`, postForm(coordinator, { roundId: String(rulesRound.id), measure: a, description: 'Työpaja keväällä', owner: '', dueOn: '', status: 'planned', chosenInRoundId: String(roundId), choiceValue: a }));
    expect(saved.status).toBe(303);
    const [action] = await t.deps.db.select().from(actions);
    expect(action).toMatchObject({ roundId: rulesRound.id, chosenInRoundId: roundId, choiceValue: a });
    // A choice the round never offered is refused.
    const forged = await t.app.request(`/networks/${network.id}/agenda`, postForm(coordinator, { roundId: String(rulesRound.id), measure: a, description: 'Väärennös', status: 'planned', chosenInRoundId: String(roundId), choiceValue: 'own-9' }));
    expect(forged.status).toBe(422);

    const agenda = await (await get(coordinator, `/networks/${network.id}/agenda`)).text();
    expect(agenda).toContain('Jäsenten valinta: sija 1/4; 100\u00a0% vastanneista valitsi tämän (vastaajia 5).');
    expect(await (await get(coordinator, `/networks/${network.id}/results/rounds/${roundId}`)).text()).toContain('Otettu kehittämistoimeksi');
    const report = await (await get(people.leader, `/networks/${network.id}/report`)).text();
    expect(report).toContain('Kehittämistoimet valittiin yhdessä jäsenten kanssa: valintakierrokseen ”Mitä kehitetään keväällä?” vastasi 5.');
  });

  it('withholds the members’ choices below the threshold fixed when the round opened', async () => {
    const { network, people, round: rulesRound } = await closedRulesRound();
    const fields = { round: String(rulesRound.id), own_fi: 'Aamukahvit\nUutiskirje', own_sv: 'Morgonkaffe\nNyhetsbrev', own_en: 'Morning coffee\nNewsletter', method: 'pick', title: 'Pieni valinta', opensAt: '2026-03-02T12:00', closesAt: '2026-03-09T16:00' };
    const created = await t.app.request(`/networks/${network.id}/agenda/prioritise`, postForm(people.coordinator, fields));
    expect(created.status).toBe(303);
    const roundId = Number(/rounds\/(\d+)/.exec(created.headers.get('location')!)![1]);
    await openRound(t.deps, roundId, null);
    const [open] = await t.deps.db.select().from(rounds).where(eq(rounds.id, roundId));
    expect(t.deps.catalogue.find(open!.questionnaireKey, open!.questionnaireVersion)!.items[0]).toMatchObject({ kind: 'multiple', maxPicks: 2 });
    await sendInvitations(t.deps, open!, network, { name: 'Kaisa Koordinaattori', email: null }, null);
    const links = (await openedMailRows(t.deps)).filter((mail) => mail.roundId === roundId).map((mail) => /\/a\/([A-Za-z0-9_-]+)/.exec(mail.textBody!)![1]!);
    for (const link of links.slice(0, 4)) expect((await submit(t, link, { answers: { priorities: ['own-2'] }, language: 'fi' })).status).toBe(201);
    await closeRound(t.deps, roundId, null);
    const page = await (await get(people.coordinator, `/networks/${network.id}/results/rounds/${roundId}`)).text();
    expect(page).not.toContain('Uutiskirje</th>');
    expect(page).not.toContain('agenda/new?');
  });
});
