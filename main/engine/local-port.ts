// An EngineStreamPort wired straight to an Engine on this thread: tests and in-process hosting.
// Delivery is asynchronous (a macrotask per message), as a MessagePort's is, so the consumer's
// acknowledgements interleave with the engine's work the same way they do across threads.
import type { EngineControl, EngineMessage, EngineStreamPort } from '../../contract';
import type { Engine } from './engine';

export function connectLocal(engine: Engine, opts: { structuredClone?: boolean } = {}): EngineStreamPort {
  const listeners = new Set<(m: EngineMessage) => void>();
  const disconnects = new Set<() => void>();
  let closed = false;
  engine.start((msg) => {
    const m = opts.structuredClone ? structuredClone(msg) : msg;
    setImmediate(() => {
      if (!closed) for (const l of listeners) l(m);
    });
  });
  return {
    send: (msg: EngineControl) => {
      if (!closed) engine.control(msg);
    },
    onMessage: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    onDisconnect: (cb) => {
      disconnects.add(cb);
      return () => disconnects.delete(cb);
    },
    close: () => {
      closed = true;
      void engine.close();
    },
  };
}
