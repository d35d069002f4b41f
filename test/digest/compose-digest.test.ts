import { afterEach, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose-digest.js';
import { digestContent } from '../../src/digest/digest-content.js';
import { buildReport } from '../../src/reports/report.js';
import { createTestApp, realCatalogue, type TestApp } from '../helpers/app.js';
import { networkWithPeople } from '../helpers/people.js';
import { roundWithResponses } from '../results/fixture.js';

let t: TestApp;
afterEach(() => t?.database.dispose());

/** Answers spread over 2–4 per item; rule r moves one point, up or down by the sign of bump(r), for the first |bump(r)| respondents. */
function answers(bump: (rule: number) => number = () => 0, count = 12) {
  const scored = realCatalogue().find('network-rules', 1)!.items.filter((item) => item.kind === 'scored');
  return Array.from({ length: count }, (_, i) =>
    Object.fromEntries(
      scored.map((item) => {
        const b = bump(Number(item.measure!.split(':')[1]));
        return [item.name, 3 + ((i % 3) - 1) + (i < Math.abs(b) ? Math.sign(b) : 0)];
      }),
    ),
  );
}

async function reportOf(before: Array<Record<string, unknown>>, after: Array<Record<string, unknown>>, networkName = 'Testiverkosto') {
  t = await createTestApp();
  const { network } = await networkWithPeople(t);
  await roundWithResponses(t, network.id, before, { closesAt: '2025-06-01T12:00:00.000Z' });
  await roundWithResponses(t, network.id, after, { closesAt: '2026-02-01T12:00:00.000Z' });
  return { report: await buildReport(t.deps.db, t.deps.catalogue, network, null), network: { ...network, name: networkName } };
}

describe('digest composition', () => {
  it('lists the three largest improvements and declines beyond noise, largest first', async () => {
    // Rules 2, 3, 4 and 1 improve by 1.0, 0.87, 0.73 and 0.6, all beyond noise at n = 30; rule 9 declines by 1.0.
    const { report } = await reportOf(answers(() => 0, 30), answers((rule) => ({ 1: 18, 2: 30, 3: 26, 4: 22, 9: -30 })[rule] ?? 0, 30));
    const [section] = digestContent(report, 'en').sections;
    expect(section!.changes!.improved.map((line) => line.split(':')[0])).toEqual(['2. Choosing and committing members', '3. Resources, schedules and tools', '4. Leadership commitment']);
    expect(section!.changes!.declined).toEqual([expect.stringMatching(/^9\. Trust and listening to members: 3\.0 → 2\.0 \(change -1\.0, 95% confidence interval -1\.4 … -0\.6\)$/)]);
    expect(section!.notes).toEqual(['30 responses.']);
  });

  it('says plainly when nothing changed beyond noise, or when there is nothing to compare with', async () => {
    const same = await reportOf(answers(), answers());
    expect(digestContent(same.report, 'fi').sections[0]).toMatchObject({
      changes: null,
      notes: ['Vastauksia 12.', 'Mikään tulos ei muuttunut edellisestä kierroksesta satunnaisvaihtelua enempää.'],
    });
    t.database.dispose();
    const fewBefore = await reportOf(answers().slice(0, 4), answers());
    expect(digestContent(fewBefore.report, 'sv').sections[0]!.notes).toContain('Föregående omgång fick för få svar för en jämförelse.');
  });

  it('refers to every chart by a content id it carries, with alt text, and escapes names in the HTML', async () => {
    const { report, network } = await reportOf(answers(), answers((rule) => (rule === 2 ? 12 : 0)), 'Koulut & <Kunnat>');
    const digest = await composeDigest({ report, lang: 'fi', reportUrl: 'http://127.0.0.1:3000/r/abc?x=1&y=2', networkName: network.name, reportExpiresOn: '2026-05-01' });
    const cids = [...digest.html.matchAll(/<img src="cid:([^"]+)" alt="([^"]+)"/g)].map((m) => m[1]);
    expect(cids).toEqual(digest.attachments.map((a) => a.cid));
    expect(new Set(cids).size).toBe(2);
    expect(digest.subject).toBe('Tuloskooste: Koulut & <Kunnat>');
    expect(digest.html).toContain('Koulut &amp; &lt;Kunnat&gt;');
    expect(digest.html).not.toContain('<Kunnat>');
    expect(digest.html).toContain('href="http://127.0.0.1:3000/r/abc?x=1&amp;y=2"');
    expect(digest.text).toContain('Linkki on voimassa 1.5.2026 asti.');
    expect(digest.text).toContain('\nhttp://127.0.0.1:3000/r/abc?x=1&y=2\n');
  });
});
