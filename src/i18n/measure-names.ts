import { findMeasure } from '../catalogue/measures.js';
import type { Language } from '../db/schema/networks.js';
import { defineMessages, fill } from './messages.js';

const measureNameText = defineMessages({
  fi: { rule: 'Pelisääntö {number}: {name}', area: 'Strategian osa-alue: {name}' },
  sv: { rule: 'Spelregel {number}: {name}', area: 'Strategiområde: {name}' },
  en: { rule: 'Ground rule {number}: {name}', area: 'Strategy area: {name}' },
});

/**
 * A rule or area named with what it is, where the page does not already say
 * so: "Pelisääntö 3: Resurssit, aikataulut ja työkalut", "Strategian osa-alue:
 * Tavoitteet". Beside other rules, `measureLabel` in catalogue/measures.ts is shorter.
 */
export function titledMeasureLabel(measure: string, lang: Language): string {
  const meta = findMeasure(measure);
  if (!meta) return measure;
  const t = measureNameText(lang);
  return fill(meta.kind === 'rule' ? t.rule : t.area, { number: meta.number, name: meta.name[lang] });
}
