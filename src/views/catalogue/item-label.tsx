import type { CatalogueItem } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { catalogueText } from '../../i18n/catalogue.js';
import { titledMeasureLabel } from '../../i18n/measure-names.js';

const KIND_NAMES = { open: 'openQuestion', segment: 'backgroundQuestion', multiple: 'multipleQuestion', ranking: 'rankingQuestion' } as const;

/** What a scored item measures; for another kind, its name and the rule or area it is about, if any. */
export function itemLabel(item: CatalogueItem, lang: Language): string {
  if (item.kind === 'scored') return titledMeasureLabel(item.measure ?? '', lang);
  const name = catalogueText(lang)[KIND_NAMES[item.kind]];
  return item.measure ? `${name} · ${titledMeasureLabel(item.measure, lang)}` : name;
}

/** One item: its wording in the page language, its key and what it measures. */
export function ItemSummary({ item, lang }: { item: CatalogueItem; lang: Language }) {
  const t = catalogueText(lang);
  return (
    <>
      <p class="item-title">{item.title[lang]}</p>
      <p class="item-meta">
        <span class="visually-hidden">{t.itemKey}: </span>
        <code class="item-key">{item.itemKey}</code> <span class={item.kind === 'scored' ? 'tag' : 'tag tag-muted'}>{itemLabel(item, lang)}</span>
      </p>
    </>
  );
}
