import type { Language } from '../db/schema/networks.js';

export type Localized = Record<Language, string>;

/** What a scored item measures: one of the ten ground rules or one of the six strategy areas. */
export type MeasureKind = 'rule' | 'area';
export type Measure = { id: string; kind: MeasureKind; number: number; name: Localized };

const rules: Localized[] = [
  { fi: 'Verkoston tavoitteet', sv: 'Nätverkets mål', en: 'Network goals' },
  { fi: 'Jäsenten valinta ja sitoutuminen', sv: 'Val och engagemang av medlemmar', en: 'Choosing and committing members' },
  { fi: 'Resurssit, aikataulut ja työkalut', sv: 'Resurser, tidtabeller och verktyg', en: 'Resources, schedules and tools' },
  { fi: 'Johdon sitoutuminen', sv: 'Ledningens engagemang', en: 'Leadership commitment' },
  { fi: 'Koordinaattori', sv: 'Koordinator', en: 'Coordinator' },
  { fi: 'Arviointi ja uudistuminen', sv: 'Utvärdering och förnyelse', en: 'Evaluation and renewal' },
  { fi: 'Suunnitelmallinen tiedotus', sv: 'Planmässig kommunikation', en: 'Planned communication' },
  { fi: 'Osaamisen ja kontaktien jakaminen', sv: 'Att dela kunnande och kontakter', en: 'Sharing know-how and contacts' },
  { fi: 'Luottamus ja jäsenten kuuleminen', sv: 'Förtroende och att lyssna på medlemmarna', en: 'Trust and listening to members' },
  { fi: 'Jatkuvuus', sv: 'Kontinuitet', en: 'Continuity' },
];

const areas: Array<[string, Localized]> = [
  ['actors', { fi: 'Toimijat', sv: 'Aktörer', en: 'Actors' }],
  ['goals', { fi: 'Tavoitteet', sv: 'Mål', en: 'Goals' }],
  ['cooperation', { fi: 'Yhteistyön muodot', sv: 'Samarbetsformer', en: 'Forms of cooperation' }],
  ['organisation', { fi: 'Toiminnan organisointi', sv: 'Organisering av verksamheten', en: 'Organisation of the work' }],
  ['leadership', { fi: 'Johtaminen ja koordinointi', sv: 'Ledning och koordinering', en: 'Leadership and coordination' }],
  ['evaluation', { fi: 'Arviointi ja kehittäminen', sv: 'Utvärdering och utveckling', en: 'Evaluation and development' }],
];

export const MEASURES: readonly Measure[] = [
  ...rules.map((name, i) => ({ id: `rule:${i + 1}`, kind: 'rule' as const, number: i + 1, name })),
  ...areas.map(([key, name], i) => ({ id: `area:${key}`, kind: 'area' as const, number: i + 1, name })),
];

const byId = new Map(MEASURES.map((m) => [m.id, m]));

export function findMeasure(id: string): Measure | undefined {
  return byId.get(id);
}

/** "3. Resurssit, aikataulut ja työkalut" for a rule, which members know by number; an area by its name; an unknown id as it is. */
export function measureLabel(measure: string, lang: Language): string {
  const meta = findMeasure(measure);
  if (!meta) return measure;
  return meta.kind === 'rule' ? `${meta.number}. ${meta.name[lang]}` : meta.name[lang];
}
