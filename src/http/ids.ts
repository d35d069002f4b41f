import type { PageContext } from './env.js';
import { NotFoundError } from './errors.js';

/** Plain decimal digits, no sign, no leading zero: "abc", "1e3", " 7" and "0x10" name nothing. */
const ID = /^[1-9][0-9]{0,15}$/;

/** A row id from a path, a query or a body; null for anything that cannot name a row, which callers answer with 404. */
export function parseId(value: string | number | undefined | null): number | null {
  const id = typeof value === 'number' ? value : typeof value === 'string' && ID.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** The path parameter `name` as an id; anything else is the route's 404 with `notFound` as its message. */
export function idParam(c: PageContext, name: string, notFound: string): number {
  const id = parseId(c.req.param(name));
  if (id === null) throw new NotFoundError(notFound);
  return id;
}

/** Ids one request may list: each becomes a bound parameter, and SQLite refuses a query with more than 32,766. */
export const MAX_LISTED_IDS = 10_000;
