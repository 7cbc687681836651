// Content sniffing on every corpus file and every real-world input: the format comes from the
// bytes alone (the names are never consulted), and raw (un-gzipped) protobuf is recognised too.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gunzip } from '../../parsers/pprof/gunzip';
import { sniff } from '../../parsers/sniff';
import { corpus, repoRoot } from '../support/corpus';

const expected = (name: string) =>
  name.endsWith('.pb.gz') ? 'pprof-proto' : name.endsWith('.debug1.txt') ? 'goroutine-debug1' : name.endsWith('.debug2.txt') ? 'goroutine-debug2' : name === 'trace.out' ? 'go-trace' : undefined;

describe('sniff', () => {
  it('every corpus file, by content', async () => {
    const fx = path.join(repoRoot, 'test', 'fixtures');
    const seen: Record<string, number> = {};
    for (const v of readdirSync(fx)) {
      for (const s of readdirSync(path.join(fx, v))) {
        for (const f of readdirSync(path.join(fx, v, s))) {
          const want = expected(f);
          if (!want) continue;
          const bytes = new Uint8Array(readFileSync(path.join(fx, v, s, f)));
          expect(sniff(bytes), `${v}/${s}/${f}`).toBe(want);
          if (want === 'pprof-proto') expect(sniff(await gunzip(bytes, 1 << 28)), `${v}/${s}/${f} inflated`).toBe('pprof-proto');
          seen[want] = (seen[want] ?? 0) + 1;
        }
      }
    }
    expect(seen['pprof-proto']).toBeGreaterThanOrEqual(200);
    expect(seen['goroutine-debug1']).toBeGreaterThanOrEqual(180);
    expect(seen['goroutine-debug2']).toBeGreaterThanOrEqual(180);
    expect(seen['go-trace']).toBeGreaterThanOrEqual(140);
  });

  it('real-world dumps and traces', () => {
    const dumps = corpus('realworld', 'dumps');
    for (const f of readdirSync(dumps).filter((f) => f.endsWith('.txt'))) expect(sniff(new Uint8Array(readFileSync(path.join(dumps, f)))), f).toBe('goroutine-debug2');
    const traces = corpus('realworld', 'traces');
    for (const f of readdirSync(traces).filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))) {
      const bytes = new Uint8Array(readFileSync(path.join(traces, f)));
      expect(sniff(bytes), f).toBe('go-trace');
    }
  });

  it('unknown bytes', () => {
    expect(sniff(new TextEncoder().encode('hello world\n'))).toBe('unknown');
    expect(sniff(new Uint8Array([0xff, 0xff, 0xff]))).toBe('unknown');
    expect(sniff(new Uint8Array(0))).toBe('unknown');
  });
});
