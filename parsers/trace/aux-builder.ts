// Everything in the model besides goroutine lifecycles: Ps and their running intervals, GC and
// stop-the-world ranges, heap / GOMAXPROCS metrics, user tasks, regions and logs, CPU samples.
import type { CpuSampleTable, ProcTable, TimeRange, UserLog, UserRegion, UserTask } from '../model/trace-model';
import { GrowableColumn } from './columns';
import type { TraceEvent } from './event';
import type { Interner } from './interner';
import { Ev, NONE } from './spec';
import type { ProcTransition } from './transition';

interface OpenRegion {
  taskId: number;
  name: string;
  startNs: number;
  stack: number;
}

export class AuxBuilder {
  readonly gc: TimeRange[] = [];
  readonly stw: TimeRange[] = [];
  private gcStart = NaN;
  private readonly stwOpen = new Map<number, { start: number; label: string }>();
  readonly heapT = new GrowableColumn(Float64Array);
  readonly heapV = new GrowableColumn(Float64Array);
  readonly goalT = new GrowableColumn(Float64Array);
  readonly goalV = new GrowableColumn(Float64Array);
  readonly procsT = new GrowableColumn(Float64Array, 16);
  readonly procsV = new GrowableColumn(Float64Array, 16);

  private readonly procRow = new Map<number, number>();
  private readonly procIds = new GrowableColumn(Float64Array, 16);
  private readonly procOpen: number[] = [];
  private readonly psProc = new GrowableColumn(Uint32Array);
  private readonly psStart = new GrowableColumn(Float64Array);
  private readonly psEnd = new GrowableColumn(Float64Array);
  private readonly psThread = new GrowableColumn(Float64Array);

  private readonly tasks = new Map<number, UserTask>();
  private readonly taskList: UserTask[] = [];
  readonly regions: UserRegion[] = [];
  private readonly openRegions = new Map<number, OpenRegion[]>();
  readonly logs: UserLog[] = [];
  private readonly cpuT = new GrowableColumn(Float64Array);
  private readonly cpuG = new GrowableColumn(Float64Array);
  private readonly cpuS = new GrowableColumn(Uint32Array);
  wallClock?: { traceNs: number; unixSec: number; unixNsec: number };
  /** Absolute time of the first event, and the current generation's Sync time (relative). */
  origin = 0;
  syncTime = 0;
  /**
   * A P's first ProcStatus starts its running interval at the event rather than at the
   * generation's start: v1 traces (converted) say a P's first state when it first starts.
   */
  statusAtEventTime = false;

  constructor(private readonly it: Interner) {}

  proc(e: TraceEvent, pt: ProcTransition): void {
    const t = e.time - this.origin;
    const syncTime = this.syncTime;
    let row = this.procRow.get(pt.p);
    if (row === undefined) {
      row = this.procIds.push(pt.p);
      this.procRow.set(pt.p, row);
      this.procOpen.push(-1);
    }
    const running = pt.to === 2;
    const open = this.procOpen[row];
    if (running && open < 0) {
      this.procOpen[row] = this.psProc.push(row);
      this.psStart.push(pt.from === 0 && !this.statusAtEventTime ? syncTime : t);
      this.psEnd.push(NaN);
      // ProcStatus for a P in a syscall is emitted by another M; the thread is then unknown.
      this.psThread.push(e.typ === Ev.ProcStart || e.typ === Ev.ProcStatus ? e.m : NONE);
    } else if (!running && open >= 0) {
      this.psEnd.data[open] = t;
      this.procOpen[row] = -1;
    }
  }

  other(e: TraceEvent): void {
    const t = e.time - this.origin;
    const syncTime = this.syncTime;
    const it = this.it;
    switch (e.typ) {
      case Ev.HeapAlloc:
        this.heapT.push(t);
        this.heapV.push(e.a0);
        return;
      case Ev.HeapGoal:
        this.goalT.push(t);
        this.goalV.push(e.a0);
        return;
      case Ev.ProcsChange:
        this.procsT.push(t);
        this.procsV.push(e.a0);
        return;
      case Ev.GCActive:
        if (this.gcStart !== this.gcStart) this.gcStart = syncTime;
        return;
      case Ev.GCBegin:
        this.gcStart = t;
        return;
      case Ev.GCEnd:
        this.gc.push({ startNs: this.gcStart === this.gcStart ? this.gcStart : syncTime, endNs: t, label: 'GC' });
        this.gcStart = NaN;
        return;
      case Ev.STWBegin:
        this.stwOpen.set(e.g, { start: t, label: `stop-the-world (${it.strings[it.str(e.gen!, e.a0)]})` });
        return;
      case Ev.STWEnd: {
        const o = this.stwOpen.get(e.g);
        this.stwOpen.delete(e.g);
        this.stw.push({ startNs: o ? o.start : syncTime, endNs: t, label: o ? o.label : `stop-the-world (${it.strings[it.str(e.gen!, e.a0)]})` });
        return;
      }
      case Ev.CPUSample:
        this.cpuT.push(t);
        this.cpuG.push(e.g);
        this.cpuS.push(it.stack(e.gen!, e.a0));
        return;
      case Ev.UserTaskBegin: {
        const task = { id: e.a0, parentId: e.a1, name: it.strings[it.str(e.gen!, e.a2)], startNs: t, endNs: NaN, goroutineId: e.g };
        this.tasks.set(e.a0, task);
        this.taskList.push(task);
        return;
      }
      case Ev.UserTaskEnd: {
        const task = this.tasks.get(e.a0);
        if (task) {
          (task as { endNs: number }).endNs = t;
          this.tasks.delete(e.a0);
        } else {
          this.taskList.push({ id: e.a0, parentId: e.extra, name: e.extraStr, startNs: NaN, endNs: t, goroutineId: e.g });
        }
        return;
      }
      case Ev.UserRegionBegin: {
        let list = this.openRegions.get(e.g);
        if (!list) this.openRegions.set(e.g, (list = []));
        list.push({ taskId: e.a0, name: it.strings[it.str(e.gen!, e.a1)], startNs: t, stack: it.stack(e.gen!, e.a2) });
        return;
      }
      case Ev.UserRegionEnd: {
        const list = this.openRegions.get(e.g);
        const name = it.strings[it.str(e.gen!, e.a1)];
        const open = list && list.length > 0 ? list.pop()! : undefined;
        this.regions.push({
          goroutineId: e.g,
          taskId: e.a0,
          name,
          startNs: open ? open.startNs : NaN,
          endNs: t,
          stack: open ? open.stack : it.stack(e.gen!, e.a2),
        });
        return;
      }
      case Ev.UserLog:
        this.logs.push({
          timeNs: t,
          goroutineId: e.g,
          taskId: e.a0,
          category: it.strings[it.str(e.gen!, e.a1)],
          message: it.strings[it.str(e.gen!, e.a2)],
          stack: it.stack(e.gen!, e.a3),
        });
        return;
    }
  }

  finish(endNs: number): {
    procs: ProcTable;
    tasks: UserTask[];
    regions: UserRegion[];
    cpuSamples: CpuSampleTable;
  } {
    if (this.gcStart === this.gcStart) this.gc.push({ startNs: this.gcStart, endNs, label: 'GC' });
    for (const o of this.stwOpen.values()) this.stw.push({ startNs: o.start, endNs, label: o.label });
    for (const [g, list] of this.openRegions) {
      for (const r of list) this.regions.push({ goroutineId: g, taskId: r.taskId, name: r.name, startNs: r.startNs, endNs: NaN, stack: r.stack });
    }
    const psEnd = this.psEnd.trimmed();
    for (let i = 0; i < psEnd.length; i++) if (psEnd[i] !== psEnd[i]) psEnd[i] = endNs;
    return {
      procs: {
        count: this.procIds.length,
        id: this.procIds.trimmed(),
        spans: { count: psEnd.length, proc: this.psProc.trimmed(), startNs: this.psStart.trimmed(), endNs: psEnd, thread: this.psThread.trimmed() },
      },
      tasks: this.taskList,
      regions: this.regions,
      cpuSamples: { count: this.cpuT.length, timeNs: this.cpuT.trimmed(), goroutineId: this.cpuG.trimmed(), stack: this.cpuS.trimmed() },
    };
  }
}
