// Browser mode: the same LeaklineBridge over the `leakline serve` WebSocket; files the user picks
// or drops are uploaded to that local server over HTTP.
import type {
  BridgeEventName,
  BridgeEvents,
  BridgeRequests,
  BridgeVerb,
  DocumentId,
  DocumentInfo,
  FileLike,
  HuntState,
  IpcEnvelope,
  LeaklineBridge,
  WsRequest,
  WsServerFrame,
} from '../../../contract';
import { UPLOAD_HEADER, UPLOAD_PATH, WS_PATH } from '../../../contract';
import { BridgeRequestError } from './errors';
import { pickFile, pickFiles } from './pick-file';
import { openWsStream } from './stream-ports';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Listener = (data: unknown) => void;

export function createWsBridge(origin: { host: string; protocol: string }): LeaklineBridge {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${origin.host}${WS_PATH}`);
  const opened = new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true });
    ws.addEventListener('error', () => reject(new BridgeRequestError('disconnected', 'cannot reach the Leakline server')), { once: true });
  });
  opened.catch(() => {}); // surfaced by the first call instead
  const pending = new Map<number, Pending>();
  const listeners = new Map<BridgeEventName, Set<Listener>>();
  let nextSeq = 1;
  let closed = false;

  ws.addEventListener('message', (ev) => {
    const frame = JSON.parse(String(ev.data)) as WsServerFrame;
    if (frame.kind === 'event') {
      for (const l of listeners.get(frame.event) ?? []) l(frame.data);
      return;
    }
    const p = pending.get(frame.seq);
    if (!p) return;
    pending.delete(frame.seq);
    if (frame.ok) p.resolve(frame.result);
    else p.reject(new BridgeRequestError(frame.error.code, frame.error.message));
  });
  ws.addEventListener('close', () => {
    closed = true;
    for (const p of pending.values()) p.reject(new BridgeRequestError('disconnected', 'the Leakline server closed the connection'));
    pending.clear();
  });

  async function call<V extends BridgeVerb>(verb: V, ...args: BridgeRequests[V]['args']): Promise<BridgeRequests[V]['result']> {
    await opened;
    if (closed) throw new BridgeRequestError('disconnected', 'the Leakline server closed the connection');
    const seq = nextSeq++;
    const req: WsRequest<V> = { kind: 'request', seq, verb, args };
    return new Promise((resolve, reject) => {
      pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      ws.send(JSON.stringify(req));
    });
  }

  function on<E extends BridgeEventName>(event: E, cb: (data: BridgeEvents[E]) => void): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    const l = cb as Listener;
    set.add(l);
    return () => set.delete(l);
  }

  function upload(file: FileLike): Promise<DocumentInfo> {
    return post<DocumentInfo>(file, '');
  }

  /** Evidence for a document: uploaded like a file, attached on the server instead of opened. */
  async function uploadEvidence(id: DocumentId, files: FileLike[]): Promise<HuntState> {
    let state = await call('huntState', id);
    for (const f of files) state = await post<HuntState>(f, `&evidenceFor=${encodeURIComponent(id)}`);
    return state;
  }

  async function post<T>(file: FileLike, extra: string): Promise<T> {
    const url = `${UPLOAD_PATH}?name=${encodeURIComponent(file.name)}${extra}`;
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { [UPLOAD_HEADER]: '1' }, body: file as File });
    } catch {
      throw new BridgeRequestError('disconnected', 'cannot reach the Leakline server');
    }
    const env = (await res.json()) as IpcEnvelope<T>;
    if (!env.ok) throw new BridgeRequestError(env.error.code, env.error.message);
    return env.result;
  }

  return {
    getVersion: () => call('getVersion'),
    openFile: async () => {
      const file = await pickFile();
      return file ? upload(file) : null;
    },
    openPath: (path) => call('openPath', path),
    openDropped: upload,
    closeDocument: (id) => call('closeDocument', id),
    listDocuments: () => call('listDocuments'),
    listRecent: () => call('listRecent'),
    engineStatus: () => call('engineStatus'),
    openStream: (id) => openWsStream(origin, id),
    loadProfile: (id) => call('loadProfile', id),
    compareDocuments: (ids, mode, autoOrder) => call('compareDocuments', ids, mode, autoOrder),
    flameDocuments: (ids, sampleIndex) => call('flameDocuments', ids, sampleIndex),
    openInEditor: (target) => call('openInEditor', target),
    getEditorSettings: () => call('getEditorSettings'),
    setEditorSettings: (settings) => call('setEditorSettings', settings),
    huntState: (id) => call('huntState', id),
    analyzeDocument: (id) => call('analyzeDocument', id),
    addEvidenceFiles: uploadEvidence,
    pickEvidence: async (id) => {
      // Several at once: a process's snapshots are usually picked together.
      const files = await pickFiles();
      return files.length > 0 ? uploadEvidence(id, files) : call('huntState', id);
    },
    removeEvidence: (id, path) => call('removeEvidence', id, path),
    setProjectFolder: (id, folder) => call('setProjectFolder', id, folder),
    pickProjectFolder: () => Promise.reject(new BridgeRequestError('bad-request', 'No folder dialog in browser mode: type the folder path instead')),
    setIgnoreRules: (id, rules) => call('setIgnoreRules', id, rules),
    exportReport: (req) => call('exportReport', req),
    saveReport: () => Promise.reject(new BridgeRequestError('bad-request', 'No save dialog in browser mode: the report downloads instead')),
    onProgress: (cb) => on('progress', cb),
    onDocumentOpened: (cb) => on('documentOpened', cb),
    onDocumentClosed: (cb) => on('documentClosed', cb),
    onCompareRequested: (cb) => on('compareRequested', cb),
    onMenuCommand: (cb) => on('menuCommand', cb),
  };
}
