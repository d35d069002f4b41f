import { describe, expect, it } from 'vitest';
import { addHelsinkiMonths, fromHelsinkiLocal, helsinkiDateLabel, parseInstant, toHelsinkiLocal } from '../../src/rounds/helsinki-time.js';
import { nextTitle } from '../../src/rounds/recurrence.js';

describe('Helsinki wall times', () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(fromHelsinkiLocal('2026-03-02T09:00')?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(fromHelsinkiLocal('2026-06-15T09:30')?.toISOString()).toBe('2026-06-15T06:30:00.000Z');
  });

  it('handles the night of each daylight-saving change', () => {
    // 29 March 2026: 03:00 EET jumps to 04:00 EEST; 03:30 does not exist and lands an hour later.
    expect(fromHelsinkiLocal('2026-03-29T02:59')?.toISOString()).toBe('2026-03-29T00:59:00.000Z');
    expect(fromHelsinkiLocal('2026-03-29T03:30')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(fromHelsinkiLocal('2026-03-29T04:00')?.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    // 25 October 2026: 04:00 EEST falls back to 03:00 EET; 03:30 happens twice and the second is taken.
    expect(fromHelsinkiLocal('2026-10-25T03:30')?.toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses what is no time at all', () => {
    for (const bad of ['', '2026-02-30T10:00', '2026-03-02T24:00', '2026-03-02 09:00', '2.3.2026 9.00', '2026-03-02T09:60']) expect(fromHelsinkiLocal(bad)).toBeNull();
  });

  it('takes ISO times with a zone as they are', () => {
    expect(parseInstant('2026-03-02T07:00:00Z')?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(parseInstant('2026-03-02T09:00:00+02:00')?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
    expect(parseInstant(' 2026-03-02T09:00 ')?.toISOString()).toBe('2026-03-02T07:00:00.000Z');
  });

  it('writes the value a datetime-local input shows', () => {
    expect(toHelsinkiLocal(new Date('2026-03-02T07:00:00Z'))).toBe('2026-03-02T09:00');
    expect(toHelsinkiLocal(new Date('2026-07-01T21:15:00Z'))).toBe('2026-07-02T00:15');
    expect(helsinkiDateLabel(new Date('2026-07-01T21:15:00Z'))).toBe('2.7.2026');
  });

  it('adds months on the wall clock, across a daylight-saving change and into shorter months', () => {
    expect(addHelsinkiMonths(new Date('2026-03-02T07:00:00Z'), 6).toISOString()).toBe('2026-09-02T06:00:00.000Z');
    expect(addHelsinkiMonths(new Date('2026-08-31T06:00:00Z'), 6).toISOString()).toBe('2027-02-28T07:00:00.000Z');
    expect(addHelsinkiMonths(new Date('2026-11-10T08:00:00Z'), 14).toISOString()).toBe('2028-01-10T08:00:00.000Z');
  });

  it('names the next round of a series by its opening day', () => {
    const september = new Date('2026-09-02T06:00:00Z');
    expect(nextTitle('Verkostokysely 2.3.2026', september)).toBe('Verkostokysely 2.9.2026');
    expect(nextTitle('Kevät', september)).toBe('Kevät 2.9.2026');
    expect(nextTitle('2.3.2026', september)).toBe('2.9.2026');
  });
});
