// Hand-written decoder for perftools.profiles.Sample, installed over the generated one. Samples
// are the bulk of a profile (the 64k-sample benchmark profile holds 4.5M location ids), and the
// generated code turns every 64-bit varint into a Long object. Here varints of up to 7 bytes
// (< 2^49, every real location id and nearly every value) become plain numbers; longer ones
// (large values, negative int64 in 10 bytes) still go through protobufjs as exact Longs.
// Wire rules are the same as the generated code: packed or unpacked repeated fields, unknown
// fields skipped, RangeError("index out of range") past the end.
import type $protobuf from 'protobufjs/minimal.js';
import { perftools } from './generated/profile.js';
import { currentBudget } from './decode-budget';
import type { Int64 } from './int64';

type Reader = $protobuf.Reader;

function outOfRange(r: Reader, n: number): RangeError {
  return new RangeError(`index out of range: ${r.pos} + ${n} > ${r.len}`);
}

/** A varint as a number when it has ≤ 7 bytes, else via protobufjs as an exact Long. */
function readId(r: Reader, signed: boolean): number | Int64 {
  const buf = r.buf;
  const start = r.pos;
  let pos = start;
  let value = 0;
  let mul = 1;
  for (let i = 0; i < 7; i++) {
    if (pos >= r.len) throw outOfRange(r, 1);
    const b = buf[pos++];
    value += (b & 0x7f) * mul;
    if (b < 0x80) {
      r.pos = pos;
      return value;
    }
    mul *= 128;
  }
  r.pos = start;
  return (signed ? r.int64() : r.uint64()) as unknown as Int64;
}

/** `countIds`: location ids, counted against the decode's budget (limits.ts) as they are read. */
function readRepeated(r: Reader, wireType: number, signed: boolean, into: (number | Int64)[], countIds = false): void {
  const budget = countIds ? currentBudget() : null;
  if (wireType === 2) {
    const len = r.uint32();
    const end = r.pos + len;
    if (end > r.len) throw outOfRange(r, len);
    while (r.pos < end) {
      budget?.takeId(r.pos);
      into.push(readId(r, signed));
    }
    if (r.pos !== end) throw new Error(`packed field overruns its length at offset ${r.pos}`);
  } else if (wireType === 0) {
    budget?.takeId(r.pos);
    into.push(readId(r, signed));
  } else {
    r.skipType(wireType);
  }
}

export interface FastSample {
  locationId: (number | Int64)[];
  value: (number | Int64)[];
  label: perftools.profiles.Label[];
  /** Byte offset of the message in the (inflated) protobuf, for errors about this sample. */
  offset: number;
}

export function decodeSample(reader: Reader | Uint8Array, length?: number): FastSample {
  if (reader instanceof Uint8Array) throw new Error('decodeSample needs a Reader');
  const r = reader;
  const end = length === undefined ? r.len : r.pos + length;
  if (end > r.len) throw outOfRange(r, length ?? 0);
  const msg: FastSample = { locationId: [], value: [], label: [], offset: r.pos };
  while (r.pos < end) {
    const tag = r.uint32();
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        readRepeated(r, wireType, false, msg.locationId, true);
        break;
      case 2:
        readRepeated(r, wireType, true, msg.value);
        break;
      case 3:
        if (wireType === 2) {
          currentBudget()?.take('label', r.pos);
          msg.label.push(perftools.profiles.Label.decode(r, r.uint32()));
        } else r.skipType(wireType);
        break;
      default:
        r.skipType(wireType);
    }
  }
  if (r.pos !== end) throw new Error(`sample overruns its length at offset ${r.pos}`);
  return msg;
}

let installed = false;

/** Replaces the generated Sample decoder (idempotent). */
export function installFastSampleDecoder(): void {
  if (installed) return;
  installed = true;
  (perftools.profiles.Sample as unknown as { decode: typeof decodeSample }).decode = decodeSample;
}
