// The engine's worker_thread: one per document. Receives the file in workerData, streams
// EngineMessages to the parent (typed-array columns transferred, not copied) and takes
// EngineControl back. After the load the model is dropped (the renderer owns the data) and the
// idle thread waits until its document closes; the host then terminates it.
import { parentPort, workerData } from 'node:worker_threads';
import type { EngineMessage } from '../../contract';
import { CreditGate } from './credit-gate';
import { runEngine, toEngineError } from './engine-core';
import { validateControl } from './engine';
import { openFileSource } from './file-source';

export interface EngineWorkerData {
  path: string;
  name: string;
  /** Test hook: crash the worker after this many chunks (proves crash isolation). */
  crashAfterChunks?: number;
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('engine worker started outside a worker_thread');
  const data = workerData as EngineWorkerData;
  const abort = new AbortController();
  let chunks = 0;
  const gate = new CreditGate((msg: EngineMessage, transfer) => {
    port.postMessage(msg, transfer);
    if (msg.type === 'trace-chunk' && data.crashAfterChunks !== undefined && ++chunks >= data.crashAfterChunks) {
      process.exit(70);
    }
  });
  port.on('message', (raw: unknown) => {
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
    gate.send({ type: 'error', error: toEngineError(err, data.name) });
    return;
  }
  try {
    await runEngine(source, { gate, signal: abort.signal });
  } finally {
    await source.close();
  }
}

void main();
