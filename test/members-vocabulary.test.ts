import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../src/db/schema/networks.js';
import { ORGANISATION_TYPES } from '../src/db/schema/members.js';
import { memberText } from '../src/i18n/members.js';
import { organisationTypeOf } from '../src/members/csv-format.js';
import { realCatalogue } from './helpers/app.js';

type Choice = { value: string; text: Record<string, string> };

function organisationChoices(json: unknown): Choice[] {
  if (Array.isArray(json)) return json.flatMap(organisationChoices);
  if (json && typeof json === 'object') {
    const node = json as Record<string, unknown>;
    if (node.segment === 'organisationType') return node.choices as Choice[];
    return Object.values(node).flatMap(organisationChoices);
  }
  return [];
}

describe('one vocabulary for organisation types', () => {
  it('names each type on the roster exactly as every questionnaire’s background question does, in every language', () => {
    for (const version of realCatalogue().versions) {
      for (const choice of organisationChoices(version.json)) {
        expect(ORGANISATION_TYPES).toContain(choice.value);
        for (const lang of LANGUAGES) expect(memberText(lang)[`type_${choice.value as (typeof ORGANISATION_TYPES)[number]}`], `${version.file} ${lang}`).toBe(choice.text[lang]);
      }
    }
  });

  it('still reads the labels of rosters exported before', () => {
    expect(organisationTypeOf('Kunnan hallinto')).toBe('municipal_administration');
    expect(organisationTypeOf('Lukio')).toBe('upper_secondary');
    expect(organisationTypeOf('Kunnan sivistystoimi tai muu hallinto')).toBe('municipal_administration');
  });
});
