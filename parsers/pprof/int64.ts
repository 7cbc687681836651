// int64 handling for decoded profiles. protobufjs returns `Long` objects for every 64-bit field
// (the static code is generated with --force-long and `long` is installed explicitly below so
// browsers and workers behave like Node). JS numbers are exact only below 2^53, and real Go
// profiles exceed that: time_nanos is ~1.8e18, heap alloc_space can pass 9e15 bytes on long-lived
// processes, CPU cpu/nanoseconds sums pass it after ~104 days of CPU.
import Long from 'long';
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = Long;
$protobuf.configure();

export type Int64 = Long;

const MAX_SAFE = Long.fromNumber(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = Long.fromNumber(Number.MIN_SAFE_INTEGER);

/** True when `v` converts to a JS number exactly. */
export function isSafe(v: Long | number | null | undefined): boolean {
  if (v == null || typeof v === 'number') return true;
  if (v.unsigned) return v.lessThanOrEqual(MAX_SAFE.toUnsigned());
  return v.lessThanOrEqual(MAX_SAFE) && v.greaterThanOrEqual(MIN_SAFE);
}

export function toNum(v: Long | number | null | undefined): number {
  if (v == null) return 0;
  return typeof v === 'number' ? v : v.toNumber();
}

/** Exact decimal text (signed, or unsigned for uint64 fields). */
export function toDecimal(v: Long | number | null | undefined): string {
  if (v == null) return '0';
  return typeof v === 'number' ? String(v) : v.toString();
}

/** Map key for ids (uint64): the number when exact (< 2^53), else the decimal text. The fast
 * Sample decoder yields numbers and the generated decoders Longs for the same id: both must map
 * to the same key. */
export function idKey(v: Long | number | null | undefined): number | string {
  if (v == null) return 0;
  if (typeof v === 'number') return v;
  return isSafe(v) ? v.toNumber() : v.toUnsigned().toString();
}

export function toHex(v: Long | number | null | undefined): string {
  if (v == null) return '0x0';
  if (typeof v === 'number') return `0x${v.toString(16)}`;
  return `0x${v.toUnsigned().toString(16)}`;
}
