// IPC handlers driven without Electron: a fake ipcMain records handlers, fake events carry the
// sender frame URL. The service behind them is the real one, opening real traces. Paths must
// have been granted (a dialog, a drop, argv, the recent list: main/app/path-grants.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { IpcEnvelope } from '../../contract';
import { DROPPED_PATH_CHANNEL } from '../../contract';
import { channelOf, registerIpcHandlers, type InvokeEventLike, type IpcMainLike } from '../../main/app/ipc';
import { PathGrants } from '../../main/app/path-grants';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { BRIDGE_VERBS } from '../../main/service/validate';
import { realworldTraces } from '../support/corpus';

const RENDERER = { url: 'app://leakline/index.html' };
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
let recent: ReturnType<typeof memoryRecentStore>;
let grants: PathGrants;

/** What the preload does for a file dropped on the window before opening it by path. */
const drop = (path: string) => ipc.invoke(DROPPED_PATH_CHANNEL, trusted, path);

beforeEach(() => {
  ipc = new FakeIpcMain();
  recent = memoryRecentStore();
  service = new BridgeService({
    appInfo: { name: 'Leakline', version: '9.9.9', mode: 'electron', versions: {} },
    recent,
    pickFile: async () => null,
  });
  calls = [];
  const spy = { handle: (verb: never, args: unknown) => (calls.push(verb), service.handle(verb, args)) };
  warnings = [];
  grants = new PathGrants(() => recent.list());
  registerIpcHandlers({ ipcMain: ipc, service: spy, renderer: RENDERER, warn: (m) => warnings.push(m), grants });
});

describe('registerIpcHandlers', () => {
  it('registers one namespaced channel per verb (and the drop channel) and removes them all', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual([...BRIDGE_VERBS.map((v) => `leakline:${v}`), DROPPED_PATH_CHANNEL].sort());
    const ipc2 = new FakeIpcMain();
    const off = registerIpcHandlers({ ipcMain: ipc2, service, renderer: RENDERER, grants: new PathGrants() });
    off();
    expect(ipc2.handlers.size).toBe(0);
  });

  it('opens real dropped traces and reports their recorded sizes', async () => {
    const traces = (realworldTraces()).slice(0, 4);
    for (const t of traces) {
      expect(await drop(t.path)).toEqual({ ok: true, result: null });
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
    grants.grantFile(missing);
    grants.grantFile(dir);
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
    await drop(t.path);
    const events: string[] = [];
    service.subscribe((e, d: unknown) => events.push(`${e}:${typeof d === 'string' ? d : (d as { id: string }).id}`));
    const env = await ipc.invoke(channelOf('openPath'), trusted, t.path);
    const id = env.ok ? (env.result as { id: string }).id : '';
    expect(await ipc.invoke(channelOf('closeDocument'), trusted, id)).toEqual({ ok: true, result: undefined });
    expect(events).toEqual([`documentOpened:${id}`, `documentClosed:${id}`]);
  });
});

describe('paths from the renderer must have been granted', () => {
  it('a path never chosen by the user is refused before the service sees it', async () => {
    const [t] = realworldTraces();
    expect(await ipc.invoke(channelOf('openPath'), trusted, t.path)).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Leakline opens only files chosen in Open…, dropped on the window, named on the command line or in Open Recent' },
    });
    expect(calls).toEqual([]);
    expect(warnings.join('\n')).toContain(`openPath: ${t.path} was not chosen in a dialog`);
  });

  it('the recent list and drops grant files; an untrusted page cannot grant', async () => {
    const [a, b, c] = realworldTraces();
    recent.add(a.path, 1);
    expect(await ipc.invoke(channelOf('openPath'), trusted, a.path)).toMatchObject({ ok: true });
    expect(await ipc.invoke(DROPPED_PATH_CHANNEL, { senderFrame: { url: 'https://evil.example/' } }, b.path)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ipc.invoke(DROPPED_PATH_CHANNEL, trusted, 'relative/path')).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await ipc.invoke(channelOf('openPath'), trusted, b.path)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await drop(c.path);
    expect(await ipc.invoke(channelOf('openPath'), trusted, c.path)).toMatchObject({ ok: true });
  });

  it('addEvidence and setProjectFolder: only granted files, folders picked or of granted files', async () => {
    const [a, b] = realworldTraces();
    await drop(a.path);
    const doc = await ipc.invoke(channelOf('openPath'), trusted, a.path);
    const id = doc.ok ? (doc.result as { id: string }).id : '';
    expect(await ipc.invoke(channelOf('addEvidence'), trusted, id, b.path)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const elsewhere = mkdtempSync(join(tmpdir(), 'leakline-folder-'));
    expect(await ipc.invoke(channelOf('setProjectFolder'), trusted, id, elsewhere)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ipc.invoke(channelOf('setProjectFolder'), trusted, id, '/etc')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The dropped file's own folder, and a folder picked in the dialog, are allowed.
    expect(await ipc.invoke(channelOf('setProjectFolder'), trusted, id, join(a.path, '..'))).toMatchObject({ ok: true });
    grants.grantFolder(elsewhere);
    expect(await ipc.invoke(channelOf('setProjectFolder'), trusted, id, elsewhere)).toMatchObject({ ok: true, result: { projectFolder: elsewhere } });
  });

  it('pickProjectFolder: the folder chosen in the dialog becomes the project folder', async () => {
    const [a] = realworldTraces();
    const picked = mkdtempSync(join(tmpdir(), 'leakline-picked-'));
    const ipc2 = new FakeIpcMain();
    const s = new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'electron', versions: {} }, recent: memoryRecentStore(), pickFolder: async () => picked });
    registerIpcHandlers({ ipcMain: ipc2, service: s, renderer: RENDERER, grants: new PathGrants() });
    const doc = await s.openPath(a.path);
    expect(await ipc2.invoke(channelOf('pickProjectFolder'), trusted, doc.id)).toMatchObject({ ok: true, result: { projectFolder: picked } });
    // Without a dialog (browser mode's service) the verb is refused.
    expect(await ipc.invoke(channelOf('pickProjectFolder'), trusted, 'doc-1')).toMatchObject({ ok: false });
  });
});
