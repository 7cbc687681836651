// One WebSocket connection of browser mode: request frames in, response and event frames out.
import type { WebSocket } from 'ws';
import type { BridgeVerb, WsRequest, WsServerFrame } from '../../contract';
import { BridgeFault, toBridgeError } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { isBridgeVerb } from '../service/validate';

/** Requests are tiny (a path at most, 32,767 chars); 1 MiB leaves room and bounds memory. */
export const MAX_FRAME_BYTES = 1 << 20;

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new BridgeFault('bad-request', 'frame is not JSON');
  }
}

/** The request's seq when it has a usable one, so even a refused request gets its answer. */
function seqOf(msg: unknown): number {
  const seq = (msg as { seq?: unknown } | null)?.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) ? seq : -1;
}

function parseRequest(msg: unknown): WsRequest {
  const m = msg as Partial<WsRequest> | null;
  if (!m || m.kind !== 'request') throw new BridgeFault('bad-request', 'not a request frame');
  if (!Number.isSafeInteger(m.seq)) throw new BridgeFault('bad-request', 'seq must be an integer');
  if (!isBridgeVerb(m.verb)) throw new BridgeFault('bad-request', `unknown verb ${String(m.verb)}`);
  // openFile needs a native dialog; the browser client uploads instead, so it is not offered here.
  if (m.verb === 'openFile') throw new BridgeFault('bad-request', 'openFile is not available in browser mode');
  // Native dialogs again: the browser uploads evidence and downloads reports.
  if (m.verb === 'pickEvidence' || m.verb === 'saveReport' || m.verb === 'pickProjectFolder') throw new BridgeFault('bad-request', `${m.verb} is not available in browser mode`);
  return m as WsRequest;
}

export function attachBridge(ws: WebSocket, service: BridgeService, warn: (m: string) => void = () => {}): void {
  // ws reports a malformed frame (bad UTF-8, reserved bits, a length over the limit, an invalid
  // close code) as an 'error' event and then closes the connection with the matching status
  // code. Without a listener that event is thrown and takes the whole server down.
  ws.on('error', (err) => warn(`bridge socket closed: ${err.message}`));
  const send = (frame: WsServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = service.subscribe((event, data) => send({ kind: 'event', event, data }));
  ws.on('close', unsubscribe);
  ws.on('message', (data, isBinary) => {
    let seq = -1;
    void (async () => {
      try {
        if (isBinary) throw new BridgeFault('bad-request', 'binary frames are not accepted');
        const msg = parseJson(data.toString());
        seq = seqOf(msg);
        const req = parseRequest(msg);
        const result = await service.handle(req.verb as BridgeVerb, req.args);
        send({ kind: 'response', seq, ok: true, result: result ?? null });
      } catch (err) {
        send({ kind: 'response', seq, ok: false, error: toBridgeError(err) });
      }
    })();
  });
}
