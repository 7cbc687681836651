// The engine's new verbs and transports, validated without Electron: requestStream over a fake
// ipcMain / sender / MessageChannelMain, engineStatus, the control messages a renderer may send,
// and the serve stream WebSocket (refused upgrades, malformed frames dropped, a real trace
// streamed and rebuilt through binary frames).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { EngineMessage, IpcEnvelope } from '../../../contract';
import { channelOf, registerIpcHandlers, type InvokeEventLike } from '../../../main/app/ipc';
import { registerStreamHandler, REQUEST_STREAM_CHANNEL, STREAM_PORT_CHANNEL, type PortMainLike, type StreamInvokeEvent } from '../../../main/app/stream-ipc';
import { InProcessEngine, validateControl } from '../../../main/engine/engine';
import { EngineRegistry } from '../../../main/engine/engine-registry';
import { openFileSource } from '../../../main/engine/file-source';
import { startServer, type RunningServer } from '../../../main/serve/server';
import { newToken } from '../../../main/serve/token';
import { tokenCookieHeader } from '../../support/live-serve';
import { PathGrants } from '../../../main/app/path-grants';
import { encodeFrame } from '../../../main/serve/stream-frames';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { bytesSource } from '../../../parsers/model/byte-source';
import { parseTrace } from '../../../parsers/trace/parse-trace';
import { expandSpans } from '../../../parsers/trace/expand-spans';
import { DocumentStore } from '../../../renderer/src/document/document-store';
import { decodeFrame } from '../../../renderer/src/document/frame-decode';
import { engineTraceFixtures } from '../../support/engine-fixtures';

const RENDERER = { url: 'app://leakline/index.html' };
const fx = engineTraceFixtures().find((f) => f.label === '012.trace') ?? engineTraceFixtures()[0];

function makeService(engines: EngineRegistry, mode: 'electron' | 'browser' = 'electron') {
  return new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode, versions: {} }, recent: memoryRecentStore(), engines });
}
const inProcess = () => new EngineRegistry((t) => new InProcessEngine(() => openFileSource(t.path, t.name), t.name, openFileSource));

describe('validateControl', () => {
  it('accepts exactly credit 1..64 and cancel', () => {
    expect(validateControl({ type: 'credit', n: 1 })).toEqual({ type: 'credit', n: 1 });
    expect(validateControl({ type: 'credit', n: 64 })).toEqual({ type: 'credit', n: 64 });
    expect(validateControl({ type: 'cancel' })).toEqual({ type: 'cancel' });
    for (const bad of [null, 'cancel', 42, [], {}, { type: 'credit' }, { type: 'credit', n: 0 }, { type: 'credit', n: 65 }, { type: 'credit', n: 1.5 }, { type: 'credit', n: '4' }, { type: 'credit', n: 1, extra: 1 }, { type: 'cancel', now: true }, { type: 'open', path: '/etc/passwd' }]) {
      expect(validateControl(bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

class FakePort implements PortMainLike {
  posted: unknown[] = [];
  started = false;
  closed = false;
  private listeners: Record<string, ((e?: { data: unknown }) => void)[]> = {};
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  on(event: string, l: (e: { data: unknown }) => void) {
    (this.listeners[event] ??= []).push(l as (e?: { data: unknown }) => void);
    return this;
  }
  start() {
    this.started = true;
  }
  close() {
    this.closed = true;
  }
  emit(event: 'message' | 'close', data?: unknown) {
    for (const l of this.listeners[event] ?? []) l(event === 'message' ? { data } : undefined);
  }
}

describe('requestStream (Electron IPC, fake ipcMain)', () => {
  let handlers: Map<string, (e: StreamInvokeEvent, ...a: unknown[]) => Promise<unknown>>;
  let engines: EngineRegistry;
  let service: BridgeService;
  let ports: FakePort[];
  let sent: { channel: string; message: unknown; transfer?: unknown[] }[];
  let warnings: string[];
  const event = (url: string | null): StreamInvokeEvent => ({
    senderFrame: url === null ? null : { url },
    sender: { postMessage: (channel, message, transfer) => sent.push({ channel, message, transfer }) },
  });
  const invoke = (e: StreamInvokeEvent, ...args: unknown[]) => handlers.get(REQUEST_STREAM_CHANNEL)!(e, ...args) as Promise<IpcEnvelope<null>>;

  beforeEach(() => {
    handlers = new Map();
    engines = inProcess();
    service = makeService(engines);
    ports = [];
    sent = [];
    warnings = [];
    registerStreamHandler({
      ipcMain: { handle: (c, l) => void handlers.set(c, l), removeHandler: (c) => void handlers.delete(c) },
      service,
      engines,
      renderer: RENDERER,
      warn: (m) => warnings.push(m),
      createChannel: () => {
        const p = new FakePort();
        ports.push(p);
        return { port1: p, port2: { fake: 'port2' } };
      },
    });
  });

  it('refuses untrusted senders before doing anything', async () => {
    const doc = await service.openPath(fx.path);
    for (const url of [null, 'https://evil.example/', 'file:///tmp/other.html', 'http://localhost:5173/']) {
      const env = await invoke(event(url), doc.id);
      expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: 'Request from an untrusted page' } });
    }
    expect(engines.live).toBe(0);
    expect(ports).toHaveLength(0);
    expect(sent).toHaveLength(0);
  });

  it('rejects malformed payloads with bad-request and unknown documents with not-found', async () => {
    await service.openPath(fx.path);
    const bad: unknown[][] = [[], ['doc-1', 'doc-1'], [1], [null], ['../doc-1'], ['doc-1; rm -rf /'], ['doc-'], [{ id: 'doc-1' }], ['doc-1234567890123']];
    for (const args of bad) {
      const env = await invoke(event(RENDERER.url), ...args);
      expect(env.ok, JSON.stringify(args)).toBe(false);
      expect(!env.ok && env.error.code).toBe('bad-request');
    }
    const env = await invoke(event(RENDERER.url), 'doc-99');
    expect(!env.ok && env.error.code).toBe('not-found');
    expect(engines.live).toBe(0);
  });

  it('hands the renderer a port and streams the document through it; bad control is dropped', async () => {
    const doc = await service.openPath(fx.path);
    const env = await invoke(event(RENDERER.url), doc.id);
    expect(env).toEqual({ ok: true, result: null });
    expect(sent).toEqual([{ channel: STREAM_PORT_CHANNEL, message: { leaklineStream: doc.id }, transfer: [{ fake: 'port2' }] }]);
    const port = ports[0];
    expect(port.started).toBe(true);
    expect(engines.live).toBe(1);
    for (const junk of [{ type: 'credit', n: 1e9 }, { type: 'credit', n: -1 }, 'cancel', { type: 'eval', code: '1' }]) port.emit('message', junk);
    expect(warnings.filter((w) => w.includes('malformed'))).toHaveLength(4);
    port.emit('message', { type: 'credit', n: 64 });
    await expect.poll(() => (port.posted.at(-1) as EngineMessage | undefined)?.type).toBe('done');
    const store = new DocumentStore(doc.name);
    for (const m of port.posted) store.apply(m as EngineMessage);
    const direct = expandSpans(await parseTrace(bytesSource(doc.name, new Uint8Array(readFileSync(fx.path)))));
    expect(store.getSnapshot().model!.spans.startNs).toEqual(direct.spans.startNs);
    // The finished engine idles until its document closes.
    expect(engines.live).toBe(1);
    service.closeDocument(doc.id);
    expect(engines.live).toBe(0);
  });

  it('a port closed mid-load closes its engine', async () => {
    const doc = await service.openPath(fx.path);
    await invoke(event(RENDERER.url), doc.id);
    expect(engines.live).toBe(1);
    ports[0].emit('close');
    await expect.poll(() => engines.live).toBe(0);
  });
});

describe('engineStatus (bridge verb)', () => {
  it('answers trusted no-argument calls and rejects the rest', async () => {
    const handlers = new Map<string, (e: InvokeEventLike, ...a: unknown[]) => Promise<unknown>>();
    const engines = inProcess();
    const service = makeService(engines);
    registerIpcHandlers({ ipcMain: { handle: (c, l) => void handlers.set(c, l), removeHandler: () => {} }, service, renderer: RENDERER, grants: new PathGrants() });
    const call = (url: string, ...args: unknown[]) => handlers.get(channelOf('engineStatus'))!({ senderFrame: { url } }, ...args) as Promise<IpcEnvelope<unknown>>;
    await service.openPath(fx.path);
    expect(await call(RENDERER.url)).toEqual({ ok: true, result: { liveEngines: 0, openDocuments: 1 } });
    expect(await call(RENDERER.url, 1)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await call('https://evil.example/')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('serve stream WebSocket', () => {
  let server: RunningServer;
  let service: BridgeService;
  let engines: EngineRegistry;
  let host: string;
  const token = newToken();
  const dir = mkdtempSync(join(tmpdir(), 'leakline-stream-'));

  beforeAll(async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    engines = inProcess();
    service = makeService(engines, 'browser');
    server = await startServer({ service, rendererDir: dir, port: 0, engines, token });
    host = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const connect = (path: string, origin = `http://${host}`) =>
    new Promise<{ ws?: WebSocket; status?: number }>((resolve) => {
      const ws = new WebSocket(`ws://${host}${path}`, { origin, headers: tokenCookieHeader(server.port, token) });
      ws.on('open', () => resolve({ ws }));
      ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
      ws.on('error', () => {});
    });

  it('refuses foreign origins, bad ids, unknown documents and extra parameters', async () => {
    const doc = await service.openPath(fx.path);
    expect((await connect(`/stream?doc=${doc.id}`, 'https://evil.example')).status).toBe(403);
    for (const q of ['', '?doc=', '?doc=../doc-1', '?doc=doc-99', `?doc=${doc.id}&path=/etc/passwd`]) {
      expect((await connect(`/stream${q}`)).status, q).toBe(404);
    }
    expect(engines.live).toBe(0);
    service.closeDocument(doc.id);
  });

  it('streams a real trace as binary frames; malformed control frames are dropped', async () => {
    const doc = await service.openPath(fx.path);
    const { ws } = await connect(`/stream?doc=${doc.id}`);
    const store = new DocumentStore(doc.name);
    const finished = new Promise<void>((resolve) =>
      ws!.on('message', (data, isBinary) => {
        expect(isBinary).toBe(true);
        const buf = data as Buffer;
        const more = store.apply(decodeFrame(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer));
        if (!more) resolve();
      }),
    );
    ws!.send(Buffer.from([1, 2, 3])); // binary: not a control frame
    ws!.send('{"type":"credit","n":100000}');
    ws!.send('not json');
    ws!.send(JSON.stringify({ type: 'credit', n: 1, pad: 'x'.repeat(400) }));
    ws!.send(JSON.stringify({ type: 'credit', n: 64 }));
    await finished;
    const direct = expandSpans(await parseTrace(bytesSource(doc.name, new Uint8Array(readFileSync(fx.path)))));
    const model = store.getSnapshot().model!;
    expect(model.spans.count).toBe(direct.spans.count);
    expect(model.spans.endNs).toEqual(direct.spans.endNs);
    expect(model.goroutines.createdNs).toEqual(direct.goroutines.createdNs); // NaN survives the frames
    expect(store.getSnapshot().analysis).not.toBeNull();
    service.closeDocument(doc.id);
    await expect.poll(() => engines.live).toBe(0);
  });
});

describe('binary frame codec', () => {
  it('round-trips columns, NaN and ±Infinity, with columns 8-byte aligned views', () => {
    const msg: EngineMessage = {
      type: 'trace-chunk',
      chunk: {
        seq: 0, generation: 1, bytesRead: 10, bytesTotal: 20, events: 3, goroutinesSoFar: 2, stringsFrom: 0, newStrings: ['', 'main.main'], stacksFrom: 0, newStacks: [[], [{ func: 'main.main', file: 'm.go', line: 3 }]],
        spans: { count: 3, goroutineId: new Float64Array([1, 2, NaN]), startNs: new Float64Array([Infinity, -Infinity, 0]), state: new Uint8Array([1, 2, 3]), reason: new Uint32Array([0, 1, 2]), stack: new Uint32Array([1, 1, 0]), wakerId: new Float64Array([-1, -1, 5]), wakerStack: new Uint32Array([0, 1, 0]) },
        ended: { goroutineId: new Float64Array(0), endNs: new Float64Array(0) },
      },
    };
    const bytes = encodeFrame(msg);
    const back = decodeFrame(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(back).toEqual(msg);
    if (back.type !== 'trace-chunk') throw new Error('type');
    expect(back.chunk.spans.startNs.byteOffset % 8).toBe(0);
  });

  it('refuses frames whose header or columns overrun the buffer', () => {
    expect(() => decodeFrame(new ArrayBuffer(2))).toThrow(/shorter/);
    const bytes = encodeFrame({ type: 'progress', progress: { phase: 'read', bytesRead: 1, bytesTotal: 2, goroutinesSoFar: 0, generation: 0 } });
    new DataView(bytes.buffer).setUint32(0, 1e6, true);
    expect(() => decodeFrame(bytes.buffer as ArrayBuffer)).toThrow(/overruns/);
  });
});
