// The v1 reader (Go 1.11–1.21) beyond what the differential test compares with Go's reader:
// streaming chunks that add up to the model, the Node file source, what a cut trace gives (the
// partial model and its error), the other model parts (Ps, GC, STW, heap), what the pipeline holds
// back, and the syscall-exit reordering against the plain stable sort Go's reader does.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openFileSource } from '../../../main/engine/file-source';
import { bytesSource } from '../../../parsers/model/byte-source';
import { GoState } from '../../../parsers/model/goroutine-state';
import type { TraceChunk } from '../../../parsers/model/trace-model';
import { expandSpans, parseTrace } from '../../../parsers/trace';
import { Step } from '../../../parsers/trace/event-stream';
import { V1Event } from '../../../parsers/trace/v1/event';
import { DONE, NEED } from '../../../parsers/trace/v1/merge';
import { V1 } from '../../../parsers/trace/v1/spec';
import { SysExitOrder } from '../../../parsers/trace/v1/sysexit';
import { V1Stream } from '../../../parsers/trace/v1/v1-stream';
import { corpus, fixtures } from '../../support/corpus';
import { rng } from '../fuzz/mutate';

const rw = (f: string) => corpus('realworld', 'traces', f);

describe('v1 reader: streaming', () => {
  it('005.trace (Go 1.19) in chunks of 5,000 spans: the chunks add up to the model', async () => {
    const file = rw('005.trace');
    const chunks: TraceChunk[] = [];
    const m = await parseTrace(bytesSource(file, readFileSync(file)), { onChunk: (c) => void chunks.push(c), chunkSpans: 5000 });
    expect(m.partial).toBeUndefined();
    expect(m.generations).toBe(1);
    expect(chunks.length).toBeGreaterThanOrEqual(4);
    expect(chunks.every((c) => c.generation === 1)).toBe(true);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].bytesRead).toBeGreaterThanOrEqual(chunks[i - 1].bytesRead);
    expect(chunks[chunks.length - 1].bytesRead).toBe(m.bytes);
    expect(chunks.reduce((n, c) => n + c.spans.count, 0)).toBe(m.spans.count);
    let ended = 0;
    for (let r = 0; r < m.goroutines.count; r++) if (m.goroutines.finalState[r] === GoState.NotExist) ended++;
    expect(chunks.reduce((n, c) => n + c.ended.goroutineId.length, 0)).toBe(ended);
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
      expect(byG.get(g.id[r]) ?? []).toEqual(Array.from(flat.spans.startNs.subarray(g.firstSpan[r], g.firstSpan[r] + g.spanCount[r])));
    }
  });

  it('the Node file source reads the same model as an in-memory buffer', async () => {
    const file = rw('002.trace');
    const a = await parseTrace(bytesSource(file, readFileSync(file)));
    const src = await openFileSource(file);
    const b = await parseTrace(src).finally(() => src.close());
    expect(b.events).toBe(a.events);
    expect(Array.from(expandSpans(b).spans.startNs)).toEqual(Array.from(expandSpans(a).spans.startNs));
    expect(Array.from(b.goroutines.finalState)).toEqual(Array.from(a.goroutines.finalState));
  });

  it('holds back only a few events on the way (one batch per P is in memory)', async () => {
    const file = fixtures('go1.21', 'http-handler-leak', 'trace.out');
    const s = new V1Stream(bytesSource(file, readFileSync(file)), 21);
    await s.open();
    let n = 0;
    for (;;) {
      const st = s.step();
      if (st === Step.Done) break;
      if (st === Step.Event) n++;
      else await s.loadNext();
    }
    expect(n).toBe(44767); // Go's reader on the same file
    // Every batch read exactly once.
    expect(s.batchesLoaded).toBe(s.ix.batches);
    // Events between merge and conversion at any moment (syscall-exit reordering and the look-ahead
    // a GoSysCall needs), as a share of the trace.
    const held = s.heldBack;
    expect(held.pool).toBeLessThan(n / 20);
    expect(Math.max(held.reorder, held.lookahead)).toBeLessThanOrEqual(held.pool);
  });
});

describe('v1 reader: damaged traces', () => {
  const file = rw('005.trace');
  const full = new Uint8Array(readFileSync(file));

  it('a trace cut inside an event: truncated at that event, with what could be ordered before it', async () => {
    const cut = full.length - 100; // inside the stack table of the footer
    const m = await parseTrace(bytesSource('cut', full.subarray(0, cut)));
    expect(m.partial).toMatchObject({ code: 'truncated' });
    expect(m.partial!.offset).toBeLessThanOrEqual(cut);
    expect(m.partial!.offset).toBeGreaterThan(cut - 2100);
    // Every event is before the footer: all of them are in the model.
    expect(m.events).toBe(63378 - 1); // Go's reader's count of the whole file, less the final Sync
    expect(m.goroutines.count).toBe(655);
  });

  it('a trace cut in the middle: partial, the cut named, times from an assumed tick rate', async () => {
    const cut = Math.floor(full.length * 0.6);
    const m = await parseTrace(bytesSource('cut', full.subarray(0, cut)));
    expect(m.partial?.code).toBe('truncated');
    expect(m.partial!.offset).toBeLessThanOrEqual(cut);
    expect(m.partial!.message).toMatch(/ends (inside an event|before its footer)/);
    expect(m.partial!.message).toMatch(/times assume|ordering stopped/);
    expect(m.goroutines.count).toBeGreaterThan(100);
    expect(m.spans.count).toBeGreaterThan(1000);
  });

  it('Go 1.12–1.18 and 1.20 never wrote their own header: refused as unknown', async () => {
    for (const minor of [12, 18, 20]) {
      const b = full.slice();
      b.set(new TextEncoder().encode(`go 1.${minor} trace`), 0);
      await expect(parseTrace(bytesSource('x', b))).rejects.toMatchObject({ code: 'unknown-format' });
    }
  });
});

describe('v1 reader: the rest of the model', () => {
  it('go1.21/http-handler-leak: Ps, GC, stop-the-world, heap and GOMAXPROCS', async () => {
    const file = fixtures('go1.21', 'http-handler-leak', 'trace.out');
    const m = await parseTrace(bytesSource(file, readFileSync(file)));
    const p = m.procs!;
    expect(p.count).toBeGreaterThan(0);
    for (let i = 0; i < p.spans.count; i++) {
      expect(p.spans.proc[i]).toBeLessThan(p.count);
      expect(p.spans.endNs[i]).toBeGreaterThanOrEqual(p.spans.startNs[i]);
      expect(p.spans.thread[i]).toBeGreaterThanOrEqual(0);
    }
    expect(m.gc.length).toBeGreaterThan(0);
    for (const r of [...m.gc, ...m.stw]) {
      expect(r.endNs).toBeGreaterThanOrEqual(r.startNs);
      expect(r.endNs).toBeLessThanOrEqual(m.durationNs);
    }
    // Go 1.21 names why the world stopped.
    expect(m.stw.map((r) => r.label)).toContain('stop-the-world (GC mark termination)');
    expect(m.heap.timeNs.length).toBeGreaterThan(0);
    expect(m.gomaxprocs!.timeNs.length).toBeGreaterThanOrEqual(0);
    expect(m.cpuSamples!.count).toBe(11);
    expect(m.wallClock).toBeUndefined(); // v1 traces carry no wall-clock anchor
  });
});

describe('syscall exits at their real time (streamed) = Go\'s stable sort by time', () => {
  // Merged streams as the merge hands them out: times non-decreasing, with GoSysExits whose real
  // exit time lies between their goroutine's GoSysBlock and the exit event itself.
  function randomMerged(seed: number, n: number): V1Event[] {
    const r = rng(seed);
    const out: V1Event[] = [];
    const blocked = new Map<number, number>();
    let t = 1000;
    for (let i = 0; i < n; i++) {
      t += Math.floor(r() * 3); // ties on purpose
      const e = new V1Event();
      e.ts = t;
      e.g = 1 + Math.floor(r() * 8);
      e.pos = i;
      e.offset = i;
      const since = blocked.get(e.g);
      if (since !== undefined && r() < 0.5) {
        e.typ = V1.GoSysExit;
        e.hasRealTs = r() < 0.8;
        e.realTs = since + Math.floor(r() * (t - since + 1));
        blocked.delete(e.g);
      } else if (since === undefined && r() < 0.2) {
        e.typ = V1.GoSysBlock;
        blocked.set(e.g, t);
      } else e.typ = V1.GoSched;
      out.push(e);
    }
    return out;
  }

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`seed ${seed}: 3,000 events`, () => {
      const merged = randomMerged(seed, 3000);
      const want = merged
        .map((e) => ({ pos: e.pos, ts: e.typ === V1.GoSysExit && e.hasRealTs ? e.realTs : e.ts }))
        .sort((a, b) => a.ts - b.ts) // Array.prototype.sort is stable
        .map((x) => x.pos);
      const exits = Float64Array.from(merged.filter((e) => e.typ === V1.GoSysExit && e.hasRealTs).map((e) => e.realTs)).sort();
      const order = new SysExitOrder(exits);
      let i = 0;
      const source = { next: () => (i < merged.length ? merged[i++] : DONE) };
      const got: number[] = [];
      for (;;) {
        const e = order.next(source);
        if (e === DONE) break;
        expect(e).not.toBe(NEED);
        got.push((e as V1Event).pos);
      }
      expect(got).toEqual(want);
      // The hold-back is the events within one exit's delay, not the stream.
      expect(order.peak).toBeLessThan(merged.length / 4);
    });
  }
});

describe('v1 reader: goroutines alive when tracing started', () => {
  it('002.trace (Go 1.11): each has its entry function (from the start PC v1 lists), none a creation', async () => {
    const file = rw('002.trace');
    const m = await parseTrace(bytesSource(file, readFileSync(file)));
    const g = m.goroutines;
    const names = m.strings.strings;
    let pre = 0;
    const funcs = new Map<string, number>();
    for (let r = 0; r < g.count; r++) {
      if (!Number.isNaN(g.createdNs[r])) continue;
      pre++;
      expect(g.parentId[r]).toBe(-1);
      expect(g.creationStack[r]).toBe(0);
      expect(g.startFunc[r], `goroutine ${g.id[r]}`).not.toBe(0);
      const f = names[g.startFunc[r]];
      funcs.set(f, (funcs.get(f) ?? 0) + 1);
    }
    expect(pre).toBeGreaterThan(600);
    expect(funcs.get('runtime.main')).toBe(1);
    // The bulk: a game-of-life test's workers from earlier runs, parked since before the trace.
    expect(funcs.get('uk.ac.bris.cs/gameoflife/gol.tick.func1')).toBe(290);
  });
});

describe('v1 reader: cancellation', () => {
  it('an aborted signal stops parsing with a cancelled ParseError', async () => {
    const file = rw('005.trace');
    const ac = new AbortController();
    ac.abort();
    await expect(parseTrace(bytesSource(file, readFileSync(file)), { signal: ac.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('aborting between chunks stops there, keeping what was read as a partial model', async () => {
    const file = rw('005.trace');
    const ac = new AbortController();
    let chunks = 0;
    const run = parseTrace(bytesSource(file, readFileSync(file)), {
      signal: ac.signal,
      chunkSpans: 2000,
      onChunk: () => {
        if (++chunks === 2) ac.abort();
      },
    });
    const m = await run;
    expect(m.partial?.code).toBe('cancelled');
    // The two chunks before the abort, then the rest of what was read (the final chunk).
    expect(chunks).toBe(3);
    const full = await parseTrace(bytesSource(file, readFileSync(file)));
    expect(m.spans.count).toBeLessThan(full.spans.count);
  });
});
