import { describe, expect, it } from 'vitest';
import { SealBroken } from '../../src/crypto/sealing.js';
import { MAX_TEXT_LENGTH } from '../../src/answering/answer-rules.js';
import { openAnswers, responseSealingKey, sealAnswers, sealedPaddedLength } from '../../src/responses/sealed-responses.js';
import { realCatalogue, TEST_SECRET_KEY } from '../helpers/app.js';
import { fullAnswers } from '../answering/fixture.js';

describe('a sealed response', () => {
  it('has one length for every answer to a version, from an empty one to the longest, and opens to what went in', () => {
    const version = realCatalogue().find('network-rules', 1)!;
    const key = responseSealingKey(TEST_SECRET_KEY);
    const longest = fullAnswers(version);
    for (const item of version.items) if (item.kind === 'open') longest[item.name] = '€'.repeat(MAX_TEXT_LENGTH);
    const sealed = [{}, fullAnswers(version), longest].map((answers) => sealAnswers(key, 7, version, answers));
    expect(new Set(sealed.map((s) => s.length))).toEqual(new Set([sealed[0]!.length]));
    expect(sealed[0]!.length).toBeGreaterThan(sealedPaddedLength(version));
    expect(openAnswers(key, 7, sealed[2]!)).toEqual(longest);
    // The round is authenticated: a sealed answer moved to another round's rows does not open.
    expect(() => openAnswers(key, 8, sealed[1]!)).toThrow(SealBroken);
    expect(() => openAnswers(responseSealingKey(`${TEST_SECRET_KEY}x`), 7, sealed[1]!)).toThrow(SealBroken);
  });
});
