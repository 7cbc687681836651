// Pass 2, step 4: v1 events → the 1.22+ event vocabulary the model builder reads, the way Go's
// reader converts them (x/exp trace/tracev1.go), so goroutines, transitions, reasons and event
// counts come out as Go reports them:
// * events before the first Gomaxprocs describe the goroutines that existed when tracing started:
//   GoCreate is dropped (remembered), GoWaiting / GoInSyscall / GoStart become GoStatus, and at
//   that Gomaxprocs (itself dropped) every remembered goroutine still unexplained gets a
//   GoStatus Runnable. Go emits those in map order (random); here they follow creation order.
// * block events become GoBlock / GoStop with Go's reason strings ("chan send", "forever", …).
// * GoSysCall becomes GoSyscallBegin, plus a GoSyscallEnd 1 ns later unless the goroutine's next
//   event is GoSysBlock (the caller looks ahead and says which); GoSysBlock itself is dropped and
//   GoSysExit becomes GoSyscallEndBlocked.
// * the first ProcStart / ProcStop of a P becomes a ProcStatus.
// Times are made strictly increasing, as in Go's converter.
import { ParseError } from '../../model/errors';
import { EventQueue, TraceEvent } from '../event';
import { Ev, NONE, WireGo, WireProc } from '../spec';
import type { V1Event } from './event';
import { BLOCK_REASON, stwReason, V1 } from './spec';
import type { V1Tables } from './tables';

export class Converter {
  private readonly queue = new EventQueue();
  private readonly own = new TraceEvent();
  private preInit = true;
  /** Goroutines created before tracing started whose state is still unknown (insertion order). */
  private createdPreInit = new Map<number, true>();
  /**
   * Start-PC stacks of the goroutines that existed when tracing started (the dropped GoCreates):
   * Go's reader loses their entry function; the model keeps it.
   */
  readonly preTraceStarts = new Map<number, number>();
  private burst: number[] = [];
  private burstI = 0;
  private burstTime = 0;
  private burstOffset = 0;
  private readonly seenProcs = new Set<number>();
  private readonly procMs = new Map<number, number>();
  private lastStwReason = 0;
  private readonly tasks = new Map<number, { name: string; parent: number }>();
  /** Time of the last event handed out (−1 before the first), for the strictly-increasing clamp. */
  lastTs = -1;
  private readonly reasonIds: number[];

  constructor(
    private readonly version: number,
    private readonly tables: V1Tables,
  ) {
    this.reasonIds = BLOCK_REASON.map((r) => tables.id(r));
  }

  /** Next converted event, or null when everything converted so far has been handed out. */
  pop(): TraceEvent | null {
    let e: TraceEvent | null;
    if (this.burstI < this.burst.length) {
      e = this.own;
      e.typ = Ev.GoStatus;
      e.time = this.burstTime;
      e.a0 = this.burst[this.burstI++];
      e.a1 = NONE;
      e.a2 = WireGo.Runnable;
      e.a3 = 0;
      e.g = e.p = e.m = NONE;
      e.extra = 0;
      e.extraStr = '';
      e.gen = this.tables.gen;
      e.offset = this.burstOffset;
      if (this.burstI === this.burst.length) this.burst = [];
    } else {
      e = this.queue.pop();
      if (e === null) return null;
    }
    if (e.time <= this.lastTs) e.time = this.lastTs + 1;
    this.lastTs = e.time;
    return e;
  }

  private emit(ev: V1Event, typ: number, time = ev.ts): TraceEvent {
    const e = this.queue.push();
    e.typ = typ;
    e.time = time;
    e.a0 = e.a1 = e.a2 = e.a3 = 0;
    e.g = ev.g === 0 ? NONE : ev.g;
    e.p = ev.p;
    e.m = NONE;
    if (ev.p !== -1 && ev.typ !== V1.CPUSample) {
      const m = this.procMs.get(ev.p);
      if (m !== undefined) e.m = m;
    }
    e.gen = this.tables.gen;
    e.offset = ev.offset;
    return e;
  }

  /** The context Go gives the events it builds by hand (GoStartLabel, a non-blocking GoSysCall). */
  private emitRaw(ev: V1Event, typ: number, time: number): TraceEvent {
    const e = this.emit(ev, typ, time);
    e.g = ev.g;
    e.m = this.procMs.get(ev.p) ?? 0;
    return e;
  }

  private status(ev: V1Event, g: number, wire: number): void {
    const e = this.emit(ev, Ev.GoStatus);
    e.a0 = g;
    e.a1 = NONE;
    e.a2 = wire;
  }

  private block(ev: V1Event, typ: number): void {
    const e = this.emit(ev, typ);
    e.a0 = this.reasonIds[ev.typ];
    e.a1 = ev.stk;
  }

  /**
   * Converts one event (in final order). `blocked` matters for GoSysCall only: whether the
   * goroutine's next event is GoSysBlock.
   */
  convert(ev: V1Event, blocked: boolean): void {
    switch (ev.typ) {
      case V1.Gomaxprocs: {
        if (this.preInit) {
          this.preInit = false;
          this.burst = [...this.createdPreInit.keys()];
          this.burstI = 0;
          this.burstTime = ev.ts;
          this.burstOffset = ev.offset;
          this.createdPreInit = new Map();
          return;
        }
        const e = this.emit(ev, Ev.ProcsChange);
        e.a0 = ev.a0;
        e.a1 = ev.stk;
        return;
      }
      case V1.ProcStart: {
        this.procMs.set(ev.p, ev.a0);
        const seen = this.seenProcs.has(ev.p);
        this.seenProcs.add(ev.p);
        const e = this.emit(ev, seen ? Ev.ProcStart : Ev.ProcStatus);
        e.a0 = ev.p;
        if (!seen) e.a1 = WireProc.Running;
        return;
      }
      case V1.ProcStop: {
        const seen = this.seenProcs.has(ev.p);
        this.seenProcs.add(ev.p);
        const e = this.emit(ev, seen ? Ev.ProcStop : Ev.ProcStatus);
        e.a0 = ev.p;
        if (!seen) e.a1 = WireProc.Idle;
        this.procMs.delete(ev.p);
        return;
      }
      case V1.GCStart: {
        const e = this.emit(ev, Ev.GCBegin);
        e.a0 = ev.a0;
        e.a1 = ev.stk;
        return;
      }
      case V1.GCDone:
        this.emit(ev, Ev.GCEnd);
        return;
      case V1.STWStart:
        this.lastStwReason = this.tables.id(stwReason(this.version, ev.a0));
        this.emit(ev, Ev.STWBegin).a0 = this.lastStwReason;
        return;
      case V1.STWDone:
        this.emit(ev, Ev.STWEnd).a0 = this.lastStwReason;
        return;
      case V1.GCSweepStart:
        this.emit(ev, Ev.GCSweepBegin).a0 = ev.stk;
        return;
      case V1.GCSweepDone: {
        const e = this.emit(ev, Ev.GCSweepEnd);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        return;
      }
      case V1.GoCreate: {
        if (this.preInit) {
          this.createdPreInit.set(ev.a0, true);
          if (ev.a1 !== 0) this.preTraceStarts.set(ev.a0, ev.a1);
          return;
        }
        const e = this.emit(ev, Ev.GoCreate);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        e.a2 = ev.stk;
        return;
      }
      case V1.GoStart: {
        if (this.preInit) {
          this.status(ev, ev.a0, WireGo.Running);
          this.createdPreInit.delete(ev.a0);
          return;
        }
        const e = this.emit(ev, Ev.GoStart);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        return;
      }
      case V1.GoStartLabel: {
        const e = this.emitRaw(ev, Ev.GoStart, ev.ts);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        e.a2 = ev.a2;
        this.emitRaw(ev, Ev.GoLabel, ev.ts).a0 = ev.a2;
        return;
      }
      case V1.GoEnd:
        this.emit(ev, Ev.GoDestroy);
        return;
      case V1.GoStop:
      case V1.GoSleep:
      case V1.GoBlock:
      case V1.GoBlockSend:
      case V1.GoBlockRecv:
      case V1.GoBlockSelect:
      case V1.GoBlockSync:
      case V1.GoBlockCond:
      case V1.GoBlockNet:
      case V1.GoBlockGC:
        this.block(ev, Ev.GoBlock);
        return;
      case V1.GoSched:
      case V1.GoPreempt:
        this.block(ev, Ev.GoStop);
        return;
      case V1.GoUnblock: {
        const e = this.emit(ev, Ev.GoUnblock);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        e.a2 = ev.stk;
        return;
      }
      case V1.GoSysCall:
        if (blocked) this.emit(ev, Ev.GoSyscallBegin).a1 = ev.stk;
        else {
          // An instantaneous syscall: Go's reader gives it the shortest duration, 1 ns.
          this.emitRaw(ev, Ev.GoSyscallBegin, ev.ts).a1 = ev.stk;
          this.emitRaw(ev, Ev.GoSyscallEnd, ev.ts + 1);
        }
        return;
      case V1.GoSysExit: {
        const e = this.emit(ev, Ev.GoSyscallEndBlocked);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        return;
      }
      case V1.GoSysBlock:
        return;
      case V1.GoWaiting:
      case V1.GoInSyscall:
        this.status(ev, ev.a0, ev.typ === V1.GoWaiting ? WireGo.Waiting : WireGo.Syscall);
        this.createdPreInit.delete(ev.a0);
        return;
      case V1.HeapAlloc:
        this.emit(ev, Ev.HeapAlloc).a0 = ev.a0;
        return;
      case V1.HeapGoal:
        this.emit(ev, Ev.HeapGoal).a0 = ev.a0;
        return;
      case V1.GCMarkAssistStart:
        this.emit(ev, Ev.GCMarkAssistBegin).a0 = ev.stk;
        return;
      case V1.GCMarkAssistDone:
        this.emit(ev, Ev.GCMarkAssistEnd);
        return;
      case V1.UserTaskCreate: {
        const e = this.emit(ev, Ev.UserTaskBegin);
        e.a0 = ev.a0;
        e.a1 = ev.a1 === 0 ? NONE : ev.a1;
        e.a2 = ev.a2;
        e.a3 = ev.stk;
        this.tasks.set(ev.a0, { name: this.tables.gen.strings.get(ev.a2) ?? '', parent: ev.a1 });
        return;
      }
      case V1.UserTaskEnd: {
        const e = this.emit(ev, Ev.UserTaskEnd);
        e.a0 = ev.a0;
        e.a1 = ev.stk;
        const t = this.tasks.get(ev.a0);
        this.tasks.delete(ev.a0);
        e.extra = t ? t.parent : NONE;
        e.extraStr = t ? t.name : '';
        return;
      }
      case V1.UserRegion: {
        const e = this.emit(ev, ev.a1 === 0 ? Ev.UserRegionBegin : Ev.UserRegionEnd);
        e.a0 = ev.a0;
        e.a1 = ev.a2;
        e.a2 = ev.stk;
        return;
      }
      case V1.UserLog: {
        const e = this.emit(ev, Ev.UserLog);
        e.a0 = ev.a0;
        e.a1 = ev.a1;
        e.a2 = ev.a3;
        e.a3 = ev.stk;
        return;
      }
      case V1.CPUSample: {
        const e = this.emit(ev, Ev.CPUSample);
        e.a0 = ev.stk;
        return;
      }
      default:
        throw new ParseError('corrupt', `unexpected event type ${ev.typ}`, ev.offset);
    }
  }
}
