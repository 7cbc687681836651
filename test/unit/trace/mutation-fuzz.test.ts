// Mutation fuzzing over real traces (test/corpus/realworld, one per v2 version): truncation at every
// batch boundary (and one byte either side), seeded random bit flips, huge varints and wrong batch
// sizes. Every run must end in a ParseError or a model, and a model's partial error (if any) must
// carry an offset inside the file. Iterations are bounded and seeded, so failures reproduce.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { parseTrace } from '../../../parsers/trace';
import { uvarint, vr } from '../../../parsers/trace/varint';
import { corpus } from '../../support/corpus';
import { rng } from '../fuzz/mutate';

const dir = corpus('realworld', 'traces');
const traces = ['007.trace', '008.trace', '010.trace', '012.trace'];

interface BatchInfo {
  start: number;
  sizeField: number;
  sizeLen: number;
  dataStart: number;
  end: number;
}

/** Batch layout of a well-formed trace (for choosing mutation points). */
function batches(b: Uint8Array): BatchInfo[] {
  const out: BatchInfo[] = [];
  let p = 16;
  while (p < b.length) {
    const start = p;
    if (b[p] === 0x34) {
      out.push({ start, sizeField: -1, sizeLen: 0, dataStart: p + 1, end: p + 1 });
      p++;
      continue;
    }
    p += b[p] === 0x31 ? 2 : 1;
    for (let i = 0; i < 3; i++) {
      uvarint(b, p, b.length);
      p += vr.len;
    }
    const sizeField = p;
    const size = uvarint(b, p, b.length);
    const sizeLen = vr.len;
    p += sizeLen;
    out.push({ start, sizeField, sizeLen, dataStart: p, end: p + size });
    p += size;
  }
  return out;
}

async function outcome(name: string, bytes: Uint8Array): Promise<'model' | 'partial' | 'error'> {
  try {
    const m = await parseTrace(bytesSource(name, bytes));
    if (m.partial) {
      expect(m.partial).toBeInstanceOf(ParseError);
      expect(m.partial.offset).toBeGreaterThanOrEqual(0);
      expect(m.partial.offset).toBeLessThanOrEqual(bytes.length);
      // parseTrace turns unexpected exceptions into 'internal error' ParseErrors; none may occur.
      expect(m.partial.message).not.toMatch(/internal error/);
      return 'partial';
    }
    return 'model';
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    expect(e.message).not.toMatch(/internal error/);
    return 'error';
  }
}

describe('mutation fuzzing of real traces', () => {
  for (const t of traces) {
    const full = new Uint8Array(readFileSync(path.join(dir, t)));
    const layout = batches(full);

    it(`${t}: the batch scan covers the whole file`, () => {
      expect(layout[layout.length - 1].end).toBe(full.length);
    });

    it(`${t}: truncation at every batch boundary (±1 byte)`, async () => {
      const counts = { model: 0, partial: 0, error: 0 };
      for (const b of layout) {
        for (const cut of [b.start - 1, b.start, b.start + 1, b.dataStart, b.end - 1]) {
          if (cut <= 0 || cut >= full.length) continue;
          counts[await outcome(t, full.subarray(0, cut))]++;
        }
      }
      expect(counts.model + counts.partial + counts.error).toBeGreaterThan(layout.length);
    });

    it(`${t}: 300 random bit flips`, async () => {
      const r = rng(0x5eed + full.length);
      for (let i = 0; i < 300; i++) {
        const m = full.slice();
        const pos = 16 + Math.floor(r() * (m.length - 16));
        m[pos] ^= 1 << Math.floor(r() * 8);
        await outcome(t, m);
      }
    });

    it(`${t}: huge varints and wrong batch sizes`, async () => {
      const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
      const r = rng(42);
      for (const b of layout.slice(0, 40)) {
        if (b.sizeField < 0) continue;
        // Size field replaced by 2^64−1, by ±1..3 of the real size, and by an 11-byte overlong varint.
        const sized = (v: number[]): Uint8Array => {
          const out = new Uint8Array(full.length - b.sizeLen + v.length);
          out.set(full.subarray(0, b.sizeField));
          out.set(v, b.sizeField);
          out.set(full.subarray(b.sizeField + b.sizeLen), b.sizeField + v.length);
          return out;
        };
        const real = b.end - b.dataStart;
        expect(await outcome(t, sized(huge))).not.toBe('model');
        for (const d of [-3, -1, 1, 3]) {
          const v = Math.max(0, real + d);
          await outcome(t, sized([(v & 0x7f) | 0x80, (v >> 7) & 0x7f]));
        }
        expect(await outcome(t, sized([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00]))).not.toBe('model');
        // A huge varint spliced into the batch data (an event argument of 2^64−1 or overflowing).
        if (b.end - b.dataStart > 4) {
          const at = b.dataStart + 1 + Math.floor(r() * (b.end - b.dataStart - 2));
          const out = new Uint8Array(full.length + huge.length);
          out.set(full.subarray(0, at));
          out.set(huge, at);
          out.set(full.subarray(at), at + huge.length);
          await outcome(t, out);
        }
      }
    });
  }
});
