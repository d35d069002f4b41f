import type { Language } from '../db/schema/networks.js';

/** A feature's user-facing texts: Finnish first, every key in all three languages. */
export function defineMessages<const T extends Record<string, string>>(messages: { fi: T; sv: { [K in keyof T]: string }; en: { [K in keyof T]: string } }) {
  return (lang: Language): { [K in keyof T]: string } => messages[lang];
}

/** Replaces {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
