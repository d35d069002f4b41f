import type { QuestionnaireVersion } from '../../catalogue/types.js';
import type { Language } from '../../db/schema/networks.js';
import { fill } from '../../i18n/messages.js';
import { resultsText } from '../../i18n/results.js';
import type { SegmentResults } from '../../results/segments.js';
import { FavourableNote } from './favourable-parts.js';
import { DataTable, MeanCell } from './figure-parts.js';
import { measureColumn, measureLabel, segmentGroupName, segmentName } from './labels.js';

type Props = { lang: Language; version: QuestionnaireVersion; segments: SegmentResults; keys: string[] };

/**
 * The breakdown by one background question, chosen with links (a GET, so the
 * page works without scripts). Only the groups segmentResults returns are
 * shown; it has already merged the small ones so none can be derived.
 */
export function SegmentSection({ lang, version, segments, keys }: Props) {
  const t = resultsText(lang);
  const k = segments.threshold;
  const name = (key: string) => segmentName(key, lang);
  const groupName = segmentGroupName(version, segments.segmentKey, lang);
  const measures = segments.groups[0]?.measures ?? [];
  return (
    <section class="card" id="segments">
      <h2>{t.segmentsTitle}</h2>
      <nav class="segment-tabs" aria-label={t.segmentNav}>
        {keys.map((key) => (
          <a href={`?segment=${key}#segments`} aria-current={key === segments.segmentKey ? 'page' : undefined}>
            {name(key)}
          </a>
        ))}
      </nav>
      {segments.withheld === 'too_few_groups' && <p class="notice">{fill(t.segmentTooFew, { k })}</p>}
      {segments.withheld === 'not_collected' && <p class="notice">{t.segmentNotCollected}</p>}
      {segments.withheld === null && (
        <>
          <p class="hint">{fill(t.segmentNote, { k })}</p>
          <DataTable
            caption={fill(t.segmentCaption, { segment: name(segments.segmentKey) })}
            head={[
              measureColumn(measures, lang),
              ...segments.groups.map((g) => (
                <>
                  {groupName(g.value)} <span class="group-n">n = {g.responses}</span>
                </>
              )),
            ]}
            rows={measures.map((m, i) => [measureLabel(m.measure, lang), ...segments.groups.map((g) => <MeanCell figures={g.measures[i]?.figures ?? null} lang={lang} />)])}
          />
          <FavourableNote version={version} lang={lang} />
        </>
      )}
    </section>
  );
}
