// Mutation fuzzing of the pprof parser on corpus profiles (one of every type, from go1.26 and
// go1.19): mutants of the gzip file and of the inflated protobuf (truncation, bit flips, random
// overwrites, a length prefix made huge) yield a model or a typed ParseError naming a byte
// offset, never another exception; decoded sizes stay proportional to the input. Amplified
// profiles (few bytes, billions of frames or millions of messages) are `too-large` errors.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../../parsers/pprof/gunzip';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { parsePprof } from '../../../parsers/pprof/index';
import { repoRoot } from '../../support/corpus';
import { MAX_FRAMES_PER_SAMPLE, MAX_LINES_PER_LOCATION, MAX_MESSAGES, MAX_TOTAL_FRAMES } from '../../../parsers/pprof/limits';
import { amplifiedProfile } from './amplify';
import { flipBits, overwrite, rng, truncate } from './mutate';

const MUTANTS = Number(process.env.FUZZ_MUTANTS ?? 40);
const fx = path.join(repoRoot, 'test', 'fixtures');
const SEEDS = [
  ...['goroutine', 'goroutineleak', 'heap', 'allocs', 'block', 'mutex', 'threadcreate', 'cpu'].map((t) => `go1.26/http-handler-leak/${t}.pb.gz`),
  'go1.19/http-handler-leak/goroutine.pb.gz',
  'go1.19/http-handler-leak/heap.pb.gz',
];

async function check(name: string, bytes: Uint8Array): Promise<'model' | 'error'> {
  try {
    const p = await parsePprof(bytesSource(name, bytes), { maxBytes: 64 << 20 });
    // Every sample / group needs at least one byte of input.
    const n = p.kind === 'goroutines' ? p.groups.length : p.samples.length;
    expect(n).toBeLessThanOrEqual(64 << 20);
    return 'model';
  } catch (err) {
    if (!(err instanceof ParseError)) throw new Error(`${name}: untyped ${String(err)}`);
    expect(err.offsetKind).toBe('byte');
    expect(err.offset).toBeGreaterThanOrEqual(0);
    return 'error';
  }
}

/** Rewrites the first top-level length-delimited field's length varint to 2^32-1. */
function hugeLength(raw: Uint8Array): Uint8Array {
  const varintEnd = (at: number) => {
    while (raw[at] & 0x80) at++;
    return at + 1;
  };
  let pos = 0;
  while (pos < raw.length) {
    const tagEnd = varintEnd(pos);
    const wire = raw[pos] & 7;
    if (wire === 2) {
      const lenEnd = varintEnd(tagEnd);
      const out = new Uint8Array(tagEnd + 5 + (raw.length - lenEnd));
      out.set(raw.subarray(0, tagEnd));
      out.set([0xff, 0xff, 0xff, 0xff, 0x0f], tagEnd);
      out.set(raw.subarray(lenEnd), tagEnd + 5);
      return out;
    }
    pos = wire === 0 ? varintEnd(tagEnd) : wire === 1 ? tagEnd + 8 : tagEnd + 4;
  }
  throw new Error('no length-delimited field');
}

describe('pprof mutation fuzz', () => {
  for (const rel of SEEDS) {
    it(`${rel}: ${MUTANTS} gzip and ${MUTANTS} protobuf mutants`, async () => {
      const gz = new Uint8Array(readFileSync(path.join(fx, rel)));
      const raw = await gunzip(gz, 64 << 20);
      const r = rng(gz.length * 40503);
      expect(await check(rel, gz)).toBe('model');
      expect(await check(rel, raw)).toBe('model');
      const tally = { model: 0, error: 0 };
      for (let i = 0; i < MUTANTS; i++) {
        const m = i % 3 === 0 ? truncate(gz, r) : i % 3 === 1 ? flipBits(gz, r) : overwrite(gz, r, new Uint8Array(16).map(() => Math.floor(r() * 256)));
        tally[await check(`${rel} gz#${i}:${m.name}`, m.bytes)]++;
      }
      for (let i = 0; i < MUTANTS; i++) {
        const m = i % 3 === 0 ? truncate(raw, r) : i % 3 === 1 ? flipBits(raw, r) : overwrite(raw, r, new Uint8Array(16).map(() => Math.floor(r() * 256)));
        tally[await check(`${rel} pb#${i}:${m.name}`, m.bytes)]++;
      }
      expect(tally.model + tally.error).toBe(2 * MUTANTS);
      // Truncated gzip is always an error (the stream's CRC/length trailer is missing).
      await expect(parsePprof(bytesSource(rel, gz.subarray(0, gz.length - 4)))).rejects.toMatchObject({ name: 'ParseError' });
      // A length prefix of 4 GiB: refused at its offset, nothing allocated.
      const huge = await parsePprof(bytesSource(rel, hugeLength(raw))).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(huge).toBeInstanceOf(ParseError);
      expect(['truncated', 'corrupt']).toContain((huge as ParseError).code);
    });
  }
});

describe('pprof: targeted hostile inputs', () => {
  it('gzip bomb: inflating past maxBytes is refused as too-large', async () => {
    // 32 MiB of zeros compress to ~32 KiB.
    const zeros = new Blob([new Uint8Array(32 << 20)]).stream().pipeThrough(new CompressionStream('gzip'));
    const bomb = new Uint8Array(await new Response(zeros).arrayBuffer());
    expect(bomb.length).toBeLessThan(1 << 20);
    await expect(parsePprof(bytesSource('bomb.pb.gz', bomb), { maxBytes: 4 << 20 })).rejects.toMatchObject({ code: 'too-large' });
  });

  it('200k nested start-group tags of an unknown field: refused by depth, no stack overflow', async () => {
    const n = 200_000;
    const b = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) b.set([0x9b, 0x06], 2 * i); // field 99, wire type 3 (start group)
    await expect(parsePprof(bytesSource('groups', b))).rejects.toMatchObject({ name: 'ParseError', code: 'corrupt' });
  });

  it('empty input and non-profile bytes are typed errors', async () => {
    await expect(parsePprof(bytesSource('empty', new Uint8Array(0)))).rejects.toMatchObject({ code: 'truncated' });
    await expect(parsePprof(bytesSource('text', new TextEncoder().encode('goroutine profile: total 1\n')))).rejects.toBeInstanceOf(ParseError);
  });
});

describe('pprof: amplification (real profiles made hostile, test/unit/fuzz/amplify.ts)', () => {
  const SEED = 'go1.26/http-handler-leak/goroutine.pb.gz';
  const refused = async (name: string, gz: Uint8Array): Promise<ParseError> => {
    const err = await parsePprof(bytesSource(name, gz)).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err, name).toBeInstanceOf(ParseError);
    const pe = err as ParseError;
    expect(pe.code).toBe('too-large');
    expect(pe.offsetKind).toBe('byte');
    expect(pe.offset).toBeGreaterThan(0);
    return pe;
  };

  it('samples pointing 1,000 times at a 100-line location: refused per sample, at that sample', async () => {
    // The audit's shape (there 2·10⁹ frames from 232 KiB); 200 samples already make 2·10⁷.
    const gz = await amplifiedProfile(SEED, { linesPerLocation: 100, refsPerSample: 1000, samples: 200 });
    expect(gz.length).toBeLessThan(64 << 10);
    const e = await refused('amplified.pb.gz', gz);
    expect(e.message).toMatch(`a sample expands to 99901 stack frames (inlined lines included), limit ${MAX_FRAMES_PER_SAMPLE}`);
    const raw = await gunzip(gz, 64 << 20);
    expect(e.offset).toBeLessThan(raw.length);
  });

  it('samples each under the per-sample bound but too many frames in all: refused by the total', async () => {
    const gz = await amplifiedProfile(SEED, { linesPerLocation: 50, refsPerSample: 1000, samples: 400 });
    const e = await refused('amplified-total.pb.gz', gz);
    expect(e.message).toBe(`the samples expand to more than ${MAX_TOTAL_FRAMES} stack frames in all (inlined lines included)`);
  });

  it('a location with 200,000 inlined lines: a typed error at its offset, not a RangeError', async () => {
    const gz = await amplifiedProfile(SEED, { linesPerLocation: 200_000, refsPerSample: 2, samples: 1 });
    const e = await refused('deep-inline.pb.gz', gz);
    expect(e.message).toMatch(new RegExp(`^location \\d+ has 200000 inlined lines, limit ${MAX_LINES_PER_LOCATION}$`));
  });

  it('millions of tiny messages appended to a real profile: refused while counting, before decoding them', async () => {
    const raw = await gunzip(new Uint8Array(readFileSync(path.join(fx, SEED))), 64 << 20);
    for (const [kind, tag] of [
      ['sample', 0x12],
      ['string', 0x32],
      ['location', 0x22],
    ] as const) {
      const n = MAX_MESSAGES[kind] + 1;
      const bomb = new Uint8Array(raw.length + 2 * n);
      bomb.set(raw);
      for (let i = 0; i < n; i++) bomb.set([tag, 0x00], raw.length + 2 * i); // an empty message (or "")
      const e = await refused(`${kind}-bomb.pb`, bomb);
      expect(e.message).toBe(`more than ${MAX_MESSAGES[kind]} ${kind} entries`);
      // Refused at the tag of an appended message (the real profile's own count first), near the end.
      expect(e.offset).toBeGreaterThanOrEqual(raw.length + 2 * (MAX_MESSAGES[kind] - 1000));
      expect(e.offset).toBeLessThan(bomb.length);
      expect(bomb[e.offset]).toBe(tag);
    }
  });

  it('real profiles stay far inside every bound', async () => {
    for (const rel of SEEDS) {
      const p = await parsePprof(bytesSource(rel, new Uint8Array(readFileSync(path.join(fx, rel)))));
      const frames = p.kind === 'goroutines' ? p.groups.reduce((n, g) => n + g.stack.length, 0) : p.stacks.reduce((n, s) => n + s.length, 0);
      expect(frames).toBeLessThan(MAX_TOTAL_FRAMES / 1000);
    }
  });
});
