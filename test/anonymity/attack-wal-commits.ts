/*
 * Attack: rows written in one commit belong together. A commit that changes
 * one member's invitation and adds one response links the two; a commit with
 * several of each narrows each response to those members, and is paired in
 * the order the cells lie in.
 */
import type { CopyView } from './copy-view.js';
import { textOf } from './copy-view.js';
import { memberOf, walHistory } from './wal-history.js';

export type Guess = { responseText: string; member: number; unique: boolean };

export function walCommitGuesses(view: CopyView): Guess[] {
  const answerTables = new Set(view.answerTables.map((t) => t.name));
  const guesses: Guess[] = [];
  for (const commit of walHistory(view)) {
    const members = [...new Set(commit.changed.map((row) => memberOf(view.tables.get(row.table), row)).filter((m): m is number => m !== null))].sort((a, b) => a - b);
    const responses = commit.appeared.filter((row) => answerTables.has(row.table)).sort((a, b) => a.pageNumber - b.pageNumber || b.cellOffset - a.cellOffset);
    if (members.length === 0 || responses.length === 0) continue;
    const unique = members.length === 1 && responses.length === 1;
    responses.forEach((row, i) => guesses.push({ responseText: textOf(row.values), member: members[i % members.length]!, unique }));
  }
  return guesses;
}
