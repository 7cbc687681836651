// Pass 2, step 3: each event in final order gets its time in ns (relative to the first event, with
// Go's float arithmetic so every value matches) and is checked the way Go's reader checks a v1
// trace (x/exp tracev1 postProcessTrace: a P runs one goroutine at a time, a goroutine is blocked
// before it is unblocked, …; error texts keep Go's wording). Like Go's reader it also moves some
// events to pseudo-Ps (timer and network unblocks, syscall exits, GC) and drops stack references
// to stacks the trace does not define.
import { ParseError } from '../../model/errors';
import { GrowableColumn } from '../columns';
import type { V1Event } from './event';
import { LiveRows } from './live-rows';
import { GC_P, NETPOLL_P, SYSCALL_P, TIMER_P, V1, V1_NAMES } from './spec';
import type { V1Tables } from './tables';

const DEAD = 0;
const RUNNABLE = 1;
const RUNNING = 2;
const WAITING = 3;

interface PDesc {
  running: boolean;
  g: number;
  sweeping: boolean;
}

export class Validator {
  private minTs = NaN;
  private readonly rows = new LiveRows();
  private readonly gState = new GrowableColumn(Uint8Array);
  /** Type of the goroutine's last event that Go's reader remembers (0 = none): GoBlockNet matters. */
  private readonly gLastEv = new GrowableColumn(Uint8Array);
  /** 1 while the goroutine is in a GC mark assist. */
  private readonly gAssist = new GrowableColumn(Uint8Array);
  private readonly ps = new Map<number, PDesc>();
  private readonly tasks = new Set<number>();
  private readonly regions = new Map<number, { task: number; name: number }[]>();
  private inGC = false;
  private inSTW = false;
  /** ns per tick (Go: 1e9 / ticks per second, as a float). */
  readonly nsPerTick: number;

  constructor(
    ticksPerSec: number,
    private readonly timerGoroutines: ReadonlySet<number>,
    private readonly tables: V1Tables,
  ) {
    this.nsPerTick = 1e9 / ticksPerSec;
    this.set(0, RUNNING);
  }

  private find(g: number): number {
    return this.rows.find(g);
  }

  private row(g: number): number {
    let r = this.rows.find(g);
    if (r < 0) {
      r = this.rows.add(g);
      if (r === this.gState.length) {
        this.gState.push(DEAD);
        this.gLastEv.push(0);
        this.gAssist.push(0);
      } else {
        this.gState.data[r] = DEAD;
        this.gLastEv.data[r] = 0;
        this.gAssist.data[r] = 0;
      }
    }
    return r;
  }

  private state(g: number): number {
    const r = this.find(g);
    return r < 0 ? DEAD : this.gState.data[r];
  }

  private set(g: number, state: number, lastEv = -1): void {
    const r = this.row(g);
    this.gState.data[r] = state;
    if (lastEv >= 0) this.gLastEv.data[r] = lastEv;
  }

  private lastPid = NaN;
  private lastP: PDesc | null = null;

  private p(id: number): PDesc {
    if (id === this.lastPid) return this.lastP!;
    let p = this.ps.get(id);
    if (!p) this.ps.set(id, (p = { running: false, g: 0, sweeping: false }));
    this.lastPid = id;
    this.lastP = p;
    return p;
  }

  private fail(msg: string, ev: V1Event): never {
    throw new ParseError('corrupt', msg, ev.offset);
  }

  private checkRunning(p: PDesc, ev: V1Event, allowG0: boolean): void {
    const name = V1_NAMES[ev.typ];
    if (this.state(ev.g) !== RUNNING) this.fail(`g ${ev.g} is not running while ${name} (time ${ev.ts})`, ev);
    if (p.g !== ev.g) this.fail(`p ${ev.p} is not running g ${ev.g} while ${name} (time ${ev.ts})`, ev);
    if (!allowG0 && ev.g === 0) this.fail(`g 0 did ${name} (time ${ev.ts})`, ev);
  }

  /** Converts `ev` to ns and checks it; throws ParseError where Go's reader rejects the trace. */
  process(ev: V1Event): void {
    if (this.minTs !== this.minTs) this.minTs = ev.ts;
    ev.ts = Math.trunc((ev.ts - this.minTs) * this.nsPerTick);
    if (ev.typ === V1.GoUnblock && this.timerGoroutines.has(ev.g)) ev.p = TIMER_P;
    if (ev.typ === V1.GoSysExit) ev.p = SYSCALL_P;
    switch (ev.typ) {
      case V1.ProcStart: {
        const p = this.p(ev.p);
        if (p.running) this.fail(`p ${ev.p} is running before start (time ${ev.ts})`, ev);
        p.running = true;
        break;
      }
      case V1.ProcStop: {
        const p = this.p(ev.p);
        if (!p.running) this.fail(`p ${ev.p} is not running before stop (time ${ev.ts})`, ev);
        if (p.g !== 0) this.fail(`p ${ev.p} is running a goroutine ${p.g} during stop (time ${ev.ts})`, ev);
        p.running = false;
        break;
      }
      case V1.GCStart:
        if (this.inGC) this.fail(`previous GC is not ended before a new one (time ${ev.ts})`, ev);
        this.inGC = true;
        ev.p = GC_P;
        break;
      case V1.GCDone:
        if (!this.inGC) this.fail(`bogus GC end (time ${ev.ts})`, ev);
        this.inGC = false;
        break;
      case V1.STWStart:
        if (this.inSTW) this.fail(`previous STW is not ended before a new one (time ${ev.ts})`, ev);
        this.inSTW = true;
        break;
      case V1.STWDone:
        if (!this.inSTW) this.fail(`bogus STW end (time ${ev.ts})`, ev);
        this.inSTW = false;
        break;
      case V1.GCSweepStart: {
        const p = this.p(ev.p);
        if (p.sweeping) this.fail(`previous sweeping is not ended before a new one (time ${ev.ts})`, ev);
        p.sweeping = true;
        break;
      }
      case V1.GCSweepDone: {
        const p = this.p(ev.p);
        if (!p.sweeping) this.fail(`bogus sweeping end (time ${ev.ts})`, ev);
        p.sweeping = false;
        break;
      }
      case V1.GCMarkAssistStart: {
        const r = this.row(ev.g);
        if (this.gAssist.data[r] === 1) this.fail(`previous mark assist is not ended before a new one (time ${ev.ts})`, ev);
        this.gAssist.data[r] = 1;
        break;
      }
      case V1.GCMarkAssistDone:
        // An assist may be open when tracing starts: an end without a start is fine.
        this.gAssist.data[this.row(ev.g)] = 0;
        break;
      case V1.GoWaiting:
      case V1.GoInSyscall:
        if (this.state(ev.g) !== RUNNABLE) this.fail(`g ${ev.g} is not runnable before ${ev.typ === V1.GoWaiting ? 'EvGoWaiting' : 'EvGoInSyscall'} (time ${ev.ts})`, ev);
        this.set(ev.g, WAITING, ev.typ);
        break;
      case V1.GoCreate: {
        this.checkRunning(this.p(ev.p), ev, true);
        if (this.find(ev.a0) >= 0) this.fail(`g ${ev.a0} already exists (time ${ev.ts})`, ev);
        this.set(ev.a0, RUNNABLE, ev.typ);
        break;
      }
      case V1.GoStart:
      case V1.GoStartLabel: {
        const p = this.p(ev.p);
        if (this.state(ev.g) !== RUNNABLE) this.fail(`g ${ev.g} is not runnable before start (time ${ev.ts})`, ev);
        if (p.g !== 0) this.fail(`p ${ev.p} is already running g ${p.g} while start g ${ev.g} (time ${ev.ts})`, ev);
        this.set(ev.g, RUNNING, 0);
        p.g = ev.g;
        break;
      }
      case V1.GoEnd:
      case V1.GoStop: {
        const p = this.p(ev.p);
        this.checkRunning(p, ev, false);
        this.set(ev.g, DEAD);
        p.g = 0;
        if (ev.typ === V1.GoEnd) {
          this.regions.delete(ev.g);
          // Dead for good (ids are never reused): its row goes. Go's reader keeps it, which only
          // matters to a later GoCreate of the same id ("already exists"), a broken trace anyway.
          this.rows.remove(ev.g);
        }
        break;
      }
      case V1.GoSched:
      case V1.GoPreempt: {
        const p = this.p(ev.p);
        this.checkRunning(p, ev, false);
        this.set(ev.g, RUNNABLE, ev.typ);
        p.g = 0;
        break;
      }
      case V1.GoUnblock: {
        const p = this.p(ev.p);
        if (this.state(ev.g) !== RUNNING) this.fail(`g ${ev.g} is not running while unpark (time ${ev.ts})`, ev);
        if (ev.p !== TIMER_P && p.g !== ev.g) this.fail(`p ${ev.p} is not running g ${ev.g} while unpark (time ${ev.ts})`, ev);
        if (this.state(ev.a0) !== WAITING) this.fail(`g ${ev.a0} is not waiting before unpark (time ${ev.ts})`, ev);
        const r1 = this.row(ev.a0);
        if (this.gLastEv.data[r1] === V1.GoBlockNet) ev.p = NETPOLL_P;
        this.gState.data[r1] = RUNNABLE;
        this.gLastEv.data[r1] = ev.typ;
        break;
      }
      case V1.GoSysCall:
        this.checkRunning(this.p(ev.p), ev, false);
        this.set(ev.g, RUNNING, ev.typ);
        break;
      case V1.GoSysBlock: {
        const p = this.p(ev.p);
        this.checkRunning(p, ev, false);
        this.set(ev.g, WAITING);
        p.g = 0;
        break;
      }
      case V1.GoSysExit:
        if (this.state(ev.g) !== WAITING) this.fail(`g ${ev.g} is not waiting during syscall exit (time ${ev.ts})`, ev);
        this.set(ev.g, RUNNABLE, ev.typ);
        break;
      case V1.GoSleep:
      case V1.GoBlock:
      case V1.GoBlockSend:
      case V1.GoBlockRecv:
      case V1.GoBlockSelect:
      case V1.GoBlockSync:
      case V1.GoBlockCond:
      case V1.GoBlockNet:
      case V1.GoBlockGC: {
        const p = this.p(ev.p);
        this.checkRunning(p, ev, false);
        this.set(ev.g, WAITING, ev.typ);
        p.g = 0;
        break;
      }
      case V1.UserTaskCreate:
        if (this.tasks.has(ev.a0)) this.fail(`task id conflicts (id:${ev.a0})`, ev);
        this.tasks.add(ev.a0);
        break;
      case V1.UserTaskEnd:
        this.tasks.delete(ev.a0);
        break;
      case V1.UserRegion:
        this.region(ev);
        break;
    }
    if (ev.stk !== 0 && !this.tables.hasStack(ev.stk)) ev.stk = 0;
  }

  private region(ev: V1Event): void {
    const mode = ev.a1;
    const list = this.regions.get(ev.g);
    if (mode === 0) {
      if (list) list.push({ task: ev.a0, name: ev.a2 });
      else this.regions.set(ev.g, [{ task: ev.a0, name: ev.a2 }]);
    } else if (mode === 1) {
      if (list && list.length > 0) {
        const s = list[list.length - 1];
        if (s.task !== ev.a0 || s.name !== ev.a2) this.fail(`misuse of region in goroutine ${ev.g}: span end when the inner-most active span start event is task ${s.task}`, ev);
        list.pop();
        if (list.length === 0) this.regions.delete(ev.g);
      }
    } else this.fail(`invalid user region mode: ${mode}`, ev);
  }
}
