/*
 * A reader of SQLite's write-ahead log (https://www.sqlite.org/fileformat2.html#walformat)
 * and of the checkpoint progress in its -shm file. A WAL is rewritten from its
 * start after a checkpoint, with new salts: frames past the end of the current
 * generation are leftovers of older ones, still readable in the file.
 */
import type { PageSource } from './sqlite-file.js';

export type WalHeader = { bigEndianChecksum: boolean; pageSize: number; checkpointSequence: number; salt1: number; salt2: number };

export type WalFrame = {
  /** 0-based position in the file. */
  index: number;
  pageNumber: number;
  /** Nonzero on the last frame of a commit: the database size in pages after it. */
  commitSize: number;
  salt1: number;
  salt2: number;
  /** True for frames of the current generation whose checksum chain holds. */
  current: boolean;
  image: Uint8Array;
};

export type WalCommit = { generation: number; current: boolean; frames: WalFrame[]; complete: boolean };

export type Wal = { header: WalHeader; frames: WalFrame[]; commits: WalCommit[] };

function checksum(bytes: Uint8Array, bigEndian: boolean, start: [number, number]): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  let [s0, s1] = start;
  for (let at = 0; at + 8 <= bytes.length; at += 8) {
    s0 = (s0 + view.getUint32(at, !bigEndian) + s1) >>> 0;
    s1 = (s1 + view.getUint32(at + 4, !bigEndian) + s0) >>> 0;
  }
  return [s0, s1];
}

export function parseWal(file: Uint8Array): Wal | null {
  if (file.length < 32) return null;
  const view = new DataView(file.buffer, file.byteOffset, file.length);
  const magic = view.getUint32(0, false);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const header: WalHeader = {
    bigEndianChecksum: magic === 0x377f0683,
    pageSize: view.getUint32(8, false),
    checkpointSequence: view.getUint32(12, false),
    salt1: view.getUint32(16, false),
    salt2: view.getUint32(20, false),
  };
  let running = checksum(file.subarray(0, 24), header.bigEndianChecksum, [0, 0]);
  let chainHolds = running[0] === view.getUint32(24, false) && running[1] === view.getUint32(28, false);
  const frames: WalFrame[] = [];
  const frameSize = 24 + header.pageSize;
  for (let at = 32, index = 0; at + frameSize <= file.length; at += frameSize, index++) {
    const salt1 = view.getUint32(at + 8, false);
    const salt2 = view.getUint32(at + 12, false);
    const image = file.subarray(at + 24, at + frameSize);
    let current = false;
    if (chainHolds && salt1 === header.salt1 && salt2 === header.salt2) {
      running = checksum(image, header.bigEndianChecksum, checksum(file.subarray(at, at + 8), header.bigEndianChecksum, running));
      current = running[0] === view.getUint32(at + 16, false) && running[1] === view.getUint32(at + 20, false);
    }
    chainHolds &&= current;
    frames.push({ index, pageNumber: view.getUint32(at, false), commitSize: view.getUint32(at + 4, false), salt1, salt2, current, image });
  }
  return { header, frames, commits: groupCommits(frames) };
}

/**
 * Frames grouped into commits, oldest first: older generations (salt-1 grows
 * by one at each restart) before the current one. A group without its
 * commit frame is a commit whose start was overwritten, or one never finished.
 */
function groupCommits(frames: WalFrame[]): WalCommit[] {
  const bySalt = new Map<string, WalFrame[]>();
  for (const frame of frames) {
    const key = frame.current ? 'current' : `${frame.salt1}:${frame.salt2}`;
    bySalt.set(key, [...(bySalt.get(key) ?? []), frame]);
  }
  const generations = [...bySalt.entries()].sort(([ka, a], [kb, b]) => (ka === 'current' ? 1 : kb === 'current' ? -1 : a[0]!.salt1 - b[0]!.salt1));
  const commits: WalCommit[] = [];
  generations.forEach(([key, group], generation) => {
    let open: WalFrame[] = [];
    for (const frame of group) {
      open.push(frame);
      if (frame.commitSize !== 0) commits.push({ generation, current: key === 'current', frames: open, complete: true }), (open = []);
    }
    if (open.length > 0) commits.push({ generation, current: key === 'current', frames: open, complete: false });
  });
  return commits;
}

/** What a reader sees: the database file with the committed frames of the current generation laid over it. */
export function withWal(db: PageSource, wal: Wal | null, upToFrame = Infinity): PageSource {
  const latest = new Map<number, Uint8Array>();
  let pending = new Map<number, Uint8Array>();
  for (const frame of wal?.frames ?? []) {
    if (!frame.current || frame.index > upToFrame) break;
    pending.set(frame.pageNumber, frame.image);
    if (frame.commitSize === 0) continue;
    for (const [n, image] of pending) latest.set(n, image);
    pending = new Map();
  }
  return { ...db, page: (n) => latest.get(n) ?? db.page(n) };
}

/** From the -shm file: how many frames of the current WAL the checkpointer has copied into the database file. */
export function walIndex(shm: Uint8Array): { maxFrame: number; backfilled: number } | null {
  if (shm.length < 136) return null;
  const view = new DataView(shm.buffer, shm.byteOffset, shm.length);
  // The wal-index is in the machine's native byte order.
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  return { maxFrame: view.getUint32(16, little), backfilled: view.getUint32(96, little) };
}
