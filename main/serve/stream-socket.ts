// Browser mode: one WebSocket per document stream (STREAM_PATH?doc=<id>). Engine messages go out
// as binary frames; the page sends credit and cancel as small JSON text frames. Closing the
// socket before the load ended cancels and closes the engine; a finished engine idles until its
// document is closed.
import type { WebSocket } from 'ws';
import type { DocumentId } from '../../contract';
import type { Engine } from '../engine/engine';
import { validateControl } from '../engine/engine';
import type { EngineRegistry } from '../engine/engine-registry';
import type { BridgeService } from '../service/bridge-service';
import { BridgeFault } from '../service/bridge-error';
import { validateDocumentId } from '../service/validate';
import { encodeFrame } from './stream-frames';

/** Control frames are `{"type":"credit","n":4}`: anything near this size is not one. */
export const MAX_CONTROL_BYTES = 256;

/** Resolves the document a stream URL names, or throws a BridgeFault (the upgrade is refused). */
export function streamTarget(url: URL, service: BridgeService): { id: DocumentId; path: string; name: string } {
  const id = validateDocumentId(url.searchParams.get('doc')) as DocumentId;
  if ([...url.searchParams.keys()].length !== 1) throw new BridgeFault('bad-request', 'unexpected stream parameters');
  const doc = service.getDocument(id);
  return { id, path: doc.path, name: doc.name };
}

export function attachStreamSocket(ws: WebSocket, engines: EngineRegistry, target: { id: DocumentId; path: string; name: string }, warn: (m: string) => void): Engine {
  // See attachBridge: a malformed frame must close this socket only, never the server.
  ws.on('error', (err) => warn(`stream socket for ${target.id} closed: ${err.message}`));
  const engine = engines.open(target);
  engine.start((msg) => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(encodeFrame(msg), { binary: true });
    if (msg.type === 'done' || msg.type === 'error') ws.close(1000, 'done');
  });
  ws.on('message', (data, isBinary) => {
    const raw = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
    let msg = null;
    if (!isBinary && raw.length <= MAX_CONTROL_BYTES) {
      try {
        msg = validateControl(JSON.parse(raw.toString('utf8')));
      } catch {
        msg = null;
      }
    }
    if (!msg) {
      warn(`dropped a malformed stream control frame for ${target.id}`);
      return;
    }
    engine.control(msg);
  });
  ws.on('close', () => {
    if (!engine.finished) void engines.close(target.id, engine);
  });
  return engine;
}
