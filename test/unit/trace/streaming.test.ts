// Streaming output and the other model parts on real traces: one chunk per generation whose spans
// and ended goroutines add up to the final model, monotone progress, the Node file source giving
// the same model as an in-memory buffer, and consistent P intervals and GC ranges.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFileSource } from '../../../main/engine/file-source';
import { bytesSource } from '../../../parsers/model/byte-source';
import { GoState } from '../../../parsers/model/goroutine-state';
import type { TraceChunk } from '../../../parsers/model/trace-model';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { corpus } from '../../support/corpus';

const dir = corpus('realworld', 'traces');

describe('streaming and auxiliary model', () => {
  it('011.trace (Go 1.25, 30 generations): chunks add up to the model', async () => {
    const file = path.join(dir, '011.trace');
    const chunks: TraceChunk[] = [];
    const m = await parseTrace(bytesSource(file, readFileSync(file)), { onChunk: (c) => void chunks.push(c) });
    expect(chunks.length).toBe(m.generations);
    expect(chunks.map((c) => c.generation)).toEqual(chunks.map((_, i) => i + 1));
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].bytesRead).toBeGreaterThanOrEqual(chunks[i - 1].bytesRead);
    expect(chunks[chunks.length - 1].bytesRead).toBe(m.bytes);
    expect(chunks.reduce((n, c) => n + c.spans.count, 0)).toBe(m.spans.count);
    let ended = 0;
    for (let r = 0; r < m.goroutines.count; r++) if (m.goroutines.finalState[r] === GoState.NotExist) ended++;
    expect(chunks.reduce((n, c) => n + c.ended.goroutineId.length, 0)).toBe(ended);
    // Per goroutine, chunk spans arrive in time order and equal the model's spans of that goroutine.
    const byG = new Map<number, number[]>();
    for (const c of chunks) {
      for (let i = 0; i < c.spans.count; i++) {
        const list = byG.get(c.spans.goroutineId[i]) ?? [];
        list.push(c.spans.startNs[i]);
        byG.set(c.spans.goroutineId[i], list);
      }
    }
    const g = m.goroutines;
    const flat = expandSpans(m);
    for (let r = 0; r < g.count; r++) {
      const want = Array.from(flat.spans.startNs.subarray(g.firstSpan[r], g.firstSpan[r] + g.spanCount[r]));
      expect(byG.get(g.id[r]) ?? []).toEqual(want);
    }
  });

  it('the Node file source reads the same model as an in-memory buffer', async () => {
    const file = path.join(dir, '009.trace');
    const a = await parseTrace(bytesSource(file, readFileSync(file)));
    const src = await openFileSource(file);
    const b = await parseTrace(src).finally(() => src.close());
    expect(b.events).toBe(a.events);
    expect(Array.from(expandSpans(b).spans.startNs)).toEqual(Array.from(expandSpans(a).spans.startNs));
    expect(Array.from(b.goroutines.finalState)).toEqual(Array.from(a.goroutines.finalState));
  });

  it('Ps, GC ranges and heap samples are consistent', async () => {
    const file = path.join(dir, '011.trace');
    const m = await parseTrace(bytesSource(file, readFileSync(file)));
    const p = m.procs!;
    expect(p.count).toBeGreaterThan(0);
    expect(p.spans.count).toBeGreaterThan(0);
    for (let i = 0; i < p.spans.count; i++) {
      expect(p.spans.proc[i]).toBeLessThan(p.count);
      expect(p.spans.endNs[i]).toBeGreaterThanOrEqual(p.spans.startNs[i]);
    }
    for (const r of [...m.gc, ...m.stw]) {
      expect(r.endNs).toBeGreaterThanOrEqual(r.startNs);
      expect(r.endNs).toBeLessThanOrEqual(m.durationNs);
    }
    expect(m.stw.every((r) => r.label.startsWith('stop-the-world ('))).toBe(true);
    expect(m.heap.timeNs.length).toBe(m.heap.bytes.length);
    expect(m.heap.timeNs.length).toBeGreaterThan(0);
    expect(m.wallClock).toBeDefined(); // Go 1.25 traces carry a ClockSnapshot
  });

  it('an aborted signal stops parsing with a cancelled ParseError', async () => {
    const file = path.join(dir, '011.trace');
    const ac = new AbortController();
    ac.abort();
    await expect(parseTrace(bytesSource(file, readFileSync(file)), { signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });
});
