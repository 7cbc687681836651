// Unsigned LEB128 as Go's encoding/binary.Uvarint reads it: at most 10 bytes, the 10th at most 1,
// padded encodings accepted (the runtime writes batch sizes as 10-byte varints). Values above
// 2^53 lose precision in a double; only sentinels (2^64−1) and hostile input get there.

/**
 * Bytes consumed by the last uvarint() call: > 0 ok, 0 input ended, -1 overflow. An object
 * field rather than an exported `let`: live bindings do not survive every transpiler.
 */
export const vr = { len: 0 };

export function uvarint(buf: Uint8Array, pos: number, end: number): number {
  if (pos >= end) {
    vr.len = 0;
    return 0;
  }
  let b = buf[pos];
  if (b < 0x80) {
    vr.len = 1;
    return b;
  }
  let x = b & 0x7f;
  let mul = 128;
  for (let i = 1; i < 10; i++) {
    if (pos + i >= end) {
      vr.len = 0;
      return 0;
    }
    b = buf[pos + i];
    if (b < 0x80) {
      if (i === 9 && b > 1) {
        vr.len = -1;
        return 0;
      }
      vr.len = i + 1;
      return x + b * mul;
    }
    x += (b & 0x7f) * mul;
    mul *= 128;
  }
  vr.len = -1;
  return 0;
}
