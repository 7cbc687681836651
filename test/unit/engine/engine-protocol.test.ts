// Engine protocol, end to end in Node: the engine streams a real trace, the renderer's stream
// client and accumulator rebuild it, and the result equals parseTrace's direct output. Also:
// cancel ends the load as a consistent partial document, a crash is one document's error, a
// truncated file ends partial.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EngineMessage } from '../../../contract';
import { InProcessEngine } from '../../../main/engine/engine';
import { openFileSource } from '../../../main/engine/file-source';
import { connectLocal } from '../../../main/engine/local-port';
import { WorkerEngine } from '../../../main/engine/worker-engine';
import { bytesSource } from '../../../parsers/model/byte-source';
import type { TraceModel } from '../../../parsers/model/trace-model';
import { parseTrace } from '../../../parsers/trace/parse-trace';
import { expandSpans } from '../../../parsers/trace/expand-spans';
import { CHUNK_SPANS } from '../../../parsers/trace/v1/parse-v1';
import { DocumentStore, type DocumentSnapshot } from '../../../renderer/src/document/document-store';
import { attachStream } from '../../../renderer/src/document/stream-client';
import { engineWorkerFile } from '../../support/engine-worker';
import { byGenerations, engineTraceFixtures } from '../../support/engine-fixtures';

const tmp = mkdtempSync(join(tmpdir(), 'leakline-engine-test-'));

function load(port: ReturnType<typeof connectLocal>, name: string): Promise<{ snap: DocumentSnapshot; versions: number[]; messages: string[] }> {
  const store = new DocumentStore(name);
  const versions: number[] = [];
  const messages: string[] = [];
  port.onMessage((m) => messages.push(m.type));
  return new Promise((resolve) => {
    store.subscribe(() => {
      const s = store.getSnapshot();
      versions.push(s.version);
      if (s.status === 'done' || s.status === 'error') resolve({ snap: s, versions, messages });
    });
    attachStream(port, store);
  });
}

function expectTablesEqual(got: TraceModel, want: TraceModel): void {
  expect(got.strings.strings).toEqual(want.strings.strings);
  expect(got.stacks.stacks).toEqual(want.stacks.stacks);
  expect(got.goroutines.count).toBe(want.goroutines.count);
  for (const [k, col] of Object.entries(want.goroutines)) {
    expect((got.goroutines as unknown as Record<string, unknown>)[k], `goroutines.${k}`).toEqual(col);
  }
  // Every span column the parser makes, wakerStack included: a column the stream drops fails here.
  expect(Object.keys(got.spans).sort()).toEqual(Object.keys(want.spans).sort());
  for (const [k, col] of Object.entries(want.spans)) {
    expect((got.spans as unknown as Record<string, unknown>)[k], `spans.${k}`).toEqual(col);
  }
  // And every other field of the model (aux tables, facts), except the partial error's class.
  for (const k of Object.keys(want) as (keyof TraceModel)[]) {
    if (k === 'spans' || k === 'goroutines' || k === 'strings' || k === 'stacks' || k === 'partial') continue;
    expect(got[k], k).toEqual(want[k]);
  }
  expect(!!got.partial).toBe(!!want.partial);
}

describe('engine protocol (in-process host)', () => {
  for (const fx of engineTraceFixtures()) {
    it(`streams ${fx.label} and the accumulated model equals parseTrace's`, async () => {
      const bytes = new Uint8Array(readFileSync(fx.path));
      const direct = expandSpans(await parseTrace(bytesSource(fx.label, bytes)));
      const engine = new InProcessEngine(() => openFileSource(fx.path, fx.label), fx.label, openFileSource);
      // structuredClone: what crosses a MessagePort, so detached or shared buffers would show.
      const { snap, messages } = await load(connectLocal(engine, { structuredClone: true }), fx.label);
      expect(snap.error).toBeNull();
      expect(snap.status).toBe('done');
      expect(messages[0]).toBe('start');
      // One chunk per generation, plus possibly one for the events after the last boundary.
      const chunks = messages.filter((t) => t === 'trace-chunk').length;
      expect(chunks).toBeGreaterThanOrEqual(direct.generations);
      expect(chunks).toBeLessThanOrEqual(direct.generations + 1);
      expect(messages.slice(-3)).toEqual(['progress', 'analysis', 'done']);
      expectTablesEqual(snap.model!, direct);
      expect(snap.analysis?.inputs[0]?.format).toBe('go-trace');
      expect(snap.progress?.bytesRead).toBe(bytes.length);
    });
  }

  it('models seen while loading are prefixes of the final model, goroutine by goroutine', async () => {
    const fx = (await byGenerations())[0];
    const direct = expandSpans(await parseTrace(bytesSource(fx.label, new Uint8Array(readFileSync(fx.path)))));
    const engine = new InProcessEngine(() => openFileSource(fx.path, fx.label), fx.label, openFileSource);
    const port = connectLocal(engine, { structuredClone: true });
    const store = new DocumentStore(fx.label);
    const seen: TraceModel[] = [];
    store.subscribe(() => {
      const s = store.getSnapshot();
      if (s.status === 'loading' && s.chunks > 0) seen.push(s.model!);
    });
    const done = new Promise<void>((resolve) => store.subscribe(() => store.getSnapshot().status === 'done' && resolve()));
    attachStream(port, store);
    await done;
    expect(new Set(seen).size).toBeGreaterThanOrEqual(2);
    expect(seen[0].spans.count).toBeLessThan(direct.spans.count);
    const directRow = new Map<number, number>();
    for (let r = 0; r < direct.goroutines.count; r++) directRow.set(direct.goroutines.id[r], r);
    for (const m of new Set(seen)) {
      expect(m.spans.count).toBeLessThanOrEqual(direct.spans.count);
      for (let r = 0; r < m.goroutines.count; r++) {
        const d = directRow.get(m.goroutines.id[r])!;
        expect(d).toBeDefined();
        const [a, b] = [m.goroutines.firstSpan[r], direct.goroutines.firstSpan[d]];
        const n = m.goroutines.spanCount[r];
        expect(n).toBeLessThanOrEqual(direct.goroutines.spanCount[d]);
        for (const k of ['startNs', 'state', 'reason', 'stack', 'wakerId'] as const) {
          expect(Array.from(m.spans[k].subarray(a, a + n)), `${k} of goroutine ${m.goroutines.id[r]}`).toEqual(Array.from(direct.spans[k].subarray(b, b + n)));
        }
        expect(m.goroutines.finalState[r]).toBe(m.spans.state[a + n - 1]);
      }
    }
  });

  it('a slow consumer bounds what the engine buffers, and acks resume it', async () => {
    const fx = (await byGenerations())[0];
    expect(fx.generations).toBeGreaterThanOrEqual(3);
    const engine = new InProcessEngine(() => openFileSource(fx.path, fx.label), fx.label, openFileSource);
    const got: EngineMessage[] = [];
    engine.start((m) => got.push(m));
    engine.control({ type: 'credit', n: 1 });
    // Let the engine run until it is stalled: nothing new arrives for a while.
    let last = -1;
    while (got.length !== last) {
      last = got.length;
      await new Promise((r) => setTimeout(r, 50));
    }
    const chunks = () => got.filter((m): m is Extract<EngineMessage, { type: 'trace-chunk' }> => m.type === 'trace-chunk');
    expect(chunks()).toHaveLength(1);
    // Exactly one generation waits for credit; the parser has not gone past it.
    expect(engine.queued).toBe(1);
    expect(got.some((m) => m.type === 'trace-final')).toBe(false);
    // Acknowledge one chunk at a time, as a slow renderer would.
    while (!engine.finished) {
      engine.control({ type: 'credit', n: 1 });
      await new Promise((r) => setTimeout(r, 5));
    }
    await engine.settled;
    expect(got[got.length - 1].type).toBe('done');
    expect(chunks().length).toBeGreaterThanOrEqual(fx.generations);
    expect(engine.maxQueued).toBe(1);
    // Progress only moves forward.
    const read = chunks().map((c) => c.chunk.bytesRead);
    expect(read).toEqual([...read].sort((a, b) => a - b));
  });

  it('a truncated trace yields the error plus the partial model', async () => {
    const fx = (await byGenerations())[0];
    const bytes = readFileSync(fx.path);
    const cut = Math.floor(bytes.length * 0.7);
    const file = join(tmp, 'truncated.trace');
    writeFileSync(file, bytes.subarray(0, cut));
    const direct = expandSpans(await parseTrace(bytesSource('truncated.trace', new Uint8Array(bytes.subarray(0, cut)))));
    expect(direct.partial).toBeDefined();
    const engine = new InProcessEngine(() => openFileSource(file), 'truncated.trace', openFileSource);
    const { snap } = await load(connectLocal(engine, { structuredClone: true }), 'truncated.trace');
    expect(snap.status).toBe('done');
    expect(snap.partial?.code).toBe(direct.partial!.code);
    expect(snap.partial?.offset).toBe(direct.partial!.offset);
    expect(snap.partial?.file).toBe('truncated.trace');
    expect(snap.model!.partial?.offset).toBe(direct.partial!.offset);
    expectTablesEqual(snap.model!, direct);
    expect(snap.model!.goroutines.count).toBeGreaterThan(0);
  });

  it('Cancel stops the parse and shows what was read as a consistent partial document', async () => {
    const fx = (await byGenerations())[0];
    const full = await parseTrace(bytesSource(fx.label, new Uint8Array(readFileSync(fx.path))));
    const engine = new InProcessEngine(() => openFileSource(fx.path, fx.label), fx.label, openFileSource);
    const port = connectLocal(engine, { structuredClone: true });
    const store = new DocumentStore(fx.label);
    // A window of one chunk: the engine runs at most one chunk ahead of the store.
    const handle = attachStream(port, store, 1);
    await new Promise<void>((resolve) => {
      const off = store.subscribe(() => {
        if (store.getSnapshot().chunks === 1) {
          off();
          resolve();
        }
      });
    });
    handle.cancel();
    await new Promise<void>((resolve) => store.subscribe(() => store.getSnapshot().status === 'done' && resolve()));
    const snap = store.getSnapshot();
    const m = snap.model!;
    expect(snap.error).toBeNull();
    expect(snap.partial).toMatchObject({ code: 'cancelled', file: fx.label, offsetKind: 'byte' });
    expect(snap.partial!.offset).toBeLessThan(full.bytes);
    expect(m.partial?.code).toBe('cancelled');
    // Less than the whole trace, and consistent: the final goroutine table covers every span.
    expect(m.spans.count).toBeGreaterThan(0);
    expect(m.spans.count).toBeLessThan(full.spans.count);
    let covered = 0;
    for (let r = 0; r < m.goroutines.count; r++) covered += m.goroutines.spanCount[r];
    expect(covered).toBe(m.spans.count);
    expect(m.goroutines.count).toBeLessThanOrEqual(full.goroutines.count);
    // Counter tracks end at the cut: samples only up to the partial model's end, and real ones.
    expect(m.durationNs).toBeLessThan(full.durationNs);
    for (const t of m.heap.timeNs) expect(t).toBeLessThanOrEqual(m.durationNs);
    expect(m.heap.bytes.length).toBeGreaterThan(0);
    expect(Math.max(...m.heap.bytes)).toBeGreaterThan(0);
    // The verdicts say they come from a partial trace.
    expect(snap.analysis?.inputs[0].partial).toBe(m.partial!.message);
    expect(snap.analysis?.warnings[0]).toMatch(/^Partial input: .*stops at byte/);
    await engine.settled;
  });

  it('an unknown file is refused naming the file and the problem', async () => {
    const file = join(tmp, 'notes.txt');
    writeFileSync(file, 'these are not the bytes you are looking for\n');
    const engine = new InProcessEngine(() => openFileSource(file), 'notes.txt', openFileSource);
    const { snap } = await load(connectLocal(engine), 'notes.txt');
    expect(snap.status).toBe('error');
    expect(snap.error).toMatchObject({ code: 'unknown-format', file: 'notes.txt' });
  });

  for (const v1 of engineTraceFixtures('v1')) {
    it(`streams the v1 trace ${v1.label} (${v1.header.replace(/\0/g, '')}) and the accumulated model equals parseTrace's`, async () => {
      const bytes = new Uint8Array(readFileSync(v1.path));
      const direct = expandSpans(await parseTrace(bytesSource(v1.label, bytes)));
      expect(direct.partial).toBeUndefined();
      const engine = new InProcessEngine(() => openFileSource(v1.path, v1.label), v1.label, openFileSource);
      const { snap, messages } = await load(connectLocal(engine, { structuredClone: true }), v1.label);
      expect(snap.error).toBeNull();
      expect(snap.status).toBe('done');
      // No generations: chunks every CHUNK_SPANS spans (these traces have fewer) and one at the end.
      expect(messages.filter((t) => t === 'trace-chunk').length).toBe(1 + Math.floor(direct.spans.count / CHUNK_SPANS));
      expectTablesEqual(snap.model!, direct);
      expect(snap.model!.goVersion).toBe(direct.goVersion);
      expect(snap.analysis?.inputs[0]?.format).toBe('go-trace');
      expect(snap.progress?.bytesRead).toBe(bytes.length);
    });
  }

  it('a Go 1.10 trace is refused as unsupported-version', async () => {
    const old = engineTraceFixtures('all').find((f) => f.header.startsWith('go 1.10'))!;
    const engine = new InProcessEngine(() => openFileSource(old.path, old.label), old.label, openFileSource);
    const { snap } = await load(connectLocal(engine), old.label);
    expect(snap.error).toMatchObject({ code: 'unsupported-version', file: old.label });
  });
});

describe('engine protocol (worker_thread host)', () => {
  let workerFile = '';
  beforeAll(async () => {
    workerFile = await engineWorkerFile();
  });

  it('streams through a worker and equals parseTrace', async () => {
    const fx = engineTraceFixtures()[0];
    const direct = expandSpans(await parseTrace(bytesSource(fx.label, new Uint8Array(readFileSync(fx.path)))));
    const engine = new WorkerEngine({ workerFile, path: fx.path, name: fx.label });
    const { snap } = await load(connectLocal(engine), fx.label);
    expect(snap.error).toBeNull();
    expectTablesEqual(snap.model!, direct);
    expect(engine.alive).toBe(true); // idle until its document closes
    await engine.close();
    expect(engine.alive).toBe(false);
  });

  it('cancel mid-load ends the parse early with a partial model; close terminates the worker', async () => {
    const fx = (await byGenerations())[0];
    let exited = false;
    const engine = new WorkerEngine({ workerFile, path: fx.path, name: fx.label, onExit: () => (exited = true) });
    const got: EngineMessage[] = [];
    const first = new Promise<void>((resolve) =>
      engine.start((m) => {
        got.push(m);
        if (m.type === 'trace-chunk') {
          resolve();
          if (got.filter((g) => g.type === 'trace-chunk').length > 1) engine.control({ type: 'credit', n: 1 });
        }
      }),
    );
    engine.control({ type: 'credit', n: 1 }); // one chunk, then the engine waits
    await first;
    engine.control({ type: 'cancel' });
    engine.control({ type: 'credit', n: 1 }); // the consumer keeps acknowledging what it applies
    while (!engine.finished) await new Promise((r) => setTimeout(r, 10));
    const last = got[got.length - 1];
    expect(last).toMatchObject({ type: 'done', partial: { code: 'cancelled', file: fx.label } });
    const final = got.find((m) => m.type === 'trace-final');
    expect(final?.type === 'trace-final' && final.final.partial?.code).toBe('cancelled');
    expect(last.type === 'done' && last.partial!.offset).toBeLessThan(readFileSync(fx.path).length);
    expect(engine.alive).toBe(true); // the session keeps the partial model
    await engine.close();
    expect(engine.alive).toBe(false);
    expect(exited).toBe(true);
  });

  it('a worker crash becomes a recoverable error for that document only', async () => {
    const [a, b] = await byGenerations();
    const crashing = new WorkerEngine({ workerFile, path: a.path, name: a.label, crashAfterChunks: 1 });
    const healthy = new WorkerEngine({ workerFile, path: b.path, name: b.label });
    const [broken, fine] = await Promise.all([load(connectLocal(crashing), a.label), load(connectLocal(healthy), b.label)]);
    expect(broken.snap.status).toBe('error');
    expect(broken.snap.error).toMatchObject({ code: 'crashed', file: a.label });
    // What arrived before the crash stays, marked partial.
    expect(broken.snap.model?.spans.count).toBeGreaterThan(0);
    expect(broken.snap.partial?.code).toBe('crashed');
    expect(broken.snap.model?.partial).toBeDefined();
    expect(fine.snap.status).toBe('done');
    expect(crashing.alive).toBe(false);
    await healthy.close();
  });

  it('a missing file is an io error, not a crash', async () => {
    const engine = new WorkerEngine({ workerFile, path: join(tmp, 'gone.trace'), name: 'gone.trace' });
    const { snap } = await load(connectLocal(engine), 'gone.trace');
    expect(snap.error).toMatchObject({ code: 'io', file: 'gone.trace' });
    await engine.close();
  });
});

