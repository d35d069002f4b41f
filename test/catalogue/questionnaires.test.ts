import { Model } from 'survey-core';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/catalogue/load.js';
import { MEASURES } from '../../src/catalogue/measures.js';
import { registerSurveyProperties } from '../../src/catalogue/survey-properties.js';

const catalogue = loadCatalogue();

describe('the v1 questionnaires', () => {
  it('network-rules covers all ten rules with 3–5 statements each and a comment per rule', () => {
    const version = catalogue.find('network-rules', 1)!;
    expect(version).toBeDefined();
    const rules = MEASURES.filter((m) => m.kind === 'rule');
    for (const rule of rules) {
      const scored = version.items.filter((i) => i.kind === 'scored' && i.measure === rule.id);
      expect(scored.length, rule.id).toBeGreaterThanOrEqual(3);
      expect(scored.length, rule.id).toBeLessThanOrEqual(5);
      expect(version.items.some((i) => i.kind === 'open' && i.measure === rule.id), `${rule.id} comment`).toBe(true);
    }
    expect(version.items.filter((i) => i.kind === 'segment').map((i) => i.segment).sort()).toEqual(['organisationType', 'role']);
    expect(version.scale?.choices.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('network-strategy rates all six strategy areas and asks the four reflection questions', () => {
    const version = catalogue.find('network-strategy', 1)!;
    const areas = MEASURES.filter((m) => m.kind === 'area').map((m) => m.id);
    const measured = new Set(version.items.filter((i) => i.kind === 'scored').map((i) => i.measure));
    expect([...measured].sort()).toEqual([...areas].sort());
    expect(version.items.filter((i) => i.kind === 'open' && i.itemKey.startsWith('reflection.'))).toHaveLength(4);
  });

  it('render with survey-core in Finnish, Swedish and English', () => {
    registerSurveyProperties();
    for (const version of catalogue.versions) {
      const survey = new Model(version.json);
      expect(survey.jsonErrors ?? []).toEqual([]);
      const first = survey.pages.flatMap((p) => p.questions)[0]!;
      const titles = (['fi', 'sv', 'en'] as const).map((lang) => {
        survey.locale = lang;
        return first.title;
      });
      expect(new Set(titles).size).toBe(3);
      expect(titles.every((t) => t.length > 3)).toBe(true);
    }
  });
});
