import { describe, expect, it } from 'vitest';
import { complementaryWithheld, type Partition } from '../../src/results/suppression.js';

const sizes = (entries: Record<string, number>) => new Map(Object.entries(entries));
const groups = (total: string, members: string[]): Partition => ({ total, members, overlapping: false });
const items = (total: string, members: string[]): Partition => ({ total, members, overlapping: true });
const sorted = (set: Set<string>) => [...set].sort();

describe('complementaryWithheld (k = 5)', () => {
  it('withholds only figures below k when the withheld groups already hold k answers together', () => {
    // b 3 + c 2 = 5: total − a gives the two together, never one of them.
    expect(sorted(complementaryWithheld(sizes({ T: 12, a: 7, b: 3, c: 2 }), [groups('T', ['a', 'b', 'c'])], 5))).toEqual(['b', 'c']);
  });

  it('withholds the smallest shown group when the withheld one would be total minus the others', () => {
    // c alone (2) would be 16 − 8 − 6; with b (6) the remainder holds 8.
    expect(sorted(complementaryWithheld(sizes({ T: 16, a: 8, b: 6, c: 2 }), [groups('T', ['a', 'b', 'c'])], 5))).toEqual(['b', 'c']);
  });

  it('leaves a group with no answers alone: subtraction gives zero, which says nothing', () => {
    expect(sorted(complementaryWithheld(sizes({ T: 14, a: 8, b: 6, c: 0 }), [groups('T', ['a', 'b', 'c'])], 5))).toEqual(['c']);
  });

  it('counts overlapping items as people by their largest member, not their sum', () => {
    // B 3 + C 3 answers may be the same three people: A (7) is withheld too.
    expect(sorted(complementaryWithheld(sizes({ R: 9, A: 7, B: 3, C: 3, D: 9 }), [items('R', ['A', 'B', 'C', 'D'])], 5))).toEqual(['A', 'B', 'C']);
    // All items withheld: what is left is the rule itself, of 6 respondents.
    expect(sorted(complementaryWithheld(sizes({ R: 6, A: 3, B: 3 }), [items('R', ['A', 'B'])], 5))).toEqual(['A', 'B']);
    // The 12 − 6 respondents of the rule that the shown C cannot account for answered A or B: 6 ≥ 5.
    expect(sorted(complementaryWithheld(sizes({ R: 12, A: 4, B: 4, C: 6 }), [items('R', ['A', 'B', 'C'])], 5))).toEqual(['A', 'B']);
  });

  it('withholds a total that would equal its one withheld member, and a member of a withheld total that would be a sum', () => {
    // I is withheld elsewhere; its rule R has no other item, so R would show it.
    expect(sorted(complementaryWithheld(sizes({ R: 7, I: 7 }), [items('R', ['I'])], 5, ['I']))).toEqual(['I', 'R']);
    // R is withheld elsewhere; x + y would give it back.
    expect(sorted(complementaryWithheld(sizes({ R: 11, x: 6, y: 5 }), [items('R', ['x', 'y'])], 5, ['R']))).toEqual(['R', 'y']);
  });

  it('follows a withheld figure into every partition it belongs to', () => {
    // Two groups g, h by two items i, j of one rule; h answered item j only twice.
    const cells = sizes({ Ti: 20, Tj: 14, Tr: 20, gi: 10, gj: 12, gr: 12, hi: 10, hj: 2, hr: 10 });
    const partitions = [groups('Ti', ['gi', 'hi']), groups('Tj', ['gj', 'hj']), groups('Tr', ['gr', 'hr']), items('gr', ['gi', 'gj']), items('hr', ['hi', 'hj'])];
    // hj, then gj (else hj = Tj − gj), then gi (else gj = gr − gi) and hi (else hj = hr − hi).
    expect(sorted(complementaryWithheld(cells, partitions, 5))).toEqual(['gi', 'gj', 'hi', 'hj']);
  });
});
