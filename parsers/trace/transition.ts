// What an ordered event means for goroutines and procs (x/exp Event.StateTransition()), computed
// into reused structs: the model builder, collectors and debugging tools share this mapping.
import type { TraceEvent } from './event';
import { Ev, NONE, STACK_ARG, WIRE_GO_TO_STATE, WIRE_PROC_TO_STATE, WireProc } from './spec';

// Reader GoState numbering (parsers/model GoState).
const NotExist = 1;
const Runnable = 2;
const Running = 3;
const Waiting = 4;
const Syscall = 5;

export class GoTransition {
  g = NONE;
  from = 0;
  to = 0;
  /** Gen-local string ID of the reason (GoStop/GoBlock), 0 for none. */
  reason = 0;
  /** Gen-local stack ID of StateTransition.Stack, 0 for none. */
  stack = 0;
}

/** Fills `t` and returns true when `e` is a goroutine state transition. */
export function goTransition(e: TraceEvent, t: GoTransition): boolean {
  t.reason = 0;
  t.stack = 0;
  switch (e.typ) {
    case Ev.GoCreate:
    case Ev.GoCreateBlocked:
      t.g = e.a0;
      t.from = NotExist;
      t.to = e.typ === Ev.GoCreate ? Runnable : Waiting;
      t.stack = e.a1;
      return true;
    case Ev.GoCreateSyscall:
      t.g = e.a0;
      t.from = NotExist;
      t.to = Syscall;
      return true;
    case Ev.GoStart:
      t.g = e.a0;
      t.from = Runnable;
      t.to = Running;
      return true;
    case Ev.GoDestroy:
      t.g = e.g;
      t.from = Running;
      t.to = NotExist;
      return true;
    case Ev.GoDestroySyscall:
      t.g = e.g;
      t.from = Syscall;
      t.to = NotExist;
      return true;
    case Ev.GoStop:
    case Ev.GoBlock:
      t.g = e.g;
      t.from = Running;
      t.to = e.typ === Ev.GoStop ? Runnable : Waiting;
      t.reason = e.a0;
      t.stack = e.a1;
      return true;
    case Ev.GoUnblock:
    case Ev.GoSwitch:
    case Ev.GoSwitchDestroy:
      t.g = e.a0;
      t.from = Waiting;
      t.to = Runnable;
      return true;
    case Ev.GoSyscallBegin:
      t.g = e.g;
      t.from = Running;
      t.to = Syscall;
      t.stack = e.a1;
      return true;
    case Ev.GoSyscallEnd:
      t.g = e.g;
      t.from = Syscall;
      t.to = Running;
      return true;
    case Ev.GoSyscallEndBlocked:
      t.g = e.g;
      t.from = Syscall;
      t.to = Runnable;
      return true;
    case Ev.GoStatus:
    case Ev.GoStatusStack:
      t.g = e.a0;
      t.from = e.extra;
      t.to = WIRE_GO_TO_STATE[e.a2];
      t.stack = e.typ === Ev.GoStatusStack ? e.a3 : 0;
      return true;
  }
  return false;
}

export class ProcTransition {
  p = NONE;
  /** ProcState: 0 Undetermined, 1 NotExist, 2 Running, 3 Idle. */
  from = 0;
  to = 0;
}

export function procTransition(e: TraceEvent, t: ProcTransition): boolean {
  switch (e.typ) {
    case Ev.ProcStart:
      t.p = e.a0;
      t.from = 3;
      t.to = 2;
      return true;
    case Ev.ProcStop:
      t.p = e.p;
      t.from = 2;
      t.to = 3;
      return true;
    case Ev.ProcSteal:
      t.p = e.a0;
      t.from = e.extra === WireProc.SyscallAbandoned ? 3 : 2;
      t.to = 3;
      return true;
    case Ev.ProcStatus:
      t.p = e.a0;
      t.from = e.extra;
      t.to = WIRE_PROC_TO_STATE[e.a1];
      return true;
  }
  return false;
}

/** Event.Stack(): the gen-local stack ID of the event's own execution context, 0 for none. */
export function eventStack(e: TraceEvent): number {
  if (e.typ === Ev.CPUSample) return e.a0;
  const i = STACK_ARG[e.typ];
  return i === 255 ? 0 : e.arg(i);
}

export const EVENT_KIND_NAMES = [
  'Bad', 'Sync', 'Metric', 'Label', 'StackSample', 'RangeBegin', 'RangeActive', 'RangeEnd',
  'TaskBegin', 'TaskEnd', 'RegionBegin', 'RegionEnd', 'Log', 'StateTransition', 'Experimental',
];

/** x/exp EventKind of an event type (index into EVENT_KIND_NAMES). */
export function eventKind(typ: number): number {
  switch (typ) {
    case Ev.SyncOut: return 1;
    case Ev.ProcsChange: case Ev.HeapAlloc: case Ev.HeapGoal: return 2;
    case Ev.GoLabel: return 3;
    case Ev.CPUSample: return 4;
    case Ev.STWBegin: case Ev.GCBegin: case Ev.GCSweepBegin: case Ev.GCMarkAssistBegin: return 5;
    case Ev.GCActive: case Ev.GCSweepActive: case Ev.GCMarkAssistActive: return 6;
    case Ev.STWEnd: case Ev.GCEnd: case Ev.GCSweepEnd: case Ev.GCMarkAssistEnd: return 7;
    case Ev.UserTaskBegin: return 8;
    case Ev.UserTaskEnd: return 9;
    case Ev.UserRegionBegin: return 10;
    case Ev.UserRegionEnd: return 11;
    case Ev.UserLog: return 12;
    case Ev.ProcStart: case Ev.ProcStop: case Ev.ProcSteal: case Ev.ProcStatus:
    case Ev.GoCreate: case Ev.GoCreateSyscall: case Ev.GoStart: case Ev.GoDestroy: case Ev.GoDestroySyscall:
    case Ev.GoStop: case Ev.GoBlock: case Ev.GoUnblock: case Ev.GoSyscallBegin: case Ev.GoSyscallEnd:
    case Ev.GoSyscallEndBlocked: case Ev.GoStatus: case Ev.GoStatusStack: case Ev.GoSwitch:
    case Ev.GoSwitchDestroy: case Ev.GoCreateBlocked:
      return 13;
  }
  return typ >= Ev.Span && typ <= Ev.GoroutineStackFree ? 14 : 0;
}

export const GO_STATE_STRINGS = ['Undetermined', 'NotExist', 'Runnable', 'Running', 'Waiting', 'Syscall'];
export const PROC_STATE_STRINGS = ['Undetermined', 'NotExist', 'Running', 'Idle'];
