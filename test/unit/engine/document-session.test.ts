// The document session: the worker that loaded a document keeps its model and answers the hunt
// and compare requests. On the host (this test process) every parser entry point is replaced by
// one that fails the test, so the evidence, ignore-rule, export and compare answers below can only
// have come from the worker: the requests are recorded as they go through the session.
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionRequest } from '../../../contract';
import type { Engine } from '../../../main/engine/engine';
import { EngineRegistry } from '../../../main/engine/engine-registry';
import { WorkerEngine } from '../../../main/engine/worker-engine';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { engineWorkerFile } from '../../support/engine-worker';
import { fixtures } from '../../support/corpus';

const hostParsed: string[] = [];
vi.mock('../../../parsers/open-input', async (orig) => ({
  ...(await orig<object>()),
  openInput: (s: { name: string }) => {
    hostParsed.push(`openInput ${s.name}`);
    throw new Error('parsed on the host');
  },
}));
vi.mock('../../../parsers/trace/parse-trace', async (orig) => ({
  ...(await orig<object>()),
  parseTrace: (s: { name: string }) => {
    hostParsed.push(`parseTrace ${s.name}`);
    throw new Error('parsed on the host');
  },
}));

const SCENARIO = fixtures('go1.26', 'http-handler-leak');
const truth = JSON.parse(readFileSync(join(SCENARIO, 'truth.json'), 'utf8')) as { leaks: { startFunc: string; inLeakProfile: boolean }[] };

let workerFile: string;
beforeAll(async () => {
  workerFile = await engineWorkerFile();
}, 120_000);

function setup() {
  const requests: SessionRequest['kind'][] = [];
  const engines: WorkerEngine[] = [];
  const registry = new EngineRegistry((t) => {
    const w = new WorkerEngine({ workerFile, path: t.path, name: t.name });
    engines.push(w);
    const recorded: Engine = {
      start: (l, o) => w.start(l, o),
      control: (m) => w.control(m),
      close: () => w.close(),
      get finished() {
        return w.finished;
      },
      request: (req) => {
        requests.push(req.kind);
        return w.request(req);
      },
    };
    return recorded;
  });
  const service = new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore(), engines: registry });
  const dir = mkdtempSync(join(tmpdir(), 'leakline-session-'));
  for (const f of ['trace.out', 'goroutineleak.pb.gz', 'goroutine.debug2.txt', 'goroutine.pb.gz']) copyFileSync(join(SCENARIO, f), join(dir, f));
  return { service, registry, requests, engines, dir };
}

describe('document session (worker engines, no parser on the host)', () => {
  it('evidence, ignore rules and export are answered by the worker that loaded the trace', async () => {
    const { service, registry, requests, dir } = setup();
    const doc = await service.openPath(join(dir, 'trace.out'));
    const alone = await service.handle('analyzeDocument', [doc.id]);
    const leak = truth.leaks.find((l) => l.inLeakProfile)!;
    expect(alone.verdicts.find((v) => v.startFunction === leak.startFunc)!.confidence).not.toBe('proven');
    await service.handle('addEvidence', [doc.id, join(dir, 'goroutineleak.pb.gz')]);
    const fused = await service.handle('analyzeDocument', [doc.id]);
    expect(fused.inputs.map((i) => i.file)).toEqual(['trace.out', 'goroutineleak.pb.gz']);
    expect(fused.verdicts[0]).toMatchObject({ startFunction: leak.startFunc, confidence: 'proven' });
    // An ignore rule for the proven group: the same session re-runs the analysis without it.
    await service.handle('setIgnoreRules', [doc.id, { topFunction: [], anyFunction: [], createdBy: [] }]);
    await service.handle('setIgnoreRules', [doc.id, { topFunction: [], anyFunction: [leak.startFunc], createdBy: [] }]);
    const ignored = await service.handle('analyzeDocument', [doc.id]);
    expect(ignored.verdicts.some((v) => v.startFunction === leak.startFunc)).toBe(false);
    const md = await service.handle('exportReport', [{ documentId: doc.id, format: 'md' }]);
    expect(md).toContain('goroutineleak.pb.gz');
    // A file that is no input is refused with the worker's reason, naming it.
    await expect(service.handle('addEvidence', [doc.id, join(SCENARIO, 'truth.json')])).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('truth.json: unknown-format') });
    expect(requests).toEqual(['analyse', 'check-evidence', 'analyse', 'analyse', 'export', 'check-evidence']);
    expect(registry.live).toBe(1); // one session served them all: the document's
    expect(hostParsed).toEqual([]);
  }, 120_000);

  it('compare inputs (end states) come from each document’s session', async () => {
    const { service, requests, dir } = setup();
    const trace = await service.openPath(join(dir, 'trace.out'));
    const dump = await service.openPath(join(dir, 'goroutine.debug2.txt'));
    const a = await service.handle('loadProfile', [trace.id]);
    const b = await service.handle('loadProfile', [dump.id]);
    expect(a).toMatchObject({ kind: 'goroutines', format: 'trace-end-state' });
    expect(b).toMatchObject({ kind: 'goroutines', format: 'goroutine-debug2' });
    expect(requests).toEqual(['end-state', 'end-state']);
    // The compare table: aligned by the last document's session from the cached end states.
    const { order, comparison } = await service.handle('compareDocuments', [[dump.id, trace.id], 'stack', true]);
    expect(new Set(order)).toEqual(new Set([trace.id, dump.id]));
    expect(comparison!.snapshots.map((s) => s.name).sort()).toEqual(['goroutine.debug2.txt', 'trace.out']);
    expect(comparison!.groups.length).toBeGreaterThan(0);
    expect(requests).toEqual(['end-state', 'end-state', 'compare']);
    // The differential flame graph of the two, built there too.
    const flame = await service.handle('flameDocuments', [[trace.id, dump.id], null]);
    expect(flame.differential).toBe(true);
    expect(flame.root.total + flame.root.baseTotal).toBeGreaterThan(0);
    expect(requests).toEqual(['end-state', 'end-state', 'compare', 'flame']);
    await expect(service.handle('compareDocuments', [[trace.id, trace.id], 'stack', true])).rejects.toMatchObject({ code: 'bad-request' });
    expect(hostParsed).toEqual([]);
  }, 120_000);

  it('a request in flight when the page opens the stream is answered by the new engine', async () => {
    const { service, registry, requests, engines, dir } = setup();
    const doc = await service.openPath(join(dir, 'goroutine.debug2.txt'));
    const profile = service.handle('loadProfile', [doc.id]); // starts a session without a viewer
    await vi.waitUntil(() => requests.length === 1);
    // The page asks for the stream now (stream-ipc / stream-socket): the engine is replaced.
    const streamed = registry.open({ id: doc.id, path: join(dir, 'goroutine.debug2.txt'), name: doc.name });
    streamed.start(() => undefined);
    await expect(profile).resolves.toMatchObject({ kind: 'goroutines', format: 'goroutine-debug2' });
    expect(engines).toHaveLength(2);
    await vi.waitUntil(() => !engines[0].alive, { timeout: 10_000 });
    expect(registry.live).toBe(1);
    expect(hostParsed).toEqual([]);
  }, 120_000);

  it('closing the document ends its session and terminates its worker', async () => {
    const { service, registry, engines, dir } = setup();
    const doc = await service.openPath(join(dir, 'trace.out'));
    await service.handle('addEvidence', [doc.id, join(dir, 'goroutine.pb.gz')]);
    expect(engines[0].alive).toBe(true);
    await service.handle('closeDocument', [doc.id]);
    await vi.waitUntil(() => !engines[0].alive, { timeout: 10_000 });
    expect(registry.live).toBe(0);
    await expect(service.handle('analyzeDocument', [doc.id])).rejects.toMatchObject({ code: 'not-found' });
    expect(existsSync(join(dir, 'goroutine.pb.gz'))).toBe(true); // not an upload: the user's file stays
  }, 120_000);
});
