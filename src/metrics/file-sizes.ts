import { statSync } from 'node:fs';
import type { Clock } from '../clock.js';

const MIB = 1024 * 1024;
/*
 * An answer writes a few pages to the log and the file. Sizes read at each
 * scrape would show that something was written in those 15 seconds, and on a
 * quiet evening that something is an answer. So the sizes are read at most
 * once an hour and rounded up to whole MiB: enough to see a disk fill up or a
 * log that checkpoints no longer shrink, too coarse to date a write.
 */
export const SIZE_SAMPLE_MS = 60 * 60_000;

const roundedSize = (path: string) => {
  try {
    return Math.ceil(statSync(path).size / MIB) * MIB;
  } catch {
    return 0; // no -wal file: the log is empty
  }
};

export type FileSizes = { database: number; wal: number };

/** The database file's and its write-ahead log's sizes, sampled coarsely (see above). */
export function createFileSizes(file: string, clock: Clock) {
  let sample: (FileSizes & { at: number }) | undefined;
  return (): FileSizes => {
    const now = clock.now().getTime();
    if (!sample || now - sample.at >= SIZE_SAMPLE_MS) sample = { at: now, database: roundedSize(file), wal: roundedSize(`${file}-wal`) };
    return { database: sample.database, wal: sample.wal };
  };
}
