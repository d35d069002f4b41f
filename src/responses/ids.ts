import { randomBytes } from 'node:crypto';

/**
 * A random positive integer below 2^53: exact both as a JavaScript number and
 * as an SQLite integer key. Being random, neither the key nor the table's
 * storage order (SQLite stores rows in key order) follows the order of arrival.
 */
export function randomResponseId(): number {
  for (;;) {
    const id = Number(randomBytes(8).readBigUInt64BE() >> 11n);
    if (id > 0) return id;
  }
}
