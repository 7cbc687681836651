// Every real-world trace in test/corpus/realworld/traces parses (v1, Go 1.11–1.21, and v2, Go
// 1.22–1.26) or is refused with the documented reason (Go 1.10, which Go's reader refuses too).
// Event counts were taken from Go's own reader (golang.org/x/exp/trace, test/bench/go-reader) on
// the same files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { GoState } from '../../../parsers/model/goroutine-state';
import { expandSpans, isGoTrace, parseTrace } from '../../../parsers/trace';
import { corpus } from '../../support/corpus';

const dir = corpus('realworld', 'traces');
const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { file: string; header: string }[];

// From `go run ./test/bench/go-reader <file>` (x/exp/trace v0.0.0-20261014143641), events incl. Syncs.
const goReaderEvents: Record<string, number> = {
  '002.trace': 65676,
  '003.trace': 15294,
  '004.trace': 1499,
  '005.trace': 63378,
  '006.trace': 2798,
  '007.trace': 1818,
  '008.trace': 457,
  '009.trace': 9451,
  '010.trace': 759,
  '011.trace': 7909,
  '012.trace': 1155,
};

describe('real-world traces', () => {
  it('index lists all 12 files', () => expect(index.length).toBe(12));
  for (const entry of index) {
    const minor = Number(/^go 1\.(\d+) trace/.exec(entry.header)![1]);
    it(`${entry.file} (${entry.header.replace(/\0/g, '')})`, async () => {
      const bytes = new Uint8Array(readFileSync(path.join(dir, entry.file)));
      expect(isGoTrace(bytes)).toBe(true);
      const run = parseTrace(bytesSource(entry.file, bytes));
      if (minor <= 10) {
        const err = await run.then(() => null, (e: unknown) => e);
        expect(err).toBeInstanceOf(ParseError);
        expect((err as ParseError).code).toBe('unsupported-version');
        expect((err as ParseError).message).toMatch(/Go 1\.10 and older/);
        return;
      }
      const m = await run;
      expect(m.partial).toBeUndefined();
      expect(m.goVersion).toBe(`1.${minor}`);
      expect(m.generations).toBe(minor <= 21 ? 1 : m.generations);
      expect(m.events).toBe(goReaderEvents[entry.file]);
      expect(m.goroutines.count).toBeGreaterThan(0);
      // Internal consistency: spans grouped by goroutine, sorted, contiguous, final state = last span.
      const g = m.goroutines;
      const s = expandSpans(m).spans;
      let covered = 0;
      for (let r = 0; r < g.count; r++) {
        const first = g.firstSpan[r];
        const n = g.spanCount[r];
        expect(first).toBe(covered);
        covered += n;
        for (let i = first; i < first + n; i++) {
          expect(s.goroutine[i]).toBe(r);
          expect(s.endNs[i]).toBeGreaterThanOrEqual(s.startNs[i]);
          if (i > first) expect(s.startNs[i]).toBeGreaterThanOrEqual(s.startNs[i - 1]);
        }
        if (n > 0) expect(s.state[first + n - 1]).toBe(g.finalState[r]);
        if (g.finalState[r] === GoState.NotExist) expect(Number.isNaN(g.endNs[r])).toBe(false);
      }
      expect(covered).toBe(s.count);
    });
  }
});
