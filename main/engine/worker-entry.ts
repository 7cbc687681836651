// The engine's worker_thread: one per document. Receives the file in workerData, streams
// EngineMessages to the parent (typed-array columns transferred, not copied) and takes
// EngineControl back. After the load it keeps the model as the document's session and answers
// SessionCalls (contract/session.ts) on the same port until its document closes; the host then
// terminates it, which frees the model and every parsed evidence file at once.
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineMessage, SessionAnswer, SessionCall } from '../../contract';
import { CreditGate } from './credit-gate';
import { runEngine, toEngineError } from './engine-core';
import { validateControl } from './engine';
import { openFileSource } from './file-source';
import { DocumentSession, sessionFailure } from './session-core';

export interface EngineWorkerData {
  path: string;
  name: string;
  /** false: nobody views the load (a session request came first): no chunks are sent. */
  stream?: boolean;
  /**
   * Set to 1 by the host on cancel. Shared memory, because the parser checks it inside
   * synchronous loops where this worker's message handler cannot run: parsing stops within
   * milliseconds of the click instead of at the end of the generation (seconds on big traces).
   */
  cancelFlag?: Int32Array;
  /** Test hook: crash the worker after this many chunks (proves crash isolation). */
  crashAfterChunks?: number;
}

function isSessionCall(raw: unknown): raw is SessionCall {
  const m = raw as { type?: unknown; id?: unknown; request?: { kind?: unknown } } | null;
  return !!m && m.type === 'request' && Number.isSafeInteger(m.id) && typeof m.request?.kind === 'string';
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('engine worker started outside a worker_thread');
  const data = workerData as EngineWorkerData;
  const abort = new AbortController();
  const flag = data.cancelFlag;
  const signal = {
    get aborted() {
      return abort.signal.aborted || (flag !== undefined && Atomics.load(flag, 0) === 1);
    },
  };
  const session = new DocumentSession(data.name, (path, name) => openFileSource(path, name));
  let chunks = 0;
  const gate = new CreditGate((msg: EngineMessage, transfer) => {
    port.postMessage(msg, transfer);
    if (msg.type === 'trace-chunk' && data.crashAfterChunks !== undefined && ++chunks >= data.crashAfterChunks) {
      process.exit(70);
    }
  });
  port.on('message', (raw: unknown) => {
    if (isSessionCall(raw)) {
      session.handle(raw.request).then(
        (value) => port.postMessage({ type: 'reply', id: raw.id, ok: true, value } satisfies SessionAnswer),
        (err: unknown) => port.postMessage({ type: 'reply', id: raw.id, ok: false, failure: sessionFailure(err, data.name) } satisfies SessionAnswer),
      );
      return;
    }
    const msg = validateControl(raw);
    if (!msg) return;
    if (msg.type === 'credit') gate.grant(msg.n);
    else {
      abort.abort();
      gate.cancel();
    }
  });
  let source;
  try {
    source = await openFileSource(data.path, data.name);
  } catch (err) {
    session.failed(err);
    gate.send({ type: 'error', error: toEngineError(err, data.name) });
    return;
  }
  try {
    await runEngine(source, { gate, signal, stream: data.stream ?? true, session });
  } finally {
    await source.close();
  }
}

void main();
