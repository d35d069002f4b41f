/*
 * Attack: open the copy with SQL and join what its tables say about members
 * with what its responses carry. A response's language and background answers
 * narrow it to a group of the roster — the product allows that, and the
 * roster of these tests keeps every such group at five or more. Anything more
 * (who answered, who was reminded when, matched against the response's day)
 * is a leak. Columns are looked up by name; a missing one adds nothing.
 */
import type { CopyView } from './copy-view.js';
import { textOf } from './copy-view.js';

export type Candidates = { responseText: string; legit: number[]; narrowed: number[] };

type Row = Record<string, unknown>;

const HELSINKI_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });
const dayOf = (iso: string) => HELSINKI_DAY.format(new Date(iso));

async function rows(view: CopyView, table: string): Promise<Row[]> {
  return (await view.sql.execute(`SELECT rowid AS _rowid, * FROM "${table}"`)).rows as unknown as Row[];
}

const has = (view: CopyView, column: string) => [...view.tables.values()].filter((t) => t.columns.includes(column));

function segmentsOf(value: unknown): Record<string, unknown> {
  try {
    return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export async function metadataCandidates(view: CopyView): Promise<Candidates[]> {
  if (!view.tables.has('members')) return [];
  const roster = await rows(view, 'members');
  const idOf = new Map(roster.map((m) => [String(m.email), Number(m._rowid)]));
  const used = new Map<number, boolean>();
  const reminded = new Map<number, string[]>();
  const events = new Set<string>();
  const remind = (member: number | undefined, at: unknown) => {
    if (member === undefined || typeof at !== 'string' || at === '') return;
    reminded.set(member, [...(reminded.get(member) ?? []), at]);
    events.add(at);
  };
  for (const table of has(view, 'member_id').filter((t) => t.name !== 'members')) {
    for (const row of await rows(view, table.name)) {
      const member = Number(row.member_id);
      if (table.columns.includes('used')) used.set(member, Boolean(row.used));
      if (table.columns.includes('last_reminded_at')) remind(member, row.last_reminded_at);
    }
  }
  for (const table of has(view, 'recipient')) {
    for (const row of await rows(view, table.name)) {
      if (String(row.kind ?? '') === 'reminder') remind(idOf.get(String(row.recipient)), row.created_at ?? row.sent_at);
    }
  }

  /** Whether member m could have answered on `day`, given who was reminded when (a reminder goes only to who has not answered). */
  const timingAllows = (member: number, day: string | null) => {
    if (day === null) return true;
    const times = (reminded.get(member) ?? []).sort();
    const last = times.at(-1);
    if (last && day < dayOf(last)) return false;
    return [...events].every((event) => (last && event <= last) || times.includes(event) || day <= dayOf(event));
  };

  const out: Candidates[] = [];
  for (const table of view.answerTables) {
    for (const response of await rows(view, table.name)) {
      const segments = segmentsOf(response.segments);
      const legit = roster.filter(
        (m) =>
          (response.language === undefined || m.language === undefined || response.language === m.language) &&
          (segments.organisationType === undefined || m.organisation_type === undefined || segments.organisationType === m.organisation_type),
      );
      const day = typeof response.submitted_on === 'string' ? response.submitted_on : null;
      const narrowed = legit.filter((m) => used.get(Number(m._rowid)) !== false && timingAllows(Number(m._rowid), day));
      const texts = table.columns.map((c) => response[c]);
      out.push({ responseText: textOf(texts), legit: legit.map((m) => Number(m._rowid)), narrowed: narrowed.map((m) => Number(m._rowid)) });
    }
  }
  return out;
}
