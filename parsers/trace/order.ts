// The ordering state machine: decides whether the next event of an M may happen now, given the
// states of the goroutines, procs and threads it touches and the (generation, sequence) numbers
// of events that act at a distance. Semantics follow golang.org/x/exp trace/order.go handler by
// handler (see ../../docs or trace-format.md §4), so the emitted stream equals Go's reader's.
import type { TraceEvent } from './event';
import type { Generation } from './generation';
import { Ev, NONE, WIRE_GO_TO_STATE, WIRE_PROC_TO_STATE, WireGo, WireProc } from './spec';
import { type GState, type MState, MAY, MUST, MUST_NOT, newG } from './order-core';
import { RangeOrdering } from './order-ranges';

export type { MState } from './order-core';

const GoUndetermined = 0;
const GoNotExist = 1;
const ProcUndetermined = 0;
const ProcNotExist = 1;
const ProcRunning = 2;
const ProcIdle = 3;

export class Ordering extends RangeOrdering {
  /** The state of thread `m`, created on first sight (cursors cache it: one per M). */
  mState(m: number): MState {
    let ms = this.mStates.get(m);
    if (ms === undefined) {
      ms = { g: NONE, p: NONE };
      this.mStates.set(m, ms);
    }
    return ms;
  }

  advance(ev: TraceEvent, gen: Generation, m: number, genN: number, cached?: MState): boolean {
    if (this.initialGen === 0) this.initialGen = genN;
    this.ev = ev;
    this.gen = gen;
    this.genN = genN;
    let ms: MState | undefined;
    this.cm = m;
    if (m === NONE) {
      this.cp = NONE;
      this.cg = NONE;
    } else {
      // mStates entries are never replaced once created, so a cursor's cached one stays valid.
      ms = cached ?? this.mState(m);
      this.cp = ms.p;
      this.cg = ms.g;
    }
    this.ng = this.cg;
    this.np = this.cp;
    const ok = this.dispatch(ev.typ);
    if (ok && ms !== undefined) {
      ms.p = this.np;
      ms.g = this.ng;
    }
    return ok;
  }

  private dispatch(typ: number): boolean {
    switch (typ) {
      case Ev.ProcsChange:
      case Ev.GoLabel:
      case Ev.UserLog:
        this.validate(MUST, MUST, MUST);
        this.emit();
        return true;
      case Ev.ProcStart:
        return this.procStart();
      case Ev.ProcStop:
        return this.procStop();
      case Ev.ProcSteal:
        return this.procSteal();
      case Ev.ProcStatus:
        return this.procStatus();
      case Ev.GoCreate:
      case Ev.GoCreateBlocked:
        return this.goCreate();
      case Ev.GoCreateSyscall:
        return this.goCreateSyscall();
      case Ev.GoStart:
        return this.goStart();
      case Ev.GoDestroy:
      case Ev.GoStop:
      case Ev.GoBlock:
        return this.goStopExec();
      case Ev.GoDestroySyscall:
        return this.goDestroySyscall();
      case Ev.GoUnblock:
        return this.goUnblock();
      case Ev.GoSyscallBegin:
        return this.goSyscallBegin();
      case Ev.GoSyscallEnd:
        return this.goSyscallEnd();
      case Ev.GoSyscallEndBlocked:
        return this.goSyscallEndBlocked();
      case Ev.GoStatus:
      case Ev.GoStatusStack:
        return this.goStatus();
      case Ev.GoSwitch:
      case Ev.GoSwitchDestroy:
        return this.goSwitch();
      case Ev.STWBegin:
      case Ev.GCMarkAssistBegin:
        return this.goRangeBegin();
      case Ev.STWEnd:
      case Ev.GCMarkAssistEnd:
        return this.goRangeEnd();
      case Ev.GCMarkAssistActive:
        return this.goRangeActive();
      case Ev.GCActive:
        return this.gcActive();
      case Ev.GCBegin:
        return this.gcBegin();
      case Ev.GCEnd:
        return this.gcEnd();
      case Ev.GCSweepActive:
        return this.gcSweepActive();
      case Ev.GCSweepBegin:
        return this.gcSweepBegin();
      case Ev.GCSweepEnd:
        return this.gcSweepEnd();
      case Ev.HeapAlloc:
      case Ev.HeapGoal:
        this.validate(MUST, MUST, MAY);
        this.emit();
        return true;
      case Ev.UserTaskBegin:
        return this.userTaskBegin();
      case Ev.UserTaskEnd:
        return this.userTaskEnd();
      case Ev.UserRegionBegin:
      case Ev.UserRegionEnd:
        return this.userRegion(typ === Ev.UserRegionBegin);
      default:
        if (typ >= Ev.Span && typ <= Ev.GoroutineStackFree) {
          this.validate(MUST, MAY, MAY);
          this.emit();
          return true;
        }
        this.fail(`bad event type found while ordering: ${typ}`);
    }
  }

  private procStatus(): boolean {
    const ev = this.ev;
    const pid = ev.a0;
    const status = ev.a1;
    // The status the event reports. A SyscallAbandoned P we know in Syscall is reported as
    // Syscall (Go rewrites ev.args[1]), but `status` itself must stay SyscallAbandoned for the
    // binding below: the emitting M is the one about to steal the P, not its holder. Promoting
    // `status` bound the P to the stealer and skipped the re-attribution, so that M could never
    // ProcStart again (a 200 MB HTTP trace stopped 2 M events later, at 10.7 of 38 M events).
    let reported = status;
    if (status >= WIRE_PROC_TO_STATE.length) this.fail(`invalid status for proc ${pid}: ${status}`);
    let oldState = WIRE_PROC_TO_STATE[status];
    const s = this.pStates.get(pid);
    if (s !== undefined) {
      if (status === WireProc.SyscallAbandoned && s.status === WireProc.Syscall) {
        oldState = ProcRunning;
        reported = WireProc.Syscall;
      } else if (status === WireProc.SyscallAbandoned && s.status === WireProc.SyscallAbandoned) {
        oldState = ProcIdle;
      } else if (s.status !== status) {
        this.fail(`inconsistent status for proc ${pid}: old ${s.status} vs. new ${status}`);
      }
      s.seqGen = this.genN;
      s.seq = 0;
    } else {
      this.pStates.set(pid, { status, seqGen: this.genN, seq: 0, rangeTyp: [], rangeDesc: [] });
      oldState = this.genN === this.initialGen ? ProcUndetermined : ProcNotExist;
    }
    if (status === WireProc.Running || status === WireProc.Syscall) this.np = pid;
    if (status === WireProc.SyscallAbandoned && oldState === ProcRunning) {
      let found = false;
      for (const [mid, ms] of this.mStates) {
        if (ms.p === pid) {
          this.cm = mid;
          this.cp = pid;
          this.cg = ms.g;
          found = true;
        }
      }
      if (!found) this.fail(`failed to find sched context for proc ${pid} that's about to be stolen`);
    }
    const e = this.emit();
    e.a1 = reported;
    e.extra = oldState;
    return true;
  }

  private procStart(): boolean {
    const pid = this.ev.a0;
    const seq = this.ev.a1;
    const st = this.pStates.get(pid);
    if (st === undefined || st.status !== WireProc.Idle || !(st.seqGen === this.genN && seq === st.seq + 1) || this.cp !== NONE) return false;
    this.validate(MUST, MUST_NOT, MAY);
    st.status = WireProc.Running;
    st.seqGen = this.genN;
    st.seq = seq;
    this.np = pid;
    this.emit();
    return true;
  }

  private procStop(): boolean {
    const st = this.pStates.get(this.cp);
    if (st === undefined) this.fail(`event ${this.name(this.ev.typ)} for proc (${this.cp}) that doesn't exist`);
    if (st.status !== WireProc.Running && st.status !== WireProc.Syscall) this.fail(`${this.name(this.ev.typ)} event for proc that's not Running or Syscall`);
    this.validate(MUST, MUST, MAY);
    st.status = WireProc.Idle;
    this.np = NONE;
    this.emit();
    return true;
  }

  private procSteal(): boolean {
    const ev = this.ev;
    const pid = ev.a0;
    const seq = ev.a1;
    const st = this.pStates.get(pid);
    if (
      st === undefined ||
      (st.status !== WireProc.Syscall && st.status !== WireProc.SyscallAbandoned) ||
      !(st.seqGen === this.genN && seq === st.seq + 1)
    ) {
      return false;
    }
    this.validate(MUST, MAY, MAY);
    const oldStatus = st.status;
    st.status = WireProc.Idle;
    st.seqGen = this.genN;
    st.seq = seq;
    if (oldStatus === WireProc.SyscallAbandoned) {
      this.emit().extra = oldStatus;
      return true;
    }
    const mid = ev.a2;
    if (mid === this.cm) {
      if (this.cp !== pid) this.fail(`tried to self-steal proc ${pid} (thread ${mid}), but got proc ${this.cp} instead`);
      this.np = NONE;
      this.emit().extra = oldStatus;
      return true;
    }
    const ms = this.mStates.get(mid);
    if (ms === undefined) this.fail(`stole proc from non-existent thread ${mid}`);
    if (ms.p !== pid) this.fail(`tried to steal proc ${pid} from thread ${mid}, but got proc ${ms.p} instead`);
    ms.p = NONE;
    this.emit().extra = oldStatus;
    return true;
  }

  private goStatus(): boolean {
    const ev = this.ev;
    const gid = ev.a0;
    const mid = ev.a1;
    const status = ev.a2;
    if (status >= WIRE_GO_TO_STATE.length) this.fail(`invalid status for goroutine ${gid}: ${status}`);
    let oldState = WIRE_GO_TO_STATE[status];
    const s = this.gStates.get(gid);
    if (s !== undefined) {
      if (s.status !== status) this.fail(`inconsistent status for goroutine ${gid}: old ${s.status} vs. new ${status}`);
      s.seqGen = this.genN;
      s.seq = 0;
    } else if (this.genN === this.initialGen) {
      this.gStates.set(gid, newG(status, this.genN));
      oldState = GoUndetermined;
    } else {
      this.fail(`found goroutine status for new goroutine after the first generation: id=${gid} status=${status}`);
    }
    if (status === WireGo.Running) {
      this.ng = gid;
    } else if (status === WireGo.Syscall) {
      if (mid === NONE) this.fail(`found goroutine ${gid} in syscall without a thread`);
      if (mid === this.cm) {
        if (this.genN !== this.initialGen && this.cg !== gid) this.fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${this.cg}`);
        this.ng = gid;
      } else {
        const ms = this.mStates.get(mid);
        if (ms !== undefined) {
          if (ms.g !== gid) this.fail(`inconsistent thread for syscalling goroutine ${gid}: thread has goroutine ${ms.g}`);
          this.cg = ms.g;
        } else {
          this.mStates.set(mid, { g: gid, p: NONE });
        }
        this.cm = mid;
      }
    }
    this.emit().extra = oldState;
    return true;
  }

  private goCreate(): boolean {
    this.validate(MUST, MUST, MAY);
    const cur = this.gStates.get(this.cg);
    if (cur !== undefined && cur.status !== WireGo.Running) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    const newg = this.ev.a0;
    if (this.gStates.has(newg)) this.fail(`tried to create goroutine (${newg}) that already exists`);
    this.gStates.set(newg, newG(this.ev.typ === Ev.GoCreateBlocked ? WireGo.Waiting : WireGo.Runnable, this.genN));
    this.emit();
    return true;
  }

  private curG(): GState {
    const s = this.gStates.get(this.cg);
    if (s === undefined) this.fail(`event ${this.name(this.ev.typ)} for goroutine (${this.cg}) that doesn't exist`);
    return s;
  }

  private goStopExec(): boolean {
    this.validate(MUST, MUST, MUST);
    const st = this.curG();
    if (st.status !== WireGo.Running) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    const typ = this.ev.typ;
    if (typ === Ev.GoDestroy) this.gStates.delete(this.cg);
    else st.status = typ === Ev.GoStop ? WireGo.Runnable : WireGo.Waiting;
    this.ng = NONE;
    this.emit();
    return true;
  }

  private goStart(): boolean {
    const gid = this.ev.a0;
    const seq = this.ev.a1;
    const st = this.gStates.get(gid);
    if (st === undefined || st.status !== WireGo.Runnable || !(st.seqGen === this.genN && seq === st.seq + 1)) return false;
    this.validate(MUST, MUST, MUST_NOT);
    st.status = WireGo.Running;
    st.seq = seq;
    this.ng = gid;
    this.emit();
    return true;
  }

  private goUnblock(): boolean {
    const gid = this.ev.a0;
    const seq = this.ev.a1;
    const st = this.gStates.get(gid);
    if (st === undefined || st.status !== WireGo.Waiting || !(st.seqGen === this.genN && seq === st.seq + 1)) return false;
    st.status = WireGo.Runnable;
    st.seq = seq;
    this.emit();
    return true;
  }

  private goSwitch(): boolean {
    this.validate(MUST, MUST, MUST);
    const cur = this.curG();
    if (cur.status !== WireGo.Running) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    const next = this.ev.a0;
    const seq = this.ev.a1;
    const ns = this.gStates.get(next);
    if (ns === undefined || ns.status !== WireGo.Waiting || !(ns.seqGen === this.genN && seq === ns.seq + 1)) return false;
    this.emit();
    if (this.ev.typ === Ev.GoSwitch) {
      cur.status = WireGo.Waiting;
      this.synth(Ev.GoBlock, this.cg, 0, 0);
    } else {
      this.gStates.delete(this.cg);
      this.synth(Ev.GoDestroy, this.cg, 0, 0);
    }
    ns.status = WireGo.Running;
    ns.seq = seq;
    this.ng = next;
    this.synth(Ev.GoStart, NONE, next, seq);
    return true;
  }

  private goSyscallBegin(): boolean {
    this.validate(MUST, MUST, MUST);
    const st = this.curG();
    if (st.status !== WireGo.Running) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    st.status = WireGo.Syscall;
    const ps = this.pStates.get(this.cp);
    if (ps === undefined) this.fail(`uninitialized proc ${this.cp} found during ${this.name(this.ev.typ)}`);
    ps.status = WireProc.Syscall;
    const pseq = this.ev.a0;
    if (!(ps.seqGen === this.genN && pseq === ps.seq + 1)) {
      this.fail(`failed to advance ${this.name(this.ev.typ)}: can't make sequence: ${ps.seq} (gen=${ps.seqGen}) -> ${pseq} (gen=${this.genN})`);
    }
    ps.seq = pseq;
    this.emit();
    return true;
  }

  private goSyscallEnd(): boolean {
    this.validate(MUST, MUST, MUST);
    const st = this.curG();
    if (st.status !== WireGo.Syscall) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    st.status = WireGo.Running;
    const ps = this.pStates.get(this.cp);
    if (ps === undefined) this.fail(`uninitialized proc ${this.cp} found during ${this.name(this.ev.typ)}`);
    if (ps.status !== WireProc.Syscall) this.fail(`expected proc ${this.cp} in state Syscall, but got ${ps.status} instead`);
    ps.status = WireProc.Running;
    this.emit();
    return true;
  }

  private goSyscallEndBlocked(): boolean {
    if (this.cp !== NONE) {
      const ps = this.pStates.get(this.cp);
      if (ps === undefined) this.fail(`uninitialized proc ${this.cp} found during ${this.name(this.ev.typ)}`);
      if (ps.status === WireProc.Syscall) return false;
    }
    this.validate(MUST, MAY, MUST);
    const st = this.curG();
    if (st.status !== WireGo.Syscall) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Running`);
    this.ng = NONE;
    st.status = WireGo.Runnable;
    this.emit();
    return true;
  }

  private goCreateSyscall(): boolean {
    this.validate(MUST, MAY, MUST_NOT);
    const newg = this.ev.a0;
    if (this.gStates.has(newg)) this.fail(`tried to create goroutine (${newg}) in syscall that already exists`);
    this.gStates.set(newg, newG(WireGo.Syscall, this.genN));
    this.ng = newg;
    this.emit();
    return true;
  }

  private goDestroySyscall(): boolean {
    this.validate(MUST, MAY, MUST);
    const st = this.curG();
    if (st.status !== WireGo.Syscall) this.fail(`${this.name(this.ev.typ)} event for goroutine that's not Syscall`);
    this.gStates.delete(this.cg);
    this.ng = NONE;
    if (this.cp !== NONE) {
      const ps = this.pStates.get(this.cp);
      if (ps === undefined) this.fail(`found invalid proc ${this.cp} during ${this.name(this.ev.typ)}`);
      if (ps.status !== WireProc.Syscall) this.fail(`proc ${this.cp} in unexpected state ${ps.status} during ${this.name(this.ev.typ)}`);
      ps.status = WireProc.SyscallAbandoned;
      this.np = NONE;
      const steal = this.synth(Ev.ProcSteal, this.cg, this.cp, 0);
      steal.extra = WireProc.Syscall;
    }
    this.emit();
    return true;
  }
}

export { GoNotExist, GoUndetermined, ProcIdle, ProcRunning, ProcNotExist, ProcUndetermined };
