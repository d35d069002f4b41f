import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, networkCards, rounds } from '../../src/db/schema/index.js';
import { createReportLink } from '../../src/reports/report-links.js';
import { eraseRoundResults } from '../../src/retention/erase-results.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { networkWithPeople, postForm, sendJson, type SignedIn } from '../helpers/people.js';
import { GOALS, IMAGE, strategyRound } from './fixture.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.database.dispose());

const get = (user: SignedIn, path: string) => t.app.request(path, { headers: { cookie: user.cookie } });
const quotesOn = (html: string) => [...html.matchAll(/name="quote" value="([^"]+)"/g)].map((m) => m[1]!);
const texts = { members: 'Seudun kahdeksan koulua ja kolme kuntaa.', goals: 'Yhteinen oppimisen kulttuuri.', organisation: 'Ohjausryhmä ja kolme tiimiä.', image: 'Avoin ja helposti lähestyttävä.' };

describe("the network's card", () => {
  it('is composed from a closed strategy round, quoting only shown answers, published, read by leaders and through the report link', async () => {
    const { network, coordinator, leader } = await networkWithPeople(t);
    const round = await strategyRound(t, network.id, '2026-02-20T14:00:00.000Z');
    const base = `/networks/${network.id}/card/rounds/${round.id}`;

    // The way in: from the results index and from the strategy round's results.
    expect(await (await get(leader, `/networks/${network.id}/results`)).text()).toContain(`href="/networks/${network.id}/card"`);
    expect(await (await get(coordinator, `/networks/${network.id}/results/rounds/${round.id}`)).text()).toContain(`href="${base}/edit"`);
    const form = await (await get(coordinator, `${base}/edit`)).text();
    for (const heading of ['Keitä verkostoomme kuuluu?', 'Minkälaisia yhteisiä tavoitteita verkostollamme on?', 'Miten verkostomme toiminta on organisoitu?', 'Millaisena verkostomme näyttäytyy ulkopuolisille?']) expect(form).toContain(heading);
    const offered = quotesOn(form);
    // Six wrote of the goals and of the members; two of the network's image, below the open-answer threshold of 5.
    expect(offered).toHaveLength(12);
    expect(offered).toContain(`reflection.goals|${GOALS[0]}`);
    expect(offered.some((value) => IMAGE.some((text) => value.endsWith(text)))).toBe(false);

    const forged = await t.app.request(base, postForm(coordinator, { ...texts, quote: `reflection.goals|Koordinaattori keksi tämän` }));
    expect(forged.status).toBe(422);
    expect(await forged.text()).toContain('Lainausta ei voitu tallentaa: se ei ole yksi tämän kierroksen näytettävistä avoimista vastauksista.');
    const withheld = await t.app.request(base, postForm(coordinator, { ...texts, quote: `reflection.image|${IMAGE[0]}` }));
    expect(withheld.status).toBe(422);
    expect(await t.deps.db.select().from(networkCards)).toHaveLength(0);
    const tooMany = await t.app.request(base, postForm(coordinator, { ...texts, quote: offered.slice(0, 5) }));
    expect(tooMany.status).toBe(422);
    const tooManyForm = await tooMany.text();
    expect(tooManyForm).toContain('Lainauksia voi olla enintään 4.');
    // The form comes back as it was sent.
    expect(tooManyForm).toContain(texts.organisation);
    expect(tooManyForm.match(/name="quote" value="[^"]+" checked/g)).toHaveLength(5);
    const tooLong = await t.app.request(base, postForm(coordinator, { ...texts, goals: 'x'.repeat(601) }));
    expect(tooLong.status).toBe(422);
    expect(await tooLong.text()).toContain('Teksti on liian pitkä (enintään 600 merkkiä).');

    // A leader reads but does not write; a draft is not theirs to see.
    expect((await get(leader, `${base}/edit`)).status).toBe(403);
    expect((await t.app.request(base, postForm(leader, { ...texts }))).status).toBe(403);

    const saved = await t.app.request(base, postForm(coordinator, { ...texts, quote: [`reflection.goals|${GOALS[2]}`, `reflection.members|Rehtorit ja opettajat`] }));
    expect(saved.status).toBe(303);
    const [draft] = await t.deps.db.select().from(networkCards);
    expect(draft).toMatchObject({ roundId: round.id, language: 'fi', goals: texts.goals, publishedAt: null, quotes: [{ itemKey: 'reflection.goals', text: GOALS[2] }, { itemKey: 'reflection.members', text: 'Rehtorit ja opettajat' }] });
    expect((await get(leader, base)).status).toBe(404);
    expect((await t.app.request(`${base}/publish`, postForm(leader, {}))).status).toBe(403);

    expect((await t.app.request(`${base}/publish`, postForm(coordinator, {}))).status).toBe(303);
    const card = await (await get(leader, base)).text();
    expect(card).toContain(texts.image);
    expect(card).toContain(GOALS[2]);
    // The figures are the round's, read live: six answers, every area's mean 25/6.
    expect(card).toContain('Toiminnan organisointi');
    expect(card).toContain('4,17');
    expect(card).not.toContain('/publish');
    const index = await (await get(leader, `/networks/${network.id}/card`)).text();
    expect(index).toContain(`href="${base}"`);
    expect(index).toContain('Aiempia käyntikortteja ei ole.');

    const { token } = await createReportLink(t.deps.db, t.deps.clock, t.deps.secretKey, network.id, coordinator.userId, { label: 'Johtoryhmä', expiresOn: '2026-12-31', roundIds: null });
    const report = await (await t.app.request(`/r/${token}?lang=fi`)).text();
    expect(report).toContain('Verkoston käyntikortti');
    expect(report).toContain(texts.members);
    expect(report).toContain(GOALS[2]);

    const actions = (await t.deps.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.roundId, round.id))).map((row) => row.action);
    expect(actions).toEqual(['network_card_saved', 'network_card_published']);
    const log = await (await get(leader, `/networks/${network.id}/audit`)).text();
    expect(log).toContain(`julkaisi strategiakierroksen ”${round.title}” käyntikortin.`);
  });

  it('starts the next strategy round’s card from the published one, which then becomes history', async () => {
    const { network, coordinator, leader, outsider } = await networkWithPeople(t);
    const first = await strategyRound(t, network.id, '2026-02-20T14:00:00.000Z');
    const second = await strategyRound(t, network.id, '2026-09-20T14:00:00.000Z', [4, 4, 5, 5, 5, 5]);
    const cards = `/networks/${network.id}/card`;
    expect((await t.app.request(`${cards}/rounds/${first.id}`, postForm(coordinator, texts))).status).toBe(303);
    expect(await (await t.app.request(`/api/networks/${network.id}/card`, sendJson(leader, 'GET'))).json()).toEqual({ current: null, history: [] });
    // Nothing published yet: the second round starts empty.
    expect(await (await get(coordinator, `${cards}/rounds/${second.id}/edit`)).text()).not.toContain(texts.goals);
    expect((await t.app.request(`${cards}/rounds/${first.id}/publish`, postForm(coordinator, {}))).status).toBe(303);

    const form = await (await get(coordinator, `${cards}/rounds/${second.id}/edit`)).text();
    expect(form).toContain(`Tekstit on otettu edellisestä käyntikortista (kierros ”${first.title}”).`);
    for (const text of Object.values(texts)) expect(form).toContain(text);
    // Quotes belong to their own round: none carried over.
    expect(form).not.toMatch(/name="quote" value="[^"]+" checked/);

    const updated = { ...texts, goals: 'Jokainen oppilas hyötyy verkostosta.' };
    expect((await t.app.request(`${cards}/rounds/${second.id}`, postForm(coordinator, updated))).status).toBe(303);
    expect((await t.app.request(`${cards}/rounds/${second.id}/publish`, postForm(coordinator, {}))).status).toBe(303);

    const index = await (await get(leader, cards)).text();
    expect(index).toContain(`href="${cards}/rounds/${second.id}"`);
    const history = index.slice(index.indexOf('Aiemmat käyntikortit'));
    expect(history).toContain(`href="${cards}/rounds/${first.id}">${first.title}</a>`);
    expect(history).not.toContain(second.title);
    // The earlier card stays as it was.
    expect(await (await get(leader, `${cards}/rounds/${first.id}`)).text()).toContain(texts.goals);
    const report = await (await get(leader, `/networks/${network.id}/report`)).text();
    expect(report).toContain(updated.goals);
    expect(report).not.toContain(texts.goals);

    // The JSON API tells the same as the pages: the current card with its live area figures, the earlier one as history.
    const api = await (await t.app.request(`/api/networks/${network.id}/card`, sendJson(leader, 'GET'))).json();
    expect(api.current).toMatchObject({ roundId: second.id, texts: updated });
    expect(api.current.areas.length).toBeGreaterThan(0);
    expect(api.history.map((sheet: { roundId: number }) => sheet.roundId)).toEqual([first.id]);
    expect((await t.app.request(`/api/networks/${network.id}/card`, sendJson(outsider, 'GET'))).status).toBe(404);
  });

  it('loses its quotes and figures when the round’s results are erased', async () => {
    const { network, coordinator } = await networkWithPeople(t);
    const round = await strategyRound(t, network.id, '2026-02-20T14:00:00.000Z');
    const base = `/networks/${network.id}/card/rounds/${round.id}`;
    expect((await t.app.request(base, postForm(coordinator, { ...texts, quote: `reflection.goals|${GOALS[1]}` }))).status).toBe(303);
    expect(await (await get(coordinator, base)).text()).toContain(GOALS[1]);

    await eraseRoundResults(t.deps.db, t.deps.clock, round.id, null);
    const [card] = await t.deps.db.select().from(networkCards);
    expect(card!.quotes).toEqual([]);
    expect(card!.goals).toBe(texts.goals);
    const page = await (await get(coordinator, base)).text();
    expect(page).toContain('Kierroksen vastaukset ja tulokset on poistettu');
    expect(page).not.toContain(GOALS[1]);
    expect(page).not.toContain('Toiminnan organisointi');
    // Nothing can be quoted from an erased round.
    const again = await t.app.request(base, postForm(coordinator, { ...texts, quote: `reflection.goals|${GOALS[1]}` }));
    expect(again.status).toBe(422);
  });

  it('takes a quote of several lines as a browser sends it, with CR LF line breaks', async () => {
    const { network, coordinator } = await networkWithPeople(t);
    const round = await strategyRound(t, network.id, '2026-02-20T14:00:00.000Z');
    const base = `/networks/${network.id}/card/rounds/${round.id}`;
    expect(GOALS[5]).toContain('\n');
    expect((await t.app.request(base, postForm(coordinator, { ...texts, quote: `reflection.goals|${GOALS[5]!.replace('\n', '\r\n')}` }))).status).toBe(303);
    const [card] = await t.deps.db.select().from(networkCards);
    expect(card!.quotes).toEqual([{ itemKey: 'reflection.goals', text: GOALS[5] }]);
  });

  it('is made only from a closed strategy round of the network', async () => {
    const { network, other, coordinator } = await networkWithPeople(t);
    const foreign = await strategyRound(t, other.id, '2026-02-20T14:00:00.000Z');
    expect((await get(coordinator, `/networks/${network.id}/card/rounds/${foreign.id}/edit`)).status).toBe(404);
    const open = await strategyRound(t, network.id, '2026-02-20T14:00:00.000Z');
    await t.deps.db.update(rounds).set({ status: 'open' }).where(eq(rounds.id, open.id));
    const refused = await t.app.request(`/networks/${network.id}/card/rounds/${open.id}`, postForm(coordinator, texts));
    expect(refused.status).toBe(404);
    expect(await refused.text()).toContain('Käyntikortin voi koota vain suljetusta strategiakierroksesta.');
  });
});
