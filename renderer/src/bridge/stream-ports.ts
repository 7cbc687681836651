// The two transports of a document stream, both as an EngineStreamPort, so the one stream client
// (document/stream-client.ts) serves Electron and the browser alike.
import type { DocumentId, EngineControl, EngineMessage, EngineStreamPort, PreloadApi, StreamPortMessage } from '../../../contract';
import { STREAM_PATH } from '../../../contract';
import { decodeFrame } from '../document/frame-decode';
import { BridgeRequestError } from './errors';

function fanout() {
  const messages = new Set<(m: EngineMessage) => void>();
  const disconnects = new Set<() => void>();
  const early: EngineMessage[] = [];
  return {
    emit(m: EngineMessage) {
      if (messages.size === 0) early.push(m);
      for (const l of messages) l(m);
    },
    disconnect() {
      for (const l of disconnects) l();
    },
    onMessage(cb: (m: EngineMessage) => void) {
      messages.add(cb);
      // Whatever arrived before anyone listened (nothing normally) is not lost.
      for (const m of early.splice(0)) cb(m);
      return () => void messages.delete(cb);
    },
    onDisconnect(cb: () => void) {
      disconnects.add(cb);
      return () => void disconnects.delete(cb);
    },
  };
}

/** Browser mode: the document's own WebSocket; chunks arrive as binary frames. */
export function openWsStream(origin: { host: string; protocol: string }, id: DocumentId): Promise<EngineStreamPort> {
  const scheme = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = new WebSocket(`${scheme}//${origin.host}${STREAM_PATH}?doc=${encodeURIComponent(id)}`);
  ws.binaryType = 'arraybuffer';
  const f = fanout();
  let failed = false;
  ws.addEventListener('message', (ev) => {
    if (!(ev.data instanceof ArrayBuffer)) return;
    let msg: EngineMessage;
    try {
      msg = decodeFrame(ev.data);
    } catch (err) {
      failed = true;
      f.emit({ type: 'error', error: { code: 'internal', message: `unreadable stream frame: ${String(err)}`, offset: -1, offsetKind: 'byte', file: id } });
      ws.close();
      return;
    }
    f.emit(msg);
  });
  ws.addEventListener('close', () => {
    if (!failed) f.disconnect();
  });
  const port: EngineStreamPort = {
    send: (msg: EngineControl) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(msg));
    },
    onMessage: f.onMessage,
    onDisconnect: f.onDisconnect,
    close: () => ws.close(),
  };
  return new Promise((resolve, reject) => {
    ws.addEventListener('open', () => resolve(port), { once: true });
    ws.addEventListener('error', () => reject(new BridgeRequestError('not-found', `cannot stream document ${id}`)), { once: true });
  });
}

/** Electron: main posts a MessagePort; the preload forwards it with window.postMessage. */
function portStream(p: MessagePort): EngineStreamPort {
  const f = fanout();
  p.onmessage = (ev: MessageEvent<EngineMessage>) => f.emit(ev.data);
  // Chromium fires 'close' when the other end (main) is gone; main also sends `error: crashed`.
  p.addEventListener('close', () => f.disconnect());
  p.start();
  return {
    send: (msg) => p.postMessage(msg),
    onMessage: f.onMessage,
    onDisconnect: f.onDisconnect,
    close: () => p.close(),
  };
}

export function openElectronStream(api: PreloadApi, id: DocumentId): Promise<EngineStreamPort> {
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent) => {
      const data = e.data as Partial<StreamPortMessage> | null;
      // Only the preload (same window) posts these; other windows and frames are ignored.
      if (e.source !== window || !data || data.leaklineStream !== id || e.ports.length !== 1) return;
      window.removeEventListener('message', onMessage);
      resolve(portStream(e.ports[0]));
    };
    window.addEventListener('message', onMessage);
    api.requestStream(id).catch((err: unknown) => {
      window.removeEventListener('message', onMessage);
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}
