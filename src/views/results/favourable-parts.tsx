import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { favourableText } from '../../i18n/favourable.js';
import { fill } from '../../i18n/messages.js';
import { favourableValues, type FavourableShare } from '../../results/favourable.js';
import { scaleOf } from './chart-specs.js';
import { formats } from './format.js';

/** "58 % (44–71 %)": the favourable share with its Wilson interval. */
export function shareText(share: FavourableShare, lang: Language): string {
  const f = formats(lang);
  return `${f.percent(share.share)} (${f.percentRange(share.ci95)})`;
}

/** The share under a mean in a table cell, named, so that a reader never mistakes it for the mean's interval. */
export function FavourableLine({ share, lang }: { share: FavourableShare | null; lang: Language }) {
  if (!share) return null;
  const t = favourableText(lang);
  return (
    <span class="favourable-line">
      <abbr title={t.title}>{t.label}</abbr> {shareText(share, lang)}
    </span>
  );
}

/** The method in one plain sentence, under every table or list that shows the share. */
export function FavourableNote({ version, lang }: { version: QuestionnaireVersion; lang: Language }) {
  const scale = scaleOf(version, lang);
  const values = favourableValues(scale.values).sort((a, b) => a - b);
  return <p class="hint favourable-note">{fill(favourableText(lang).method, { values: values.join('–'), cannotSay: scale.cannotSay })}</p>;
}
