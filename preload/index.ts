// Adapter only: exposes the typed bridge (contract/) as window.leakline. Runs sandboxed, so the
// only imports are electron's renderer-side modules and contract types/constants.
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type {
  BridgeEventName,
  BridgeEvents,
  BridgeRequests,
  BridgeVerb,
  FileLike,
  IpcEnvelope,
  PreloadApi,
  StreamPortMessage,
} from '../contract';
import { DROPPED_PATH_CHANNEL, IPC_PREFIX } from '../contract';

async function call<V extends BridgeVerb>(verb: V, ...args: BridgeRequests[V]['args']): Promise<BridgeRequests[V]['result']> {
  const env = (await ipcRenderer.invoke(IPC_PREFIX + verb, ...args)) as IpcEnvelope<BridgeRequests[V]['result']>;
  if (env.ok) return env.result;
  // Only the message survives contextBridge on an Error; the code rides in it as "code: message".
  throw new Error(`${env.error.code}: ${env.error.message}`);
}

function listen<E extends BridgeEventName>(event: E, cb: (data: BridgeEvents[E]) => void): () => void {
  const channel = IPC_PREFIX + event;
  const handler = (_e: IpcRendererEvent, data: BridgeEvents[E]) => cb(data);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

/**
 * The path of a File the user dropped or picked, after telling main it may be opened
 * (main/app/path-grants.ts). getPathForFile gives '' for a File the page made up itself.
 */
async function droppedPath(file: FileLike): Promise<string> {
  // FileLike is the DOM File the renderer dropped; the contract names no DOM type.
  const path = webUtils.getPathForFile(file as File);
  if (!path) throw new Error('not-a-file: Dropped item is not a file on disk');
  const env = (await ipcRenderer.invoke(DROPPED_PATH_CHANNEL, path)) as IpcEnvelope<null>;
  if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  return path;
}

// The page's window, typed structurally: this file is also compiled without the DOM lib (tests).
const page = globalThis as unknown as { postMessage(message: unknown, targetOrigin: string, transfer: unknown[]): void };

// main posts a document's stream port here; a MessagePort cannot cross contextBridge, so it is
// forwarded to the page with window.postMessage (renderer/src/bridge/stream-ports.ts takes it).
ipcRenderer.on(IPC_PREFIX + 'stream', (e: IpcRendererEvent, data: unknown) => {
  const id = (data as Partial<StreamPortMessage> | null)?.leaklineStream;
  if (typeof id !== 'string' || e.ports.length !== 1) return;
  const msg: StreamPortMessage = { leaklineStream: id };
  // '*': the target is this very window (app://leakline, or the dev server in development).
  page.postMessage(msg, '*', [...e.ports]);
});

const bridge: PreloadApi = {
  getVersion: () => call('getVersion'),
  openFile: () => call('openFile'),
  openPath: (path) => call('openPath', path),
  openDropped: async (file: FileLike) => call('openPath', await droppedPath(file)),
  closeDocument: (id) => call('closeDocument', id),
  listDocuments: () => call('listDocuments'),
  listRecent: () => call('listRecent'),
  engineStatus: () => call('engineStatus'),
  requestStream: async (id) => {
    const env = (await ipcRenderer.invoke(IPC_PREFIX + 'requestStream', id)) as IpcEnvelope<null>;
    if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
  },
  loadProfile: (id) => call('loadProfile', id),
  compareDocuments: (ids, mode, autoOrder) => call('compareDocuments', ids, mode, autoOrder),
  flameDocuments: (ids, sampleIndex) => call('flameDocuments', ids, sampleIndex),
  openInEditor: (target) => call('openInEditor', target),
  getEditorSettings: () => call('getEditorSettings'),
  setEditorSettings: (settings) => call('setEditorSettings', settings),
  huntState: (id) => call('huntState', id),
  analyzeDocument: (id) => call('analyzeDocument', id),
  addEvidenceFiles: async (id, files: FileLike[]) => {
    let state = await call('huntState', id);
    for (const f of files) state = await call('addEvidence', id, await droppedPath(f));
    return state;
  },
  pickEvidence: (id) => call('pickEvidence', id),
  removeEvidence: (id, path) => call('removeEvidence', id, path),
  setProjectFolder: (id, folder) => call('setProjectFolder', id, folder),
  pickProjectFolder: (id) => call('pickProjectFolder', id),
  setIgnoreRules: (id, rules) => call('setIgnoreRules', id, rules),
  exportReport: (req) => call('exportReport', req),
  saveReport: (req) => call('saveReport', req),
  onProgress: (cb) => listen('progress', cb),
  onDocumentOpened: (cb) => listen('documentOpened', cb),
  onDocumentClosed: (cb) => listen('documentClosed', cb),
  onCompareRequested: (cb) => listen('compareRequested', cb),
  onMenuCommand: (cb) => listen('menuCommand', cb),
};

contextBridge.exposeInMainWorld('leakline', bridge);
