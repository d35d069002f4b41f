import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { actions, outgoingMail, rounds } from '../../src/db/schema/index.js';
import { fullAnswers, submit } from '../answering/fixture.js';
import { openedMailRows } from '../helpers/mail-rows.js';
import { roundWithResponses, uniformAnswers } from '../results/fixture.js';
import { api, LINK, openedRound, page, roundBody, roundsWorld, START, type RoundsWorld } from '../rounds/fixture.js';

let w: RoundsWorld;
afterEach(() => w?.t.database.dispose());

describe('the network overview', () => {
  it('shows the rounds with periods and rates, what comes next, open actions, the latest results and failed mail', async () => {
    w = await roundsWorld();
    const answers = [1, 2, 3, 4, 5, 4].map((v, i) => uniformAnswers(w.t, v, { r1_benefits_visible: 5, r2_motivated: i % 2 === 0 ? 1 : 2 }));
    const closed = await roundWithResponses(w.t, w.network.id, answers, { closesAt: '2026-02-20T14:00:00.000Z' });
    await w.t.deps.db.update(rounds).set({ closedAt: '2026-02-18T10:00:00.000Z', openedAt: '2026-01-05T08:00:00.000Z' }).where(eq(rounds.id, closed.id));
    const open = await openedRound(w, { title: 'Kevään kierros', reminderDays: [3] });
    await api(w, w.coordinator, 'POST', `/${open}/invite`);
    const [mail] = (await openedMailRows(w.t.deps)).filter((row) => row.roundId === open);
    expect((await submit(w.t, LINK.exec(mail!.textBody!)![1]!, { answers: fullAnswers(w.t.deps.catalogue.find('network-rules', 1)!) })).status).toBe(201);
    await api(w, w.coordinator, 'POST', '', roundBody({ title: 'Syksyn kierros', opensAt: '2026-09-01T09:00', closesAt: '2026-09-15T16:00' }));
    await w.t.deps.db.insert(actions).values({ networkId: w.network.id, roundId: closed.id, measure: 'rule:2', description: 'Sovitaan jäsenten roolit', dueOn: '2026-04-30', createdAt: START, updatedAt: START });
    await w.t.deps.db.update(outgoingMail).set({ status: 'failed', lastError: 'mailbox unavailable' }).where(eq(outgoingMail.id, mail!.id));

    const { status, html } = await page(w, w.coordinator, '');
    expect(status).toBe(200);
    expect(html).toContain(`<a href="/networks/${w.network.id}/rounds/${open}">Kevään kierros</a>`);
    expect(html).toContain('<td>1 / 3</td>');
    expect(html).toContain('5.1.2026 – 18.2.2026');
    expect(html).toContain('13.3.2026 klo 16.00: muistutus kierroksella ”Kevään kierros”');
    expect(html).toContain('16.3.2026 klo 16.00: ”Kevään kierros” sulkeutuu');
    expect(html).toContain('1.9.2026 klo 9.00: ”Syksyn kierros” avautuu');
    expect(html.indexOf('13.3.2026 klo 16.00')).toBeLessThan(html.indexOf('1.9.2026 klo 9.00'));
    expect(html).toContain('Sovitaan jäsenten roolit');
    expect(html).toContain('määräpäivä 30.4.2026');
    expect(html).toContain(`”Kierros 2026-02” sulkeutui 18.2.2026. Vastauksia: 6.`);
    expect(html).toContain('Vahvin: 1. ');
    expect(html).toContain('Heikoin: 2. ');
    expect(html).toContain('Viestejä, joiden lähetys epäonnistui: 1.');
    // The open round's rate over time: a chart with its numbers as a table, counts only.
    expect(html).toContain('Vastausosuus päivittäin: Kevään kierros');
    expect(html).toContain('<canvas data-spec="chart-rate" role="img" aria-label="Kaavio: kierroksen ”Kevään kierros” vastausosuus päivittäin. 2.3.2026 mennessä 33\u00a0%.">');
    expect(html).toMatch(/<th scope="row">2\.3\.2026<\/th><td>33\u00a0% \(1 \/ 3\)<\/td>/);
    expect(html).toMatch(/<script type="module" src="\/static\/build\/results[-.]/);
    expect(html.match(/data-spec="chart-rate"/g)).toHaveLength(1);

    // Leaders see the overview without the coordinators' links and mail trouble.
    const leader = await page(w, w.leader, '');
    expect(leader.status).toBe(200);
    expect(leader.html).toContain('Kevään kierros');
    expect(leader.html).not.toContain(`/rounds/${open}"`);
    expect(leader.html).not.toContain('epäonnistui');
  });

  it('withholds the latest round’s figures below k, as its results page does', async () => {
    w = await roundsWorld();
    await roundWithResponses(w.t, w.network.id, [uniformAnswers(w.t, 5), uniformAnswers(w.t, 1)]);
    const { html } = await page(w, w.coordinator, '');
    expect(html).toContain('Tuloksia ei näytetä, koska vastauksia on alle 5.');
    expect(html).not.toContain('Vahvin:');
  });
});
