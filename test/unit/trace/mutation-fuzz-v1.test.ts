// Mutation fuzzing of the v1 reader (Go 1.11–1.21) over real traces: test/corpus/realworld 002
// (Go 1.11), 005 (Go 1.19), 006 (Go 1.21) and a Go 1.21 fixture. Truncation at every batch
// boundary (±1 byte) and around the footer, seeded random bit flips, huge varints spliced into
// event arguments, and wrong, huge and overlong length fields (strings, length-prefixed events).
// Every run must end in a ParseError or a model; a partial model's error carries an offset inside
// the file, and nothing ends as an internal error. Iterations are bounded and seeded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { parseTrace } from '../../../parsers/trace';
import { uvarint, vr } from '../../../parsers/trace/varint';
import { corpus, fixtures } from '../../support/corpus';
import { rng } from '../fuzz/mutate';

const STRING = 37;
const BATCH = 1;
const FREQUENCY = 2;
const USER_LOG = 48;

interface RawEvent {
  start: number;
  typ: number;
  /** Offset and byte length of the event's length field (strings, length-prefixed events); -1 when none. */
  sizeField: number;
  sizeLen: number;
  end: number;
}

/**
 * The raw event layout of a well-formed v1 trace, read straight from the format (a type byte whose
 * top 2 bits give the argument count, 3 = length-prefixed; strings are id, length, bytes).
 */
function rawEvents(b: Uint8Array): RawEvent[] {
  const out: RawEvent[] = [];
  let p = 16;
  const varint = (): number => {
    const v = uvarint(b, p, b.length);
    p += vr.len;
    return v;
  };
  while (p < b.length) {
    const start = p;
    const typ = b[p] & 0x3f;
    const narg = (b[p] >> 6) + 1;
    p++;
    let sizeField = -1;
    let sizeLen = 0;
    if (typ === STRING) {
      varint();
      sizeField = p;
      const len = varint();
      sizeLen = p - sizeField;
      p += len;
    } else if (typ === BATCH) {
      varint();
      varint();
    } else if (narg <= 3) {
      for (let i = 0; i < narg; i++) varint();
    } else {
      sizeField = p;
      const len = varint();
      sizeLen = p - sizeField;
      p += len;
      if (typ === USER_LOG) p += varint();
    }
    out.push({ start, typ, sizeField, sizeLen, end: p });
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

const traces = [
  // The two 300 KB traces take ~25 ms a parse: fewer iterations there.
  { name: '002.trace (Go 1.11)', file: corpus('realworld', 'traces', '002.trace'), flips: 60, splices: 15 },
  { name: '005.trace (Go 1.19)', file: corpus('realworld', 'traces', '005.trace'), flips: 60, splices: 15 },
  { name: '006.trace (Go 1.21)', file: corpus('realworld', 'traces', '006.trace'), flips: 300, splices: 40 },
  { name: 'go1.21/chan-recv-no-sender', file: fixtures('go1.21', 'chan-recv-no-sender', 'trace.out'), flips: 300, splices: 40 },
];

describe('mutation fuzzing of real v1 traces', () => {
  for (const t of traces) {
    const full = new Uint8Array(readFileSync(t.file));
    const events = rawEvents(full);
    const batches = events.filter((e) => e.typ === BATCH);
    const footer = events.find((e) => e.typ === FREQUENCY)!;

    it(`${t.name}: the event walk covers the whole file`, async () => {
      expect(events[events.length - 1].end).toBe(full.length);
      expect(batches.length).toBeGreaterThan(3);
      expect(footer).toBeDefined();
      expect(await outcome(path.basename(t.file), full)).toBe('model');
    });

    it(`${t.name}: truncation at every batch boundary (±1 byte) and around the footer`, async () => {
      const counts = { model: 0, partial: 0, error: 0 };
      const cuts = new Set<number>();
      for (const b of batches) for (const d of [-1, 0, 1]) cuts.add(b.start + d);
      for (const d of [-1, 0, 1, 2]) cuts.add(footer.start + d);
      for (let k = 1; k < 20; k++) cuts.add(Math.floor((full.length * k) / 20));
      for (const cut of cuts) {
        if (cut <= 0 || cut >= full.length) continue;
        const o = await outcome(t.name, full.subarray(0, cut));
        counts[o]++;
        // Cut before the footer's tick frequency: never a clean model (times would be guesses).
        if (cut <= footer.start) expect(o, `cut at ${cut}`).not.toBe('model');
      }
      expect(counts.partial).toBeGreaterThan(batches.length / 2);
    });

    it(`${t.name}: ${t.flips} random bit flips`, async () => {
      const r = rng(0x5eed + full.length);
      for (let i = 0; i < t.flips; i++) {
        const m = full.slice();
        const pos = 16 + Math.floor(r() * (m.length - 16));
        m[pos] ^= 1 << Math.floor(r() * 8);
        await outcome(t.name, m);
      }
    });

    it(`${t.name}: huge varints and wrong, huge or overlong length fields`, async () => {
      const huge = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
      const overlong = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00];
      const splice = (at: number, drop: number, v: number[]): Uint8Array => {
        const out = new Uint8Array(full.length - drop + v.length);
        out.set(full.subarray(0, at));
        out.set(v, at);
        out.set(full.subarray(at + drop), at + v.length);
        return out;
      };
      const r = rng(42);
      const sized = events.filter((e) => e.sizeField >= 0);
      expect(sized.length).toBeGreaterThan(10);
      for (let k = 0; k < t.splices; k++) {
        const e = sized[Math.floor(r() * sized.length)];
        expect(await outcome(t.name, splice(e.sizeField, e.sizeLen, huge))).not.toBe('model');
        expect(await outcome(t.name, splice(e.sizeField, e.sizeLen, overlong))).not.toBe('model');
        const real = uvarint(full, e.sizeField, full.length);
        for (const d of [-3, -1, 1, 3]) {
          const v = Math.max(0, real + d);
          await outcome(t.name, splice(e.sizeField, e.sizeLen, [(v & 0x7f) | 0x80, (v >> 7) & 0x7f]));
        }
      }
      // An argument of 2^64−1 in place of an event's first argument.
      for (let k = 0; k < t.splices; k++) {
        const e = events[1 + Math.floor(r() * (events.length - 1))];
        if (e.end - e.start < 2) continue;
        await outcome(t.name, splice(e.start + 1, 0, huge));
      }
    });
  }
});
