// Credit-based back-pressure between an engine and its consumer. The consumer grants credit; each
// costly message (a trace chunk) spends one. While a message waits for credit, `whenDrained()`
// stays pending, and the engine's file reads wait on it (see gatedSource), so the engine holds at
// most one undelivered generation no matter how slow the renderer is.
import type { ByteSource } from '../../parsers/model/byte-source';
import { ParseError } from '../../parsers/model/errors';
import type { EngineMessage } from '../../contract';

export type Transfer = ArrayBuffer[];
export type Post = (msg: EngineMessage, transfer: Transfer) => void;

export class CreditGate {
  private credit = 0;
  private readonly queue: { msg: EngineMessage; transfer: Transfer; cost: number }[] = [];
  private waiters: (() => void)[] = [];
  /** Largest number of messages ever waiting here (the bound the back-pressure test checks). */
  maxQueued = 0;
  closed = false;
  cancelled = false;

  constructor(private readonly post: Post) {}

  grant(n: number): void {
    this.credit += n;
    this.flush();
  }

  /** Queues a message; costly ones wait for credit, free ones only for those before them. */
  send(msg: EngineMessage, transfer: Transfer = [], cost = 0): void {
    if (this.closed) return;
    this.queue.push({ msg, transfer, cost });
    this.maxQueued = Math.max(this.maxQueued, this.queue.length);
    this.flush();
  }

  get queued(): number {
    return this.queue.length;
  }

  /** Resolves once nothing waits for credit. */
  whenDrained(): Promise<void> {
    if (this.queue.length === 0 || this.closed || this.cancelled) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Cancel: the parser stops reading (gatedSource refuses further reads, waiting reads are
   * released) and ends with what it read as a partial model. Chunks already made still go out, so
   * the consumer's spans match the final goroutine table: the partial document is consistent.
   */
  cancel(): void {
    this.cancelled = true;
    this.wake();
  }

  /** The consumer is gone: nothing is posted any more. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.wake();
  }

  private flush(): void {
    if (this.closed) return;
    while (this.queue.length > 0 && this.queue[0].cost <= this.credit) {
      const m = this.queue.shift()!;
      this.credit -= m.cost;
      this.post(m.msg, m.transfer);
    }
    if (this.queue.length === 0) this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

/** The same source, but every read first waits until the gate has delivered what is queued. */
export function gatedSource(source: ByteSource, gate: CreditGate): ByteSource {
  return {
    name: source.name,
    size: source.size,
    async read(offset, length) {
      await gate.whenDrained();
      if (gate.closed || gate.cancelled) throw new ParseError('cancelled', 'loading was cancelled', offset);
      return source.read(offset, length);
    },
  };
}
