/**
 * Where the data lives decides which parts of the database layer apply: an
 * embedded file (or memory) database gets this process's own layer (connection
 * settings, kept statements, the write lock, checkpoints, VACUUM backups and
 * rewrites); on a libSQL server those are the server's concern, and none is
 * attempted from here. This module is the one place that says which is which.
 */
export type DatabaseKind = 'embedded' | 'server';

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('file:') || url === ':memory:' ? 'embedded' : 'server';
}

const kinds = new WeakMap<object, DatabaseKind>();

export function recordKind(db: object, kind: DatabaseKind): void {
  kinds.set(db, kind);
}

/** For domain code that holds only the drizzle handle: may it checkpoint, VACUUM, rewrite the file? */
export function isEmbedded(db: object): boolean {
  return kinds.get(db) === 'embedded';
}
