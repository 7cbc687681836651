// Hosts an engine in a worker_thread. A worker that exits or throws before its last message
// becomes an `error: crashed` for this document only; close() terminates the thread, which frees
// its whole heap at once (the parser's paged columns, the model, the analysis).
import { Worker } from 'node:worker_threads';
import type { EngineControl, EngineMessage } from '../../contract';
import type { Engine, EngineListener } from './engine';
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

  constructor(private readonly opts: WorkerEngineOptions) {}

  get alive(): boolean {
    return this.worker !== null;
  }

  start(listener: EngineListener): void {
    if (this.worker) throw new Error('engine already started');
    this.listener = listener;
    const { workerFile, onExit: _onExit, ...data } = this.opts;
    void _onExit;
    const worker = new Worker(workerFile, { workerData: data, name: `engine ${data.name}` });
    this.worker = worker;
    this.exited = new Promise((resolve) => {
      worker.once('exit', (code) => {
        this.worker = null;
        if (!this.finished) this.crash(`the engine stopped unexpectedly (exit code ${code})`);
        this.opts.onExit?.();
        resolve();
      });
    });
    worker.on('message', (msg: EngineMessage) => this.deliver(msg));
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

  control(msg: EngineControl): void {
    this.worker?.postMessage(msg);
  }

  async close(): Promise<void> {
    this.finished = true;
    const w = this.worker;
    if (w) await w.terminate();
    await this.exited;
  }
}
