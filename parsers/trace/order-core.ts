// Shared state of the ordering state machine (see order.ts): goroutine / proc / thread states,
// the GC sequence, active tasks, the context of the event being advanced, and the helpers every
// handler uses (context validation, emitting to the queue, Go-worded errors).
import { ParseError } from '../model/errors';
import { EventQueue, TraceEvent } from './event';
import type { Generation } from './generation';
import { IdMap } from './num-map';
import { EVENT_NAMES, NONE } from './spec';

export interface GState {
  status: number; // wire GoStatus
  seqGen: number;
  seq: number;
  regionTask: number[];
  regionName: string[];
  rangeTyp: number[];
  rangeDesc: number[];
}

export interface PState {
  status: number; // wire ProcStatus
  seqGen: number;
  seq: number;
  rangeTyp: number[];
  rangeDesc: number[];
}

export interface MState {
  g: number;
  p: number;
}

export const GC_UNDETERMINED = 0;
export const GC_NOT_RUNNING = 1;
export const GC_RUNNING = 2;

/** Context requirements (Go's schedReqs): must not have, may have, must have. */
export const MUST_NOT = 0;
export const MAY = 1;
export const MUST = 2;

export function newG(status: number, gen: number): GState {
  return { status, seqGen: gen, seq: 0, regionTask: [], regionName: [], rangeTyp: [], rangeDesc: [] };
}

export class OrderingCore {
  readonly gStates = new IdMap<GState>();
  readonly pStates = new IdMap<PState>();
  readonly mStates = new Map<number, MState>();
  readonly activeTasks = new Map<number, { name: string; parent: number }>();
  gcSeq = 0;
  gcState = GC_UNDETERMINED;
  initialGen = 0;
  readonly queue = new EventQueue();

  // Context of the event being advanced (Go's curCtx), and the new context for its M.
  protected cg = NONE;
  protected cp = NONE;
  protected cm = NONE;
  protected ng = NONE;
  protected np = NONE;
  protected ev!: TraceEvent;
  protected gen!: Generation;
  protected genN = 0;

  protected fail(msg: string): never {
    throw new ParseError('corrupt', msg, this.ev.offset);
  }

  protected name(typ: number): string {
    return EVENT_NAMES[typ] || `Invalid(${typ})`;
  }

  protected emit(): TraceEvent {
    const e = this.queue.push();
    e.copyFrom(this.ev);
    e.g = this.cg;
    e.p = this.cp;
    e.m = this.cm;
    return e;
  }

  protected synth(typ: number, g: number, a0: number, a1: number): TraceEvent {
    const e = this.queue.push();
    e.typ = typ;
    e.time = this.ev.time;
    e.a0 = a0;
    e.a1 = a1;
    e.a2 = 0;
    e.a3 = 0;
    e.g = g;
    e.p = this.cp;
    e.m = this.cm;
    e.gen = this.gen;
    e.offset = this.ev.offset;
    return e;
  }

  protected validate(m: number, p: number, g: number): void {
    if (m === MUST && this.cm === NONE) this.fail('expected a thread but didn\'t have one');
    else if (m === MUST_NOT && this.cm !== NONE) this.fail('expected no thread but had one');
    if (p === MUST && this.cp === NONE) this.fail('expected a proc but didn\'t have one');
    else if (p === MUST_NOT && this.cp !== NONE) this.fail('expected no proc but had one');
    if (g === MUST && this.cg === NONE) this.fail('expected a goroutine but didn\'t have one');
    else if (g === MUST_NOT && this.cg !== NONE) this.fail('expected no goroutine but had one');
  }

  /**
   * Tries to advance `ev` (read by M `m` in generation `genN`). Returns false when it cannot
   * happen yet; throws ParseError when the trace is inconsistent. Emitted events go to `queue`.
   */
}
