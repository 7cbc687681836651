// preload/index.ts against a fake `electron`: one object exposed, named verbs on their own
// channels, errors as "code: message", listeners that unsubscribe, drops resolved to paths.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LeaklineBridge } from '../../contract';

type Listener = (...args: unknown[]) => void;
const fake = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invokes: [] as unknown[][],
  listeners: new Map<string, Set<Listener>>(),
  replies: new Map<string, unknown>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => void fake.exposed.set(k, v) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      fake.invokes.push([channel, ...args]);
      return fake.replies.get(channel) ?? { ok: true, result: null };
    },
    on: (c: string, l: Listener) => void (fake.listeners.get(c) ?? fake.listeners.set(c, new Set()).get(c))?.add(l),
    removeListener: (c: string, l: Listener) => void fake.listeners.get(c)?.delete(l),
  },
  webUtils: { getPathForFile: (f: { name: string }) => (f.name === 'virtual' ? '' : `/home/u/${f.name}`) },
}));

let api: LeaklineBridge;
beforeAll(async () => {
  await import('../../preload/index');
  api = fake.exposed.get('leakline') as LeaklineBridge;
});

describe('preload', () => {
  it('exposes exactly one object, window.leakline, of named verbs (no generic invoke/send/on)', () => {
    expect([...fake.exposed.keys()]).toEqual(['leakline']);
    const keys = Object.keys(api);
    expect(keys).toEqual(
      expect.arrayContaining(['getVersion', 'openFile', 'openPath', 'openDropped', 'closeDocument', 'listDocuments', 'listRecent', 'onProgress', 'onDocumentOpened', 'onDocumentClosed', 'onMenuCommand']),
    );
    for (const k of keys) expect(typeof (api as unknown as Record<string, unknown>)[k], k).toBe('function');
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'once', 'ipcRenderer', 'postMessage']) expect(keys).not.toContain(generic);
  });

  it('sends each verb on its own channel with its arguments', async () => {
    fake.invokes.length = 0;
    await api.getVersion();
    await api.openPath('/tmp/trace.out');
    await api.closeDocument('doc-3');
    expect(fake.invokes).toEqual([['leakline:getVersion'], ['leakline:openPath', '/tmp/trace.out'], ['leakline:closeDocument', 'doc-3']]);
  });

  it('turns an error envelope into a rejected "code: message"', async () => {
    fake.replies.set('leakline:openPath', { ok: false, error: { code: 'not-found', message: '/x: no such file' } });
    await expect(api.openPath('/x')).rejects.toThrow('not-found: /x: no such file');
  });

  it('opens a dropped file by its path, telling main it was dropped first; refuses one with no path', async () => {
    fake.replies.delete('leakline:openPath');
    fake.invokes.length = 0;
    await api.openDropped({ name: 'trace.out', size: 10 });
    expect(fake.invokes).toEqual([
      ['leakline:droppedPath', '/home/u/trace.out'],
      ['leakline:openPath', '/home/u/trace.out'],
    ]);
    fake.invokes.length = 0;
    await expect(api.openDropped({ name: 'virtual', size: 1 })).rejects.toThrow(/^not-a-file:/);
    expect(fake.invokes).toEqual([]);
    // Main refusing the grant stops the open.
    fake.replies.set('leakline:droppedPath', { ok: false, error: { code: 'forbidden', message: 'untrusted' } });
    await expect(api.openDropped({ name: 'trace.out', size: 10 })).rejects.toThrow('forbidden: untrusted');
    fake.replies.delete('leakline:droppedPath');
  });

  it('evidence files are granted one by one, then attached', async () => {
    fake.invokes.length = 0;
    await api.addEvidenceFiles('doc-1', [{ name: 'a.pb.gz', size: 1 }]);
    expect(fake.invokes).toEqual([
      ['leakline:huntState', 'doc-1'],
      ['leakline:droppedPath', '/home/u/a.pb.gz'],
      ['leakline:addEvidence', 'doc-1', '/home/u/a.pb.gz'],
    ]);
  });

  it('delivers events and unsubscribes', () => {
    const got: unknown[] = [];
    const off = api.onProgress((p) => got.push(p));
    const emit = (data: unknown) => fake.listeners.get('leakline:progress')?.forEach((l) => l({}, data));
    emit({ target: 'doc-1', phase: 'read', bytesDone: 1, bytesTotal: 2 });
    off();
    emit({ target: 'doc-1', phase: 'read', bytesDone: 2, bytesTotal: 2 });
    expect(got).toEqual([{ target: 'doc-1', phase: 'read', bytesDone: 1, bytesTotal: 2 }]);
    expect(fake.listeners.get('leakline:progress')?.size).toBe(0);
  });
});
