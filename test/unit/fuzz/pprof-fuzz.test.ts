// Mutation fuzzing of the pprof parser on corpus profiles (one of every type, from go1.26 and
// go1.19): mutants of the gzip file and of the inflated protobuf (truncation, bit flips, random
// overwrites, a length prefix made huge) yield a model or a typed ParseError naming a byte
// offset, never another exception; decoded sizes stay proportional to the input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../../parsers/pprof/gunzip';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { parsePprof } from '../../../parsers/pprof/index';
import { repoRoot } from '../../support/corpus';
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
