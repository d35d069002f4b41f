import type { Child } from 'hono/jsx';
import type { ScaleRewording, VersionDiff } from '../../catalogue/diff.js';
import type { Localized } from '../../catalogue/measures.js';
import type { CatalogueItem, QuestionnaireVersion } from '../../catalogue/types.js';
import { LANGUAGES, type Language } from '../../db/schema/networks.js';
import { catalogueText } from '../../i18n/catalogue.js';
import { commonText } from '../../i18n/common.js';
import { fill } from '../../i18n/messages.js';
import { ItemSummary, itemLabel } from './item-label.js';

function ItemList({ items, lang }: { items: CatalogueItem[]; lang: Language }) {
  return (
    <ul class="item-list">
      {items.map((item) => (
        <li>
          <ItemSummary item={item} lang={lang} />
        </li>
      ))}
    </ul>
  );
}

/** Every language whose wording changed: a reviewer signs off all three, not only the one on screen. */
function Rewording({ before, after, lang }: { before: Localized; after: Localized; lang: Language }) {
  const t = catalogueText(lang);
  const changed = LANGUAGES.filter((code) => before[code] !== after[code]);
  return (
    <dl class="rewording">
      {changed.map((code) => (
        <div>
          <dt>{commonText(code).languageName}</dt>
          <dd>
            <span class="diff-label">{t.before}</span>
            <del lang={code}>{before[code]}</del>
          </dd>
          <dd>
            <span class="diff-label">{t.after}</span>
            <ins lang={code}>{after[code]}</ins>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: Child }) {
  if (count === 0) return null;
  return (
    <section class="diff-section">
      <h3>{`${title} (${count})`}</h3>
      {children}
    </section>
  );
}

function scalePointLabel(point: ScaleRewording, lang: Language): string {
  const t = catalogueText(lang);
  return point.point === 'cannotSay' ? fill(t.scaleCannotSay, { text: point.after[lang] }) : fill(t.scalePoint, { value: point.point });
}

/** What changed between the previous version and this one, matched by item key; the version's own note first. */
export function VersionDiffSection({ diff, previous, note, lang }: { diff: VersionDiff; previous: QuestionnaireVersion; note?: Localized | null; lang: Language }) {
  const t = catalogueText(lang);
  const changes = diff.added.length + diff.removed.length + diff.reworded.length + diff.moved.length + diff.scale.length;
  return (
    <section class="card diff" id="changes" aria-labelledby="changes-title">
      <h2 id="changes-title">{fill(t.changesSince, { previous: previous.label })}</h2>
      {note && (
        <div class="version-note">
          <h3>{t.versionNote}</h3>
          <p>{note[lang]}</p>
        </div>
      )}
      <p class="hint">{t.diffExplained}</p>
      {changes === 0 && <p>{fill(t.noChanges, { previous: previous.label })}</p>}
      <Section title={t.added} count={diff.added.length}>
        <ItemList items={diff.added} lang={lang} />
      </Section>
      <Section title={t.removed} count={diff.removed.length}>
        <ItemList items={diff.removed} lang={lang} />
      </Section>
      <Section title={t.reworded} count={diff.reworded.length}>
        <ul class="item-list">
          {diff.reworded.map(({ before, after }) => (
            <li>
              <code class="item-key">{after.itemKey}</code>
              <Rewording before={before.title} after={after.title} lang={lang} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t.scaleReworded} count={diff.scale.length}>
        <ul class="item-list">
          {diff.scale.map((point) => (
            <li>
              <p class="item-title">{scalePointLabel(point, lang)}</p>
              <Rewording before={point.before} after={point.after} lang={lang} />
            </li>
          ))}
        </ul>
      </Section>
      <Section title={t.moved} count={diff.moved.length}>
        <ul class="item-list">
          {diff.moved.map(({ before, after }) => (
            <li>
              <p class="item-title">{after.title[lang]}</p>
              <p class="item-meta">
                <code class="item-key">{after.itemKey}</code>
              </p>
              <p class="item-meta">
                <span class="diff-label">{t.before}</span> <del class="tag tag-muted">{itemLabel(before, lang)}</del>{' '}
                <span class="diff-label">{t.after}</span> <ins class="tag">{itemLabel(after, lang)}</ins>
              </p>
            </li>
          ))}
        </ul>
      </Section>
      {changes > 0 && <p class="hint">{fill(t.unchanged, { count: diff.unchanged })}</p>}
    </section>
  );
}
