/*
 * Attacks on copies of the database files by someone without the secret key.
 * Each test plays a round through the routes (fresh app), copies the files
 * while the round is open, after it closed, after a clean close of the
 * database and as a backup, then attacks every copy. The test alone knows
 * whose each response is (a mark hidden in its comment); the attacks never
 * read it, the scorer does. Each bound is what chance allows (see chance.ts).
 * Every attack runs on both kinds of round members answer: a rules round, and
 * a choosing round (prioritisation) made from a rules round closed before it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { searchLeftovers } from './attack-leftovers.js';
import { metadataCandidates } from './attack-metadata.js';
import { storageOrder, walAppearanceOrder } from './attack-order.js';
import { walCommitGuesses } from './attack-wal-commits.js';
import { MAX_CORRECT_BY_CHANCE, MAX_UNIQUE_LINKS, kendallTau, tauBound } from './chance.js';
import { viewCopy, type CopyView } from './copy-view.js';
import { playRound, type PlayedRound, type RoundKind, type TrueMember } from './play-round.js';

let sink: SmtpSink;
let played: PlayedRound | undefined;
let views: CopyView[] = [];
beforeEach(async () => (sink = await startSmtpSink()));
afterEach(async () => {
  for (const view of views) view.sql.close();
  views = [];
  played?.dispose();
  played = undefined;
  await sink.close();
});

async function playAndCopy(kind: RoundKind, seed: number): Promise<{ round: PlayedRound; views: CopyView[] }> {
  played = await playRound(sink, { kind, seed });
  for (const copy of played.copies) views.push(await viewCopy(copy));
  return { round: played, views };
}

/** ANONYMITY_FIGURES=1 prints what each attack achieved, passing or not. */
const show = (kind: RoundKind, report: string) => {
  if (process.env.ANONYMITY_FIGURES) console.info(`[${kind}] ${report}`);
};

const answerers = (round: PlayedRound) => round.members.filter((m): m is TrueMember & { answeredAs: number } => m.answeredAs !== null);

/** Each kind of round the members answer; the seeds differ, so a kind's failure replays alone. */
const KINDS: Array<{ kind: RoundKind; label: string; seed: number }> = [
  { kind: 'rules', label: 'a rules round', seed: 10 },
  { kind: 'choosing', label: 'a choosing round (prioritisation)', seed: 20 },
];

describe.each(KINDS)('a copy of the database files does not link responses to members: $label', ({ kind, seed }) => {
  it('WAL commit groups: rows written in the same commit', async () => {
    const { round, views } = await playAndCopy(kind, seed + 1);
    const figures: string[] = [];
    let worstCorrect = 0;
    let worstUnique = 0;
    for (const view of views) {
      const guesses = walCommitGuesses(view);
      const correct = guesses.filter((g) => round.answersBy(g.responseText)?.memberId === g.member);
      const unique = correct.filter((g) => g.unique).length;
      worstCorrect = Math.max(worstCorrect, correct.length);
      worstUnique = Math.max(worstUnique, unique);
      figures.push(`${view.copy.name}: linked ${correct.length} of ${answerers(round).length} responses (${unique} by a commit with one member and one response; ${guesses.length} guesses)`);
    }
    const report = `WAL commit groups — ${figures.join('; ')}`;
    show(kind, report);
    expect(worstUnique, report).toBeLessThanOrEqual(MAX_UNIQUE_LINKS);
    expect(worstCorrect, report).toBeLessThanOrEqual(MAX_CORRECT_BY_CHANCE);
  });

  it('physical order: the order rows lie in, in the file and in the WAL, against the order of answering', async () => {
    const { round, views } = await playAndCopy(kind, seed + 2);
    const figures: string[] = [];
    const failures: string[] = [];
    for (const view of views) {
      for (const [how, order] of [['(page, offset)', storageOrder(view)], ['first WAL appearance', walAppearanceOrder(view)]] as const) {
        const truth = order.map((text) => round.answersBy(text)?.answeredAs).filter((rank): rank is number => typeof rank === 'number');
        if (truth.length < 6) continue; // too few to order; nothing learnt
        const tau = kendallTau(truth.map((_, i) => i), truth);
        // The attacker who knows in which order people answered pairs the k-th row with the k-th of them (either way round).
        const byTime = [...truth].sort((a, b) => a - b);
        const forward = truth.filter((rank, i) => rank === byTime[i]).length;
        const backward = truth.filter((rank, i) => rank === byTime[truth.length - 1 - i]).length;
        const bound = tauBound(truth.length);
        const line = `${view.copy.name} by ${how}: tau ${tau.toFixed(2)} over ${truth.length} (bound ${bound.toFixed(2)}), order-based assignment ${Math.max(forward, backward)} right`;
        figures.push(line);
        if (Math.abs(tau) >= bound || Math.max(forward, backward) > MAX_CORRECT_BY_CHANCE) failures.push(line);
      }
    }
    // Not a pass by seeing nothing: once the round is closed the attack reads every response.
    for (const view of views.filter((v) => v.copy.name !== 'open' && v.copy.name !== 'open-early')) {
      expect(storageOrder(view).filter((text) => round.answersBy(text)).length, `responses the attack reads in ${view.copy.name}`).toBe(answerers(round).length);
    }
    show(kind, `physical order — ${figures.join('; ')}`);
    expect(failures, `physical order — ${figures.join('; ')}`).toEqual([]);
  });

  it('left-over bytes: no answer link and no reminder recipient anywhere in any file', async () => {
    const { round, views } = await playAndCopy(kind, seed + 3);
    const tokens = round.links;
    const emails = round.members.map((m) => m.email);
    const figures: string[] = [];
    let findings = 0;
    for (const view of views) {
      const found = searchLeftovers(view.copy, tokens, emails);
      findings += found.length;
      const links = new Set(found.filter((f) => f.what.startsWith('link')).map((f) => f.what));
      const reminded = new Set(found.filter((f) => f.what.startsWith('reminded')).map((f) => f.what));
      const places = (kind: string) => [...new Set(found.filter((f) => f.what.startsWith(kind)).map((f) => `${f.file} ${f.where.replace(/ \d+/g, '')}`))].join(', ');
      figures.push(`${view.copy.name}: ${links.size} of ${tokens.length} links (in ${places('link')}), ${reminded.size} reminder recipients (in ${places('reminded')}), ${found.length} places in all`);
    }
    show(kind, `left-over bytes — ${figures.join('; ')}`);
    expect(findings, `left-over bytes — ${figures.join('; ')}`).toBe(0);
  });

  it('metadata join: what the tables say about members, joined with what responses carry', async () => {
    const { round, views } = await playAndCopy(kind, seed + 4);
    const figures: string[] = [];
    const failures: string[] = [];
    for (const view of views) {
      const candidates = await metadataCandidates(view);
      if (view.copy.name === 'backup') expect(candidates.filter((c) => round.answersBy(c.responseText)).length, 'responses the join reads in the backup').toBe(answerers(round).length);
      let unique = 0;
      let expected = 0;
      let expectedFromAllowed = 0;
      for (const c of candidates) {
        const truth = round.answersBy(c.responseText)?.memberId;
        if (truth === undefined) continue;
        if (c.narrowed.length === 1 && c.narrowed[0] === truth) unique++;
        if (c.narrowed.includes(truth)) expected += 1 / c.narrowed.length;
        if (c.legit.includes(truth)) expectedFromAllowed += 1 / c.legit.length;
      }
      // Guessing within the candidates gets `expected` right on average; language and background answers alone allow `expectedFromAllowed`.
      const line = `${view.copy.name}: ${unique} responses narrowed to their one member; a guess gets ${expected.toFixed(1)} right on average, where language and background answers alone allow ${expectedFromAllowed.toFixed(1)}`;
      figures.push(line);
      if (unique > MAX_UNIQUE_LINKS || expected > expectedFromAllowed + 1) failures.push(line);
    }
    show(kind, `metadata join — ${figures.join('; ')}`);
    expect(failures, `metadata join — ${figures.join('; ')}`).toEqual([]);
  });
});
