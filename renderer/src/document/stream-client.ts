// The renderer's one stream client, for both transports (Electron MessagePort, serve WebSocket):
// grants the credit window, applies each message to the document's store and acknowledges each
// chunk after it was applied, so the engine runs at most ENGINE_CREDIT_WINDOW chunks ahead.
import type { EngineStreamPort } from '../../../contract';
import { ENGINE_CREDIT_WINDOW } from '../../../contract';
import type { DocumentStore } from './document-store';

export interface StreamHandle {
  cancel(): void;
  /** Stops listening and closes the transport (the Node side then closes the engine). */
  close(): void;
}

export function attachStream(port: EngineStreamPort, store: DocumentStore, window = ENGINE_CREDIT_WINDOW): StreamHandle {
  let ended = false;
  const offs: (() => void)[] = [];
  const end = () => {
    ended = true;
    for (const off of offs) off();
  };
  offs.push(
    port.onMessage((msg) => {
      if (ended) return;
      let more: boolean;
      try {
        more = store.apply(msg);
      } catch (err) {
        store.fail({ code: 'internal', message: `bad engine message: ${err instanceof Error ? err.message : String(err)}`, offset: -1, offsetKind: 'byte', file: store.getSnapshot().file });
        port.send({ type: 'cancel' });
        end();
        return;
      }
      if (msg.type === 'trace-chunk') port.send({ type: 'credit', n: 1 });
      if (!more) end();
    }),
    port.onDisconnect(() => {
      if (ended) return;
      store.fail({ code: 'crashed', message: 'the connection to the engine was lost', offset: -1, offsetKind: 'byte', file: store.getSnapshot().file });
      end();
    }),
  );
  port.send({ type: 'credit', n: window });
  return {
    cancel: () => {
      if (!ended) port.send({ type: 'cancel' });
    },
    close: () => {
      end();
      port.close();
    },
  };
}
