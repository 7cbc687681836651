// Cheap structural check that bytes look like a top-level perftools Profile message: every tag
// in a window must name a Profile field (1..15) with that field's wire type and a length that
// fits. Text never passes: 'g' (0x67) is field 12 with wire type 7, which does not exist.

// Wire type per Profile field: 0 varint, 2 length-delimited. comment (13) may be packed.
const WIRE: Record<number, readonly number[]> = {
  1: [2], 2: [2], 3: [2], 4: [2], 5: [2], 6: [2], 7: [0], 8: [0], 9: [0], 10: [0],
  11: [2], 12: [0], 13: [0, 2], 14: [0], 15: [0],
};

function varint(b: Uint8Array, pos: number): [number, number] | undefined {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 10; i++) {
    if (pos + i >= b.length) return undefined;
    const byte = b[pos + i];
    v += (byte & 0x7f) * mul;
    mul *= 128;
    if ((byte & 0x80) === 0) return [v, pos + i + 1];
  }
  return undefined;
}

/** Scans up to `window` bytes; true when at least one field was seen and nothing contradicted. */
export function looksLikeProfileProto(b: Uint8Array, window = 1 << 16): boolean {
  let pos = 0;
  let fields = 0;
  const end = Math.min(b.length, window);
  while (pos < end) {
    const tag = varint(b, pos);
    if (!tag) return false;
    const field = Math.floor(tag[0] / 8);
    const wire = tag[0] % 8;
    if (!WIRE[field]?.includes(wire)) return false;
    pos = tag[1];
    if (wire === 0) {
      const v = varint(b, pos);
      if (!v) return false;
      pos = v[1];
    } else {
      const len = varint(b, pos);
      if (!len) return false;
      // A length past the end is fine only beyond the window of a truncated prefix read.
      if (len[1] + len[0] > b.length) return b.length >= window && fields > 0;
      pos = len[1] + len[0];
    }
    fields++;
  }
  return fields > 0;
}
