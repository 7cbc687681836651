// `leakline inspect` summaries of real traces. Expected counts come from Go's reader:
// `go run ./test/bench/go-reader -summary <file>` (last state-changing transition per goroutine,
// wait reason of the last block, "" → unknown), computed independently of this parser.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { parseTrace } from '../../../parsers/trace';
import { formatTraceSummary, summarizeTrace } from '../../../cli/inspect/trace-summary';
import { corpus, fixtures } from '../../support/corpus';

const dir = corpus('realworld', 'traces');

const golden = {
  // v1 traces (Go 1.11 / 1.19 / 1.21): goroutines blocked when tracing started carry no reason.
  '002.trace': {
    total: 653,
    ended: 42,
    atEnd: { running: 0, runnable: 2, waiting: 609, syscall: 0 },
    byReason: { 'chan receive': 1, unknown: 608 },
  },
  '005.trace': {
    total: 655,
    ended: 53,
    atEnd: { running: 0, runnable: 1, waiting: 601, syscall: 0 },
    byReason: { 'chan receive': 1, forever: 1, unknown: 599 },
  },
  '006.trace': {
    total: 22,
    ended: 0,
    atEnd: { running: 0, runnable: 2, waiting: 19, syscall: 1 },
    byReason: { network: 1, unknown: 18 },
  },
  '011.trace': {
    total: 93,
    ended: 49,
    atEnd: { running: 1, runnable: 0, waiting: 42, syscall: 1 },
    byReason: { 'GC background sweeper wait': 1, 'chan receive': 5, network: 1, select: 6, 'sync.(*Cond).Wait': 1, 'system goroutine wait': 10, unknown: 18 },
  },
  '009.trace': {
    total: 102,
    ended: 82,
    atEnd: { running: 1, runnable: 0, waiting: 19, syscall: 0 },
    byReason: { 'GC background sweeper wait': 1, 'chan receive': 3, forever: 1, 'system goroutine wait': 10, unknown: 4 },
  },
  '012.trace': {
    total: 15,
    ended: 2,
    atEnd: { running: 1, runnable: 0, waiting: 12, syscall: 0 },
    byReason: { 'GC background sweeper wait': 1, 'chan receive': 2, 'system goroutine wait': 6, unknown: 3 },
  },
};

describe('trace summary (leakline inspect)', () => {
  for (const [file, want] of Object.entries(golden)) {
    it.each([false, true])(`${file} matches Go's reader (summary parse: %s)`, async (summary) => {
      const m = await parseTrace(bytesSource(file, readFileSync(path.join(dir, file))), { summary });
      const s = summarizeTrace(file, m);
      expect(s.format).toBe('go-trace');
      expect(s.partial).toBe(false);
      expect(s.goroutines.total).toBe(want.total);
      expect(s.goroutines.endedInTrace).toBe(want.ended);
      expect(s.goroutines.aliveAtEnd).toBe(want.total - want.ended);
      expect(s.goroutines.atEnd).toEqual(want.atEnd);
      expect(s.goroutines.waitingAtEndByReason).toEqual(want.byReason);
      expect(Object.keys(JSON.parse(JSON.stringify(s)) as object)).toEqual([
        'file', 'format', 'goVersion', 'bytes', 'events', 'generations', 'durationNs', 'partial', 'warnings', 'goroutines',
      ]);
      const text = formatTraceSummary(s);
      expect(text).toContain(`${want.total} seen`);
      expect(text).toContain(`${want.atEnd.waiting} waiting`);
    });
  }

  it('a summary parse (rows of ended goroutines dropped, no spans) prints the same as a full one, on every fixture trace', async () => {
    const files = readdirSync(fixtures()).flatMap((v) => readdirSync(fixtures(v)).map((sc) => fixtures(v, sc, 'trace.out')));
    const traces = [...files.filter((f) => existsSync(f)), ...Object.keys(golden).map((f) => path.join(dir, f))];
    expect(traces.length).toBeGreaterThan(100);
    let dropped = 0;
    for (const f of traces) {
      const bytes = readFileSync(f);
      const full = await parseTrace(bytesSource(f, bytes));
      const sum = await parseTrace(bytesSource(f, bytes), { summary: true });
      expect(sum.spans.count, f).toBe(0);
      expect(sum.goroutines.count + (sum.goroutinesDropped ?? 0), f).toBe(full.goroutines.count);
      dropped += sum.goroutinesDropped ?? 0;
      expect(summarizeTrace(f, sum), f).toEqual(summarizeTrace(f, full));
    }
    expect(dropped).toBeGreaterThan(0);
  });

  it('reports a truncated trace as partial with the offset', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(dir, '011.trace')));
    const m = await parseTrace(bytesSource('cut', bytes.subarray(0, Math.floor(bytes.length * 0.6))));
    const s = summarizeTrace('cut', m);
    expect(s.partial).not.toBe(false);
    expect((s.partial as { offset: number }).offset).toBeGreaterThan(16);
    expect(formatTraceSummary(s)).toMatch(/PARTIAL: stopped at byte \d+/);
  });
});
