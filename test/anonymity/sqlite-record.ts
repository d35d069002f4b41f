/*
 * Varints and records of the SQLite file format
 * (https://www.sqlite.org/fileformat2.html#record_format), read straight from
 * bytes so that an attack sees what a copy of the file holds, not what SQL shows.
 */

export type SqlValue = null | number | bigint | string | Uint8Array;

/** A varint at `offset`: 1–9 bytes, big-endian, 7 bits a byte except the ninth (8 bits). */
export function readVarint(bytes: Uint8Array, offset: number): { value: bigint; length: number } {
  let value = 0n;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new RangeError(`varint runs past the end at ${offset}`);
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte < 0x80) return { value, length: i + 1 };
  }
  const last = bytes[offset + 8];
  if (last === undefined) throw new RangeError(`varint runs past the end at ${offset}`);
  return { value: (value << 8n) | BigInt(last), length: 9 };
}

export function varintNumber(bytes: Uint8Array, offset: number): { value: number; length: number } {
  const { value, length } = readVarint(bytes, offset);
  return { value: Number(value), length };
}

/** How many bytes the value of a serial type takes. */
export function serialTypeSize(type: number): number {
  if (type >= 12) return Math.floor((type - (type % 2 === 0 ? 12 : 13)) / 2);
  return [0, 1, 2, 3, 4, 6, 8, 8, 0, 0, 0, 0][type] ?? 0;
}

function readInteger(bytes: Uint8Array, offset: number, size: number): number | bigint {
  let value = 0n;
  for (let i = 0; i < size; i++) value = (value << 8n) | BigInt(bytes[offset + i]!);
  const signBit = 1n << BigInt(size * 8 - 1);
  if (value & signBit) value -= signBit << 1n;
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function readValue(bytes: Uint8Array, offset: number, type: number): SqlValue {
  if (type === 0) return null;
  if (type >= 1 && type <= 6) return readInteger(bytes, offset, serialTypeSize(type));
  if (type === 7) return new DataView(bytes.buffer, bytes.byteOffset + offset, 8).getFloat64(0, false);
  if (type === 8) return 0;
  if (type === 9) return 1;
  const end = offset + serialTypeSize(type);
  if (type >= 12 && type % 2 === 0) return bytes.slice(offset, end);
  if (type >= 13) return utf8.decode(bytes.subarray(offset, end));
  throw new RangeError(`reserved serial type ${type}`);
}

/**
 * The values of a record. A record cut short (its overflow pages unknown, or
 * a fragment found in free space) yields the values that are complete, so
 * `complete` says whether every column was read.
 */
export function decodeRecord(payload: Uint8Array): { values: SqlValue[]; complete: boolean } {
  const header = varintNumber(payload, 0);
  if (header.value < 1 || header.value > payload.length) throw new RangeError(`record header of ${header.value} bytes`);
  const types: number[] = [];
  for (let at = header.length; at < header.value; ) {
    const type = varintNumber(payload, at);
    types.push(type.value);
    at += type.length;
  }
  const values: SqlValue[] = [];
  let at = header.value;
  for (const type of types) {
    const size = serialTypeSize(type);
    if (at + size > payload.length) return { values, complete: false };
    values.push(readValue(payload, at, type));
    at += size;
  }
  return { values, complete: true };
}
