// Pass 2, step 1: merges the per-P batch streams into one stream Go's way (x/exp tracev1
// parseEventBatches + order.go). Events within a P's batches are in order; across Ps an event may
// only go once the goroutine it concerns is in the state (and sequence number) it expects, and of
// the events that may go, the earliest goes first. Timestamps alone are not trusted: some machines
// have skewed per-CPU ticks. Each P holds one batch in memory at a time (BatchCursor); when a P
// needs its next batch, next() returns NEED and the caller reads it (async) before calling again.
import { ParseError } from '../../model/errors';
import { GrowableColumn } from '../columns';
import { BatchCursor } from './batch-cursor';
import { type EventPool, type V1Event } from './event';
import { LiveRows } from './live-rows';
import type { V1Index } from './index-pass';
import { PROFILE_P, V1, V1_NAMES } from './spec';
import type { V1Tables } from './tables';

export const NEED = 1;
export const DONE = 2;

// Goroutine states of the merge (Go's gStatus) and sequence sentinels.
const DEAD = 0;
const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;
/** Ready whatever the current sequence number. */
const NOSEQ = -1;
/** The next sequence number is the current one + 1. */
const SEQINC = -2;
const UNORDERED = -1;
const GARBAGE = -2;

/** The CPU samples pass 1 collected, as one more merge source (Go's ProfileP). */
class SampleCursor {
  head: V1Event | null = null;
  done = false;
  readonly needsLoad = false;
  private i = 0;
  private readonly order: Uint32Array;

  constructor(
    readonly index: number,
    private readonly ix: V1Index,
  ) {
    // Go sorts the samples by the time the signal handler took (not by when they were written).
    const ts = ix.cpuTs.data;
    this.order = Uint32Array.from({ length: ix.cpuTs.length }, (_, k) => k).sort((a, b) => ts[a] - ts[b] || a - b);
  }

  decode(ev: V1Event): boolean {
    if (this.i >= this.order.length) return false;
    const k = this.order[this.i++];
    const ix = this.ix;
    ev.typ = V1.CPUSample;
    ev.ts = ix.cpuTs.data[k];
    ev.p = ix.cpuP.data[k];
    ev.g = ix.cpuG.data[k];
    ev.a0 = 0;
    ev.a1 = ix.cpuP.data[k];
    ev.a2 = ix.cpuG.data[k];
    ev.a3 = 0;
    ev.stk = ix.cpuStack.data[k];
    ev.hasRealTs = false;
    ev.offset = ix.cpuOffset.data[k];
    ev.proc = this.index;
    return true;
  }
}

type Source = BatchCursor | SampleCursor;

// stateTransition() results.
let tG = 0;
let initSeq = 0;
let initStatus = 0;
let nextSeq = 0;
let nextStatus = 0;

function stateTransition(ev: V1Event): void {
  switch (ev.typ) {
    case V1.GoCreate:
      tG = ev.a0;
      initSeq = 0;
      initStatus = DEAD;
      nextSeq = 1;
      nextStatus = RUNNABLE;
      return;
    case V1.GoWaiting:
    case V1.GoInSyscall:
      tG = ev.g;
      initSeq = 1;
      initStatus = RUNNABLE;
      nextSeq = 2;
      nextStatus = WAITING;
      return;
    case V1.GoStart:
    case V1.GoStartLabel:
      tG = ev.g;
      initSeq = ev.a1;
      initStatus = RUNNABLE;
      nextSeq = ev.a1 + 1;
      nextStatus = RUNNING;
      return;
    case V1.GoStartLocal:
      // Emitted on the P that made the goroutine runnable, so that event is merged already.
      tG = ev.g;
      initSeq = NOSEQ;
      initStatus = RUNNABLE;
      nextSeq = SEQINC;
      nextStatus = RUNNING;
      return;
    case V1.GoBlock:
    case V1.GoBlockSend:
    case V1.GoBlockRecv:
    case V1.GoBlockSelect:
    case V1.GoBlockSync:
    case V1.GoBlockCond:
    case V1.GoBlockNet:
    case V1.GoSleep:
    case V1.GoSysBlock:
    case V1.GoBlockGC:
      tG = ev.g;
      initSeq = NOSEQ;
      initStatus = RUNNING;
      nextSeq = NOSEQ;
      nextStatus = WAITING;
      return;
    case V1.GoSched:
    case V1.GoPreempt:
      tG = ev.g;
      initSeq = NOSEQ;
      initStatus = RUNNING;
      nextSeq = NOSEQ;
      nextStatus = RUNNABLE;
      return;
    case V1.GoUnblock:
    case V1.GoSysExit:
      tG = ev.a0;
      initSeq = ev.a1;
      initStatus = WAITING;
      nextSeq = ev.a1 + 1;
      nextStatus = RUNNABLE;
      return;
    case V1.GoUnblockLocal:
    case V1.GoSysExitLocal:
      tG = ev.a0;
      initSeq = NOSEQ;
      initStatus = WAITING;
      nextSeq = SEQINC;
      nextStatus = RUNNABLE;
      return;
    case V1.GCStart:
      tG = GARBAGE;
      initSeq = ev.a0;
      initStatus = DEAD;
      nextSeq = ev.a0 + 1;
      nextStatus = DEAD;
      return;
    default:
      tG = UNORDERED;
  }
}

export class Merger {
  readonly sources: Source[] = [];
  private available: Source[];
  /** Min-heap on time with Go's sift rules (ties resolve as in Go's reader). */
  private readonly frontier: V1Event[] = [];
  private scanning = false;
  private scanI = 0;
  /** The cursor whose next batch must be read before next() can go on. */
  pending: BatchCursor | null = null;
  private readonly rows = new LiveRows();
  private readonly gSeq = new GrowableColumn(Float64Array);
  private readonly gStatus = new GrowableColumn(Uint8Array);
  private gcSeq = 0;
  private lastTs = -Infinity;
  private pos = 0;

  constructor(
    private readonly ix: V1Index,
    private readonly tables: V1Tables,
    private readonly pool: EventPool,
  ) {
    for (const pid of ix.procOrder) this.sources.push(new BatchCursor(this.sources.length, pid, ix.procBatches.get(pid)!));
    if (ix.cpuTs.length > 0) this.sources.push(new SampleCursor(this.sources.length, ix));
    this.available = this.sources.slice();
  }

  private seqOf(g: number): number {
    if (g === GARBAGE) return this.gcSeq;
    const r = this.rows.find(g);
    return r < 0 ? 0 : this.gSeq.data[r];
  }

  private ready(): boolean {
    if (tG === UNORDERED) return true;
    let seq = this.gcSeq;
    let status = DEAD;
    if (tG !== GARBAGE) {
      const r = this.rows.find(tG);
      seq = r < 0 ? 0 : this.gSeq.data[r];
      status = r < 0 ? DEAD : this.gStatus.data[r];
    }
    return (initSeq === NOSEQ || initSeq === seq) && initStatus === status;
  }

  /** The next event in merge order (ownership passes to the caller), NEED or DONE. */
  next(): V1Event | typeof NEED | typeof DONE {
    const av = this.available;
    if (!this.scanning) {
      this.scanning = true;
      this.scanI = 0;
    }
    scan: for (let i = this.scanI; i < av.length; i++) {
      const c = av[i];
      while (c.head === null) {
        if (c.needsLoad) {
          this.scanI = i;
          this.pending = c as BatchCursor;
          return NEED;
        }
        const ev = this.pool.get();
        if (c.decode(ev, this.ix, this.tables)) {
          c.head = ev;
          break;
        }
        this.pool.release(ev);
        if (!c.needsLoad) {
          c.done = true;
          av[i] = av[av.length - 1];
          av.pop();
          i--;
          continue scan;
        }
      }
      stateTransition(c.head);
      if (!this.ready()) continue;
      heapPush(this.frontier, c.head);
      c.head = null;
      av[i] = av[av.length - 1];
      av.pop();
      i--;
    }
    this.scanning = false;
    if (this.frontier.length === 0) {
      const stuck = this.sources.find((s) => !s.done);
      if (stuck) {
        const at = stuck.head;
        throw new ParseError(
          'corrupt',
          `no consistent ordering of events possible${at ? ` (P ${stuck instanceof BatchCursor ? stuck.pid : PROFILE_P} waits at ${V1_NAMES[at.typ]} for goroutine ${at.typ === V1.GoCreate || at.typ === V1.GoUnblock || at.typ === V1.GoSysExit ? at.a0 : at.g})` : ''}`,
          at ? at.offset : this.ix.dataEnd,
        );
      }
      return DONE;
    }
    const f = heapPop(this.frontier);
    stateTransition(f);
    if (f.typ === V1.GoStartLocal) f.typ = V1.GoStart;
    else if (f.typ === V1.GoUnblockLocal) f.typ = V1.GoUnblock;
    else if (f.typ === V1.GoSysExitLocal) f.typ = V1.GoSysExit;
    if (tG !== UNORDERED) {
      if (!this.ready()) throw new ParseError('corrupt', 'encountered impossible goroutine state transition', f.offset);
      const cur = this.seqOf(tG);
      const seq = nextSeq === NOSEQ ? cur : nextSeq === SEQINC ? cur + 1 : nextSeq;
      if (tG === GARBAGE) this.gcSeq = seq;
      else {
        let r = this.rows.find(tG);
        if (r < 0) {
          r = this.rows.add(tG);
          if (r === this.gSeq.length) {
            this.gSeq.push(0);
            this.gStatus.push(DEAD);
          }
        }
        this.gSeq.data[r] = seq;
        this.gStatus.data[r] = nextStatus;
      }
    }
    // Go checks the merged stream is sorted by time after merging it all; the first event out of
    // order is where that check fails.
    if (f.ts < this.lastTs) throw new ParseError('corrupt', 'time stamps out of order', f.offset);
    // Nothing refers to a goroutine after it ends (the runtime never reuses ids): its state goes.
    if (f.typ === V1.GoEnd) this.rows.remove(f.g);
    this.lastTs = f.ts;
    f.pos = this.pos++;
    av.push(this.sources[f.proc]);
    return f;
  }
}

// Go's heapUp / heapDown on the frontier (less = earlier time).
function heapPush(h: V1Event[], e: V1Event): void {
  h.push(e);
  let j = h.length - 1;
  for (;;) {
    const i = (j - 1) >> 1;
    if (i === j || j === 0 || !(h[j].ts < h[i].ts)) break;
    const t = h[i];
    h[i] = h[j];
    h[j] = t;
    j = i;
  }
}

function heapPop(h: V1Event[]): V1Event {
  const n = h.length - 1;
  const t = h[0];
  h[0] = h[n];
  h[n] = t;
  let i = 0;
  for (;;) {
    const j1 = 2 * i + 1;
    if (j1 >= n) break;
    let j = j1;
    const j2 = j1 + 1;
    if (j2 < n && h[j2].ts < h[j1].ts) j = j2;
    if (!(h[j].ts < h[i].ts)) break;
    const s = h[i];
    h[i] = h[j];
    h[j] = s;
    i = j;
  }
  return h.pop()!;
}
