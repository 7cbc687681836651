// Ordering handlers for GC phases, ranges (STW, mark assist, sweep), user tasks and regions:
// x/exp trace/order.go's advanceGC*, advanceGoRange*, advanceUser*. Split from order.ts for size.
import { Ev, NONE, START_EV } from './spec';
import { GC_NOT_RUNNING, GC_RUNNING, GC_UNDETERMINED, MAY, MUST, OrderingCore, type PState } from './order-core';

export class RangeOrdering extends OrderingCore {
  protected userTaskBegin(): boolean {
    const ev = this.ev;
    const id = ev.a0;
    if (this.activeTasks.has(id)) this.fail(`task ID conflict: ${id}`);
    let parent = ev.a1;
    if (parent === 0) parent = NONE;
    const name = this.str(ev.a2);
    if (name === undefined) this.fail(`invalid string ID ${ev.a2} for ${ev.typ} event`);
    this.activeTasks.set(id, { name, parent });
    this.validate(MUST, MUST, MUST);
    this.emit().a1 = parent;
    return true;
  }

  protected userTaskEnd(): boolean {
    const id = this.ev.a0;
    const t = this.activeTasks.get(id);
    if (t !== undefined) this.activeTasks.delete(id);
    this.validate(MUST, MUST, MUST);
    const e = this.emit();
    e.extra = t ? t.parent : NONE;
    e.extraStr = t ? t.name : '';
    return true;
  }

  protected str(id: number): string | undefined {
    return id === 0 ? '' : this.gen.strings.get(id);
  }

  protected userRegion(begin: boolean): boolean {
    this.validate(MUST, MUST, MUST);
    const ev = this.ev;
    const name = this.str(ev.a1);
    if (name === undefined) this.fail(`invalid string ID ${ev.a1} for ${ev.typ} event`);
    const gs = this.gStates.get(this.cg);
    if (gs === undefined) this.fail(`encountered Ev${this.name(ev.typ)} without known state for current goroutine ${this.cg}`);
    if (begin) {
      gs.regionTask.push(ev.a0);
      gs.regionName.push(name);
    } else if (gs.regionTask.length > 0) {
      const last = gs.regionTask.length - 1;
      if (gs.regionTask[last] !== ev.a0 || gs.regionName[last] !== name) {
        this.fail(`misuse of region in goroutine ${this.cg}: region end {${ev.a0} ${name}} when the inner-most active region start event is {${gs.regionTask[last]} ${gs.regionName[last]}}`);
      }
      gs.regionTask.pop();
      gs.regionName.pop();
    }
    this.emit();
    return true;
  }

  protected gcActive(): boolean {
    const seq = this.ev.a0;
    if (this.genN === this.initialGen) {
      if (this.gcState !== GC_UNDETERMINED) this.fail("GCActive in the first generation isn't first GC event");
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.emit();
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState !== GC_RUNNING) this.fail('encountered GCActive while GC was not in progress');
    this.gcSeq = seq;
    this.validate(MUST, MUST, MUST);
    this.emit();
    return true;
  }

  protected gcBegin(): boolean {
    const seq = this.ev.a0;
    if (this.gcState === GC_UNDETERMINED) {
      this.gcSeq = seq;
      this.gcState = GC_RUNNING;
      this.emit();
      return true;
    }
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_RUNNING) this.fail('encountered GCBegin while GC was already in progress');
    this.gcSeq = seq;
    this.gcState = GC_RUNNING;
    this.validate(MUST, MUST, MUST);
    this.emit();
    return true;
  }

  protected gcEnd(): boolean {
    const seq = this.ev.a0;
    if (seq !== this.gcSeq + 1) return false;
    if (this.gcState === GC_NOT_RUNNING) this.fail('encountered GCEnd when GC was not in progress');
    if (this.gcState === GC_UNDETERMINED) this.fail('encountered GCEnd when GC was in an undetermined state');
    this.gcSeq = seq;
    this.gcState = GC_NOT_RUNNING;
    this.validate(MUST, MUST, MUST);
    this.emit();
    return true;
  }

  protected beginRange(r: { rangeTyp: number[]; rangeDesc: number[] }, typ: number, desc: number): void {
    const t = START_EV[typ] || typ;
    for (let i = 0; i < r.rangeTyp.length; i++) {
      if (r.rangeTyp[i] === t && r.rangeDesc[i] === desc) this.fail(`discovered event already in-flight for when starting event ${this.name(t)}`);
    }
    r.rangeTyp.push(t);
    r.rangeDesc.push(desc);
  }

  protected activeRange(r: { rangeTyp: number[]; rangeDesc: number[] }, typ: number): void {
    const t = START_EV[typ] || typ;
    let has = false;
    for (let i = 0; i < r.rangeTyp.length; i++) if (r.rangeTyp[i] === t && r.rangeDesc[i] === 0) has = true;
    if (this.genN === this.initialGen) {
      if (has) this.fail(`found named active range already in first gen: ${this.name(t)}`);
      r.rangeTyp.push(t);
      r.rangeDesc.push(0);
    } else if (!has) {
      this.fail(`resource is missing active range: ${this.name(t)}`);
    }
  }

  /** Ends the first in-flight range of the begin type of `typ`; returns its desc. */
  protected endRange(r: { rangeTyp: number[]; rangeDesc: number[] }, typ: number): number {
    const st = START_EV[typ];
    const idx = r.rangeTyp.indexOf(st);
    if (idx < 0) this.fail(`tried to end event ${this.name(st)}, but not in-flight`);
    const desc = r.rangeDesc[idx];
    const last = r.rangeTyp.length - 1;
    r.rangeTyp[idx] = r.rangeTyp[last];
    r.rangeDesc[idx] = r.rangeDesc[last];
    r.rangeTyp.pop();
    r.rangeDesc.pop();
    return desc;
  }

  protected goRangeBegin(): boolean {
    this.validate(MUST, MUST, MUST);
    const desc = this.ev.typ === Ev.STWBegin ? this.ev.a0 : 0;
    const gs = this.gStates.get(this.cg);
    if (gs === undefined) this.fail(`encountered event of type ${this.ev.typ} without known state for current goroutine ${this.cg}`);
    this.beginRange(gs, this.ev.typ, desc);
    this.emit();
    return true;
  }

  protected goRangeActive(): boolean {
    const gid = this.ev.a0;
    const gs = this.gStates.get(gid);
    if (gs === undefined) this.fail(`uninitialized goroutine ${gid} found during ${this.name(this.ev.typ)}`);
    this.activeRange(gs, this.ev.typ);
    this.emit();
    return true;
  }

  protected goRangeEnd(): boolean {
    this.validate(MUST, MUST, MUST);
    const gs = this.gStates.get(this.cg);
    if (gs === undefined) this.fail(`encountered event of type ${this.ev.typ} without known state for current goroutine ${this.cg}`);
    const desc = this.endRange(gs, this.ev.typ);
    const e = this.emit();
    if (this.ev.typ === Ev.STWEnd) e.a0 = desc;
    return true;
  }

  protected procForRange(): PState {
    const ps = this.pStates.get(this.cp);
    if (ps === undefined) this.fail(`event ${this.name(this.ev.typ)} for proc (${this.cp}) that doesn't exist`);
    return ps;
  }

  protected gcSweepBegin(): boolean {
    this.validate(MUST, MUST, MAY);
    this.beginRange(this.procForRange(), this.ev.typ, 0);
    this.emit();
    return true;
  }

  protected gcSweepActive(): boolean {
    const pid = this.ev.a0;
    const ps = this.pStates.get(pid);
    if (ps === undefined) this.fail(`encountered GCSweepActive for unknown proc ${pid}`);
    this.activeRange(ps, this.ev.typ);
    this.emit();
    return true;
  }

  protected gcSweepEnd(): boolean {
    this.validate(MUST, MUST, MAY);
    this.endRange(this.procForRange(), this.ev.typ);
    this.emit();
    return true;
  }
}
