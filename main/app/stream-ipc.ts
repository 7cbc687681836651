// Electron: the `requestStream` verb. Checks the sender and the document id, starts the
// document's engine and hands the renderer one end of a MessageChannelMain; the engine's
// messages flow through it and credit/cancel come back. Written against minimal shapes of
// ipcMain, WebContents and MessagePortMain so vitest drives it without Electron.
import type { DocumentId, IpcEnvelope } from '../../contract';
import { IPC_PREFIX } from '../../contract';
import { validateControl } from '../engine/engine';
import type { EngineRegistry } from '../engine/engine-registry';
import { BridgeFault, toBridgeError } from '../service/bridge-error';
import type { BridgeService } from '../service/bridge-service';
import { validateDocumentId } from '../service/validate';
import { isTrustedRendererUrl, type RendererLocation } from './trust';

export const REQUEST_STREAM_CHANNEL = `${IPC_PREFIX}requestStream`;
/** main → preload: carries the port; the preload forwards it to the page. */
export const STREAM_PORT_CHANNEL = `${IPC_PREFIX}stream`;

export interface PortMainLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  start(): void;
  close(): void;
}

export interface StreamInvokeEvent {
  senderFrame: { url: string } | null;
  sender: { postMessage(channel: string, message: unknown, transfer?: unknown[]): void };
}

export interface StreamIpcDeps {
  ipcMain: {
    handle(channel: string, listener: (event: StreamInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
    removeHandler(channel: string): void;
  };
  service: Pick<BridgeService, 'getDocument'>;
  engines: EngineRegistry;
  renderer: RendererLocation;
  /** new MessageChannelMain() in Electron. */
  createChannel: () => { port1: PortMainLike; port2: unknown };
  warn?: (message: string) => void;
}

export function registerStreamHandler(deps: StreamIpcDeps): () => void {
  const warn = deps.warn ?? (() => {});
  deps.ipcMain.handle(REQUEST_STREAM_CHANNEL, async (event, ...args): Promise<IpcEnvelope<null>> => {
    const url = event.senderFrame?.url;
    if (!isTrustedRendererUrl(url, deps.renderer)) {
      warn(`refused requestStream from untrusted sender ${url ?? '(no frame)'}`);
      return { ok: false, error: { code: 'forbidden', message: 'Request from an untrusted page' } };
    }
    try {
      if (args.length !== 1) throw new BridgeFault('bad-request', 'requestStream takes one argument');
      const id = validateDocumentId(args[0]) as DocumentId;
      const doc = deps.service.getDocument(id);
      const engine = deps.engines.open({ id, path: doc.path, name: doc.name });
      const { port1, port2 } = deps.createChannel();
      port1.on('message', (e) => {
        const msg = validateControl(e.data);
        if (msg) engine.control(msg);
        else warn(`dropped a malformed stream control message for ${id}`);
      });
      port1.on('close', () => {
        if (!engine.finished) void deps.engines.close(id, engine);
      });
      port1.start();
      engine.start((msg) => port1.postMessage(msg));
      event.sender.postMessage(STREAM_PORT_CHANNEL, { leaklineStream: id }, [port2]);
      return { ok: true, result: null };
    } catch (err) {
      if (!(err instanceof BridgeFault)) warn(`requestStream failed: ${String(err)}`);
      return { ok: false, error: toBridgeError(err) };
    }
  });
  return () => deps.ipcMain.removeHandler(REQUEST_STREAM_CHANNEL);
}
