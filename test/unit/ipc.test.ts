// IPC handlers driven without Electron: a fake ipcMain records handlers, fake events carry the
// sender frame URL. The service behind them is the real one, opening real traces.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../contract';
import { channelOf, registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../main/app/ipc';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { BRIDGE_VERBS } from '../../main/service/validate';
import { realworldTraces } from '../support/corpus';

const RENDERER = { url: 'file:///app/out/renderer/index.html' };
const trusted: InvokeEventLike = { senderFrame: { url: RENDERER.url } };

class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`); // Electron throws too
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]) {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return h(event, ...args) as Promise<IpcEnvelope<unknown>>;
  }
}

let ipc: FakeIpcMain;
let service: BridgeService;
let calls: string[];
let warnings: string[];

beforeEach(() => {
  ipc = new FakeIpcMain();
  service = new BridgeService({
    appInfo: { name: 'Leakline', version: '9.9.9', mode: 'electron', versions: {} },
    recent: memoryRecentStore(),
    pickFile: async () => null,
  });
  calls = [];
  const spy = { handle: (verb: never, args: unknown) => (calls.push(verb), service.handle(verb, args)) };
  warnings = [];
  registerIpcHandlers({ ipcMain: ipc, service: spy, renderer: RENDERER, warn: (m) => warnings.push(m) });
});

describe('registerIpcHandlers', () => {
  it('registers one namespaced channel per verb and removes them all', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(BRIDGE_VERBS.map((v) => `leakline:${v}`).sort());
    const ipc2 = new FakeIpcMain();
    const off = registerIpcHandlers({ ipcMain: ipc2, service, renderer: RENDERER });
    off();
    expect(ipc2.handlers.size).toBe(0);
  });

  it('opens real traces and reports their recorded sizes', async () => {
    const traces = (realworldTraces()).slice(0, 4);
    for (const t of traces) {
      const env = await ipc.invoke(channelOf('openPath'), trusted, t.path);
      expect(env).toMatchObject({ ok: true, result: { name: t.file, path: t.path, sizeBytes: t.size } });
    }
    const list = await ipc.invoke(channelOf('listDocuments'), trusted);
    expect(list.ok && (list.result as unknown[]).length).toBe(traces.length);
    const recent = await ipc.invoke(channelOf('listRecent'), trusted);
    expect(recent.ok && (recent.result as { path: string }[]).map((r) => r.path)).toEqual(traces.map((t) => t.path).reverse());
  });

  it('refuses senders that are not the renderer page, before touching the service', async () => {
    const [t] = realworldTraces();
    for (const event of [{ senderFrame: null }, { senderFrame: { url: 'file:///tmp/evil.html' } }, { senderFrame: { url: 'https://evil.example/' } }]) {
      const env = await ipc.invoke(channelOf('openPath'), event, t.path);
      expect(env).toEqual({ ok: false, error: { code: 'forbidden', message: 'Request from an untrusted page' } });
    }
    expect(calls).toEqual([]);
    expect(warnings).toHaveLength(3);
    expect(service.listDocuments()).toEqual([]);
  });

  it('rejects malformed payloads with bad-request, before touching the service', async () => {
    const bad: [string, unknown[]][] = [
      ['openPath', []],
      ['openPath', [42]],
      ['openPath', [{ path: '/etc/hosts' }]],
      ['openPath', ['relative/trace.out']],
      ['openPath', ['/tmp/a\0b']],
      ['openPath', ['/' + 'a'.repeat(40_000)]],
      ['openPath', ['/etc/hosts', 'extra']],
      ['closeDocument', ['../../etc']],
      ['closeDocument', [7]],
      ['getVersion', ['unexpected']],
      ['listRecent', [null]],
    ];
    for (const [verb, args] of bad) {
      const env = await ipc.invoke(channelOf(verb), trusted, ...args);
      expect(env.ok, `${verb}(${JSON.stringify(args).slice(0, 40)})`).toBe(false);
      expect(!env.ok && env.error.code).toBe('bad-request');
    }
    expect(calls).toEqual([]);
  });

  it('maps file-system failures to codes naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakline-ipc-'));
    const missing = join(dir, 'nope.trace');
    expect(await ipc.invoke(channelOf('openPath'), trusted, missing)).toEqual({
      ok: false,
      error: { code: 'not-found', message: `${missing}: no such file` },
    });
    expect(await ipc.invoke(channelOf('openPath'), trusted, dir)).toEqual({
      ok: false,
      error: { code: 'not-a-file', message: `${dir}: not a regular file` },
    });
    expect(await ipc.invoke(channelOf('closeDocument'), trusted, 'doc-999')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('answers getVersion and a cancelled openFile', async () => {
    expect(await ipc.invoke(channelOf('getVersion'), trusted)).toMatchObject({ ok: true, result: { version: '9.9.9', mode: 'electron' } });
    expect(await ipc.invoke(channelOf('openFile'), trusted)).toEqual({ ok: true, result: null });
  });

  it('emits documentOpened and documentClosed events', async () => {
    const [t] = realworldTraces();
    const events: string[] = [];
    service.subscribe((e, d: unknown) => events.push(`${e}:${typeof d === 'string' ? d : (d as { id: string }).id}`));
    const env = await ipc.invoke(channelOf('openPath'), trusted, t.path);
    const id = env.ok ? (env.result as { id: string }).id : '';
    expect(await ipc.invoke(channelOf('closeDocument'), trusted, id)).toEqual({ ok: true, result: undefined });
    expect(events).toEqual([`documentOpened:${id}`, `documentClosed:${id}`]);
  });
});
