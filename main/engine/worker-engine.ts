// Hosts an engine in a worker_thread. A worker that exits or throws before its last message
// becomes an `error: crashed` for this document only; close() terminates the thread, which frees
// its whole heap at once (the parser's paged columns, the model, the analysis). Session requests
// go to the worker on the same port and their replies come back there, matched by id.
import { Worker } from 'node:worker_threads';
import type { EngineControl, EngineMessage, SessionAnswer, SessionReply, SessionRequest, SessionRequestKind } from '../../contract';
import type { Engine, EngineListener, EngineStartOptions } from './engine';
import { SessionError } from './session-core';
import type { EngineWorkerData } from './worker-entry';

export interface WorkerEngineOptions extends EngineWorkerData {
  /** Built worker script (out/main/engine-worker.js, out/cli/engine-worker.js). */
  workerFile: string;
  /** Called once the thread is gone, whatever the reason (the registry counts live engines). */
  onExit?: () => void;
}

export class WorkerEngine implements Engine {
  private worker: Worker | null = null;
  private listener: EngineListener | null = null;
  finished = false;
  private exited: Promise<void> = Promise.resolve();
  private nextCall = 1;
  /** Shared with the worker: 1 once cancelled (see EngineWorkerData.cancelFlag). */
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private readonly calls = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();

  constructor(private readonly opts: WorkerEngineOptions) {}

  get alive(): boolean {
    return this.worker !== null;
  }

  start(listener: EngineListener, options: EngineStartOptions = {}): void {
    if (this.worker) throw new Error('engine already started');
    this.listener = listener;
    const { workerFile, onExit: _onExit, ...data } = this.opts;
    void _onExit;
    const worker = new Worker(workerFile, { workerData: { ...data, stream: options.stream ?? true, cancelFlag: this.cancelFlag }, name: `engine ${data.name}` });
    this.worker = worker;
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        this.worker = null;
        if (!this.finished) this.crash(`the engine stopped unexpectedly (exit code ${code})`);
        this.failCalls(`${this.opts.name}: the engine stopped (exit code ${code})`);
        this.opts.onExit?.();
        resolve();
      });
    });
    worker.on('message', (msg: EngineMessage | SessionAnswer) => (msg.type === 'reply' ? this.answer(msg) : this.deliver(msg)));
    worker.on('error', (err) => this.crash(`the engine failed: ${err.message}`));
  }

  private deliver(msg: EngineMessage): void {
    if (this.finished) return;
    if (msg.type === 'done' || msg.type === 'error') this.finished = true;
    this.listener?.(msg);
  }

  private crash(message: string): void {
    this.deliver({ type: 'error', error: { code: 'crashed', message, offset: -1, offsetKind: 'byte', file: this.opts.name } });
  }

  request<K extends SessionRequestKind>(req: SessionRequest<K>): Promise<SessionReply<K>> {
    const w = this.worker;
    if (!w) return Promise.reject(new SessionError({ kind: 'closed', message: `${this.opts.name}: no engine is running` }));
    const id = this.nextCall++;
    return new Promise<SessionReply<K>>((resolve, reject) => {
      this.calls.set(id, { resolve: resolve as (v: unknown) => void, reject });
      w.postMessage({ type: 'request', id, request: req });
    });
  }

  private answer(a: SessionAnswer): void {
    const call = this.calls.get(a.id);
    if (!call) return;
    this.calls.delete(a.id);
    if (a.ok) call.resolve(a.value);
    else call.reject(new SessionError(a.failure));
  }

  private failCalls(message: string): void {
    for (const c of this.calls.values()) c.reject(new SessionError({ kind: 'closed', message }));
    this.calls.clear();
  }

  control(msg: EngineControl): void {
    if (msg.type === 'cancel') Atomics.store(this.cancelFlag, 0, 1);
    this.worker?.postMessage(msg);
  }

  async close(): Promise<void> {
    this.finished = true;
    const w = this.worker;
    if (w) await w.terminate();
    await this.exited;
  }
}
