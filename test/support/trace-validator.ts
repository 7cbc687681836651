// Consistency checks over an ordered event stream, after x/exp trace/internal/testtrace/validation.go
// (the checks Go's golden tests apply to every event): strictly increasing time, sequential Syncs,
// legal goroutine and proc transitions, and goroutines/procs bound to one thread at a time.
import type { TraceEvent } from '../../parsers/trace/event';
import { Ev, NONE } from '../../parsers/trace/spec';
import { GoTransition, ProcTransition, eventStack, goTransition, procTransition } from '../../parsers/trace/transition';

interface Ctx {
  g: number;
  p: number;
}

const goExecuting = (s: number): boolean => s === 3 || s === 5;
const procExecuting = (s: number): boolean => s === 2;

export class TraceValidator {
  private lastTs = -Infinity;
  private lastSync = 0;
  private readonly gs = new Map<number, { state: number; binding: Ctx | null }>();
  private readonly ps = new Map<number, { state: number; binding: Ctx | null }>();
  private readonly ms = new Map<number, Ctx>();
  private readonly gt = new GoTransition();
  private readonly pt = new ProcTransition();
  readonly errors: string[] = [];

  private err(msg: string): void {
    if (this.errors.length < 20) this.errors.push(msg);
  }

  private thread(m: number): Ctx | null {
    if (m === NONE) {
      this.err('must have thread, but thread ID is none');
      return null;
    }
    let s = this.ms.get(m);
    if (!s) {
      s = { g: NONE, p: NONE };
      this.ms.set(m, s);
    }
    return s;
  }

  event(e: TraceEvent): void {
    if (!(e.time > this.lastTs)) this.err(`timestamp out-of-order (want > ${this.lastTs}) at ${e.time}`);
    this.lastTs = e.time;
    if (e.typ === Ev.SyncOut) {
      if (e.syncN !== this.lastSync + 1) this.err(`sync count is not sequential: expected ${this.lastSync + 1}, got ${e.syncN}`);
      this.lastSync = e.syncN;
      return;
    }
    const gt = this.gt;
    if (goTransition(e, gt)) {
      const id = gt.g;
      if (gt.to === 0) this.err(`transition to undetermined state for goroutine ${id}`);
      if (this.lastSync > 1 && gt.from === 0) this.err(`undetermined goroutine ${id} after first global sync`);
      let st = this.gs.get(id);
      if (st) {
        if (gt.from !== st.state) this.err(`bad old state for goroutine ${id}: got ${gt.from}, want ${st.state}`);
        st.state = gt.to;
      } else {
        if (gt.from !== 0 && gt.from !== 1) this.err(`bad old state for unregistered goroutine ${id}: ${gt.from}`);
        st = { state: gt.to, binding: null };
        this.gs.set(id, st);
      }
      if (goExecuting(gt.to)) {
        const ctx = this.thread(e.m);
        if (ctx) {
          if (ctx.g !== NONE && ctx.g !== id) this.err(`tried to run goroutine ${id} when one was already executing (${ctx.g}) on thread ${e.m}`);
          ctx.g = id;
          st.binding = ctx;
        }
      } else if (goExecuting(gt.from)) {
        if (gt.stack !== eventStack(e)) this.err("StateTransition.Stack doesn't match Event.Stack");
        const ctx = st.binding;
        if (ctx) {
          if (ctx.g !== id) this.err(`tried to stop goroutine ${id} when it wasn't currently executing (currently executing ${ctx.g}) on thread ${e.m}`);
          ctx.g = NONE;
          st.binding = null;
        } else this.err(`stopping goroutine ${id} not bound to any active context`);
      }
      return;
    }
    const pt = this.pt;
    if (procTransition(e, pt)) {
      const id = pt.p;
      if (pt.to === 0) this.err(`transition to undetermined state for proc ${id}`);
      if (this.lastSync > 1 && pt.from === 0) this.err(`undetermined proc ${id} after first global sync`);
      let st = this.ps.get(id);
      if (st) {
        if (pt.from !== st.state) this.err(`bad old state for proc ${id}: got ${pt.from}, want ${st.state}`);
        st.state = pt.to;
      } else {
        if (pt.from !== 0 && pt.from !== 1) this.err(`bad old state for unregistered proc ${id}: ${pt.from}`);
        st = { state: pt.to, binding: null };
        this.ps.set(id, st);
      }
      if (procExecuting(pt.to)) {
        const ctx = this.thread(e.m);
        if (ctx) {
          if (ctx.p !== NONE && ctx.p !== id) this.err(`tried to run proc ${id} when one was already executing (${ctx.p}) on thread ${e.m}`);
          ctx.p = id;
          st.binding = ctx;
        }
      } else if (procExecuting(pt.from)) {
        const ctx = st.binding;
        if (ctx) {
          if (ctx.p !== id) this.err(`tried to stop proc ${id} when it wasn't currently executing (currently executing ${ctx.p})`);
          ctx.p = NONE;
          st.binding = null;
        } else this.err(`stopping proc ${id} not bound to any active context`);
      }
    }
  }
}
