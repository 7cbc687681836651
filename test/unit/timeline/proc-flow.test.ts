// Processor lanes and unblock links on real traces (test/corpus/realworld and a fixture whose
// truth.json the Go program wrote), each checked against a brute-force scan of the model.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { GoState, type TraceModel } from '../../../parsers/model';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { blockedAtSameLine, wakeOf } from '../../../renderer/src/timeline/flow';
import { annotationIndex, firstProcSpanEndingAfter, procIndex } from '../../../renderer/src/timeline/proc-index';
import { corpus, fixtures } from '../../support/corpus';

const FILES = ['002.trace', '011.trace', '012.trace'];
const models = new Map<string, TraceModel>();
let leak: TraceModel;

beforeAll(async () => {
  for (const f of FILES) models.set(f, expandSpans(await parseTrace(bytesSource(f, new Uint8Array(readFileSync(corpus('realworld', 'traces', f)))))));
  const file = fixtures('go1.26', 'http-handler-leak', 'trace.out');
  leak = expandSpans(await parseTrace(bytesSource(file, new Uint8Array(readFileSync(file)))));
});

describe('procIndex', () => {
  it.each(FILES)('%s: every P span listed once under its P, sorted, and the window search agrees with a scan', (f) => {
    const m = models.get(f)!;
    const idx = procIndex(m);
    const s = m.procs.spans;
    expect(m.procs.count).toBeGreaterThan(0);
    const seen = new Uint8Array(s.count);
    for (let p = 0; p < m.procs.count; p++) {
      for (let k = idx.first[p]; k < idx.first[p] + idx.count[p]; k++) {
        const sp = idx.order[k];
        expect(s.proc[sp]).toBe(p);
        seen[sp]++;
        if (k > idx.first[p]) expect(s.startNs[sp]).toBeGreaterThanOrEqual(s.startNs[idx.order[k - 1]]);
      }
      for (const ns of [0, m.durationNs / 3, m.durationNs / 2, m.durationNs]) {
        const at = firstProcSpanEndingAfter(m, idx, p, ns);
        let brute = idx.first[p] + idx.count[p];
        for (let k = idx.first[p]; k < idx.first[p] + idx.count[p]; k++) {
          if (s.endNs[idx.order[k]] > ns) {
            brute = k;
            break;
          }
        }
        expect(at).toBe(brute);
      }
    }
    expect(seen.every((v) => v === 1)).toBe(true);
    const ids = Array.from(idx.byId, (k) => m.procs.id[k]);
    expect(ids).toEqual([...m.procs.id].sort((a, b) => a - b));
  });

  it('annotations of a trace without runtime/trace tasks are empty, not invented', () => {
    const a = annotationIndex(leak);
    expect(a.tasks.length).toBe(leak.tasks.length);
    expect(a.regions.length).toBe(leak.regions.length);
    expect(a.logs.length).toBe(leak.logs.length);
  });
});

describe('unblock links', () => {
  it('who else blocked at the leak line: exactly the other goroutines of the leak group (truth.json)', () => {
    const truth = JSON.parse(readFileSync(fixtures('go1.26', 'http-handler-leak', 'truth.json'), 'utf8')) as { leaks: { ids: number[] }[] };
    const ids = truth.leaks[0].ids;
    const g = leak.goroutines;
    const row = Array.from(g.id).indexOf(ids[0]);
    const last = g.firstSpan[row] + g.spanCount[row] - 1;
    expect(leak.spans.state[last]).toBe(GoState.Waiting);
    const same = blockedAtSameLine(leak, last);
    expect(same.site).toMatch(/main\.go:\d+$/);
    expect(same.rows.map((r) => g.id[r.row]).sort((a, b) => a - b)).toEqual(ids.slice(1).sort((a, b) => a - b));
  });

  it('every wake names the waker of the span itself or of the Runnable span after it', () => {
    const m = models.get('002.trace')!;
    const s = m.spans;
    let woken = 0;
    for (let i = 0; i < s.count; i++) {
      const w = wakeOf(m, i);
      if (!w) continue;
      woken++;
      expect(w.span === i || w.span === i + 1).toBe(true);
      expect(s.goroutine[w.span]).toBe(s.goroutine[i]);
      expect(w.id).toBe(s.wakerId[w.span]);
      expect(w.atNs).toBe(s.startNs[w.span]);
    }
    expect(woken).toBeGreaterThan(0);
  });
});
