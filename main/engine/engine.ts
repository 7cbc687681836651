// The one engine API. An Engine is one document's load: start it with a listener, feed it credit
// and cancel through `control`, `close` it to free everything. Two hosts implement it: a
// worker_thread (Electron main and `leakline serve`: parsing never runs on their event loop) and
// in-process (tests, and anything that wants no thread). Both run engine-core's runEngine.
import type { EngineControl, EngineMessage, SessionReply, SessionRequest, SessionRequestKind } from '../../contract';
import { ENGINE_MAX_CREDIT } from '../../contract';
import type { ByteSource } from '../../parsers/model/byte-source';
import { CreditGate } from './credit-gate';
import { runEngine, toEngineError } from './engine-core';
import { DocumentSession, SessionError, type SessionOpener } from './session-core';

export type EngineListener = (msg: EngineMessage) => void;

export interface EngineStartOptions {
  /** false: no viewer (a request came before the page asked for the stream): parse, keep, answer. */
  stream?: boolean;
}

export interface Engine {
  /** Starts loading; messages go to `listener` in order, ending with `done` or `error`. */
  start(listener: EngineListener, options?: EngineStartOptions): void;
  control(msg: EngineControl): void;
  /**
   * Asks the document's session (contract/session.ts); waits for the load. Rejects with a
   * SessionError (plain failure data) when the document or a named file cannot be used.
   */
  request<K extends SessionRequestKind>(req: SessionRequest<K>): Promise<SessionReply<K>>;
  /** Stops the load if running and frees its memory (terminates the worker). Idempotent. */
  close(): Promise<void>;
  /** True once `done`/`error` was delivered or the engine was closed. */
  readonly finished: boolean;
}

/** What a consumer may send; anything else is dropped (the transports log it). */
export function validateControl(value: unknown): EngineControl | null {
  const m = value as { type?: unknown; n?: unknown } | null;
  if (!m || typeof m !== 'object') return null;
  if (m.type === 'cancel' && Object.keys(m).length === 1) return { type: 'cancel' };
  if (m.type === 'credit' && Object.keys(m).length === 2 && Number.isSafeInteger(m.n) && (m.n as number) >= 1 && (m.n as number) <= ENGINE_MAX_CREDIT) {
    return { type: 'credit', n: m.n as number };
  }
  return null;
}

const isLast = (m: EngineMessage) => m.type === 'done' || m.type === 'error';

/** Runs the engine on this thread. `openSource` lets I/O errors become `error` messages too. */
export class InProcessEngine implements Engine {
  private gate: CreditGate | null = null;
  private readonly abort = new AbortController();
  private readonly session: DocumentSession;
  finished = false;
  /** Resolves when runEngine has returned (tests wait on it). */
  settled: Promise<void> = Promise.resolve();

  constructor(
    private readonly openSource: () => Promise<ByteSource & { close?(): Promise<void> }>,
    private readonly fileName: string,
    /** How the session opens evidence files. */
    openFile: SessionOpener,
  ) {
    this.session = new DocumentSession(fileName, openFile);
  }

  get maxQueued(): number {
    return this.gate?.maxQueued ?? 0;
  }

  /** Messages waiting for credit right now. */
  get queued(): number {
    return this.gate?.queued ?? 0;
  }

  start(listener: EngineListener, options: EngineStartOptions = {}): void {
    const gate = new CreditGate((msg) => {
      if (this.finished) return;
      if (isLast(msg)) this.finished = true;
      listener(msg);
    });
    this.gate = gate;
    this.settled = (async () => {
      let source: (ByteSource & { close?(): Promise<void> }) | null = null;
      try {
        source = await this.openSource();
        await runEngine(source, { gate, signal: this.abort.signal, stream: options.stream, session: this.session });
      } catch (err) {
        this.session.failed(err);
        gate.send({ type: 'error', error: toEngineError(err, this.fileName) });
      } finally {
        await source?.close?.();
      }
    })();
  }

  control(msg: EngineControl): void {
    if (!this.gate) return;
    if (msg.type === 'credit') this.gate.grant(msg.n);
    else {
      this.abort.abort();
      this.gate.cancel();
    }
  }

  request<K extends SessionRequestKind>(req: SessionRequest<K>): Promise<SessionReply<K>> {
    if (!this.gate) return Promise.reject(new SessionError({ kind: 'closed', message: `${this.fileName} is not loading` }));
    return this.session.handle(req);
  }

  async close(): Promise<void> {
    this.session.close();
    this.abort.abort();
    this.gate?.close();
    this.finished = true;
    await this.settled;
  }
}
