// Pass 2's reader of one P's batches: holds the bytes of one batch at a time (read from the
// ByteSource when the previous one is used up) and decodes its events one by one. The current
// goroutine of a P carries over from one of its batches to the next, as in Go's reader.
import type { ByteSource } from '../../model/byte-source';
import { ParseError } from '../../model/errors';
import { uvarint, vr } from '../varint';
import { relTicks, uvarint64, v64, type V1Event } from './event';
import type { V1Index } from './index-pass';
import { V1, V1_ARGNUM, V1_ENDS_RUNNING, V1_HAS_STACK, V1_NAMES } from './spec';
import type { V1Tables } from './tables';

const utf8 = new TextDecoder('utf-8');
/** Raw arguments of one event (the tick delta first); more than 8 only in broken events. */
const raw = new Float64Array(8);

export class BatchCursor {
  /** Next entry of `batches` to load. */
  private nextBatch = 0;
  private data: Uint8Array = new Uint8Array(0);
  private pos = 0;
  private dataOffset = 0;
  private lastG = 0;
  private lastTs = 0;
  /** The decoded event waiting to be merged, if any. */
  head: V1Event | null = null;
  done = false;

  constructor(
    /** Index of this cursor in the merge. */
    readonly index: number,
    readonly pid: number,
    private readonly batches: readonly number[],
  ) {}

  /** True when the current batch is used up and another one must be read before decoding on. */
  get needsLoad(): boolean {
    return this.pos >= this.data.length && this.nextBatch < this.batches.length;
  }

  /** Reads the next batch; returns the file offset where it ends. */
  async load(source: ByteSource, ix: V1Index): Promise<number> {
    const b = this.batches[this.nextBatch++];
    const start = ix.batchStart.data[b];
    const end = ix.batchEnd.data[b];
    // A ByteSource may reuse its buffer: copy (one batch, 64 KiB in traces the runtime writes).
    const bytes = (await source.read(start, end - start)).slice();
    if (bytes.length < end - start) throw new ParseError('truncated', 'the file shrank while it was read', start + bytes.length);
    // Skip the batch header (type byte, P, ticks): pass 1 read and checked it.
    let p = 1;
    for (let i = 0; i < 2; i++) {
      uvarint(bytes, p, bytes.length);
      p += vr.len;
    }
    this.data = bytes;
    this.pos = p;
    this.dataOffset = start;
    this.lastTs = ix.batchTs.data[b];
    return end;
  }

  /**
   * Decodes the next event of the loaded batch into `ev` (Go's parseEvent): false when the batch
   * has none left. Table entries (strings, stacks, frequency, timer goroutines, CPU samples) were
   * taken by pass 1 and are skipped here.
   */
  decode(ev: V1Event, ix: V1Index, tables: V1Tables): boolean {
    const data = this.data;
    const end = data.length;
    for (;;) {
      let p = this.pos;
      if (p >= end) return false;
      const off = this.dataOffset + p;
      const b = data[p++];
      const typ = b & 0x3f;
      let narg = (b >> 6) + 1;
      if (typ === V1.String) {
        const idLen = skipVarint(data, p, end);
        const len = uvarint(data, p + idLen, end);
        this.pos = p + idLen + vr.len + len;
        continue;
      }
      let user = '';
      const exact = typ === V1.GoSysExit;
      if (exact) exitLo = exitHi = 0;
      if (narg <= 3) {
        for (let i = 0; i < narg; i++) {
          const v = data[p];
          if (v < 0x80 && p < end && !exact) {
            raw[i] = v;
            p++;
          } else {
            p = readArg(data, p, end, i, exact, off);
          }
        }
      } else {
        const len = uvarint(data, p, end);
        p += vr.len;
        const argEnd = p + len;
        narg = 0;
        while (p < argEnd) {
          if (narg < raw.length) p = readArg(data, p, argEnd, narg, exact, off);
          else p += skipVarint(data, p, argEnd);
          narg++;
        }
        if (typ === V1.UserLog) {
          const slen = uvarint(data, p, end);
          p += vr.len;
          user = utf8.decode(data.subarray(p, p + slen));
          p += slen;
        }
      }
      this.pos = p;
      if (typ === V1.Frequency || typ === V1.TimerGoroutine || typ === V1.Stack || typ === V1.CPUSample) continue;
      if (typ === V1.Batch) throw new ParseError('corrupt', 'batch header inside a batch', off);
      if (narg !== V1_ARGNUM[typ]) {
        throw new ParseError('corrupt', `${V1_NAMES[typ]} has wrong number of arguments: want ${V1_ARGNUM[typ]}, got ${narg}`, off);
      }
      ev.typ = typ;
      ev.p = this.pid;
      ev.g = this.lastG;
      ev.ts = this.lastTs + raw[0];
      this.lastTs = ev.ts;
      ev.a0 = ev.a1 = ev.a2 = ev.a3 = 0;
      ev.stk = 0;
      ev.hasRealTs = false;
      ev.offset = off;
      ev.proc = this.index;
      const last = narg - 1;
      for (let i = 1; i < narg; i++) {
        if (i === last && V1_HAS_STACK[typ] === 1) ev.stk = raw[i] >>> 0;
        else if (i === 1) ev.a0 = raw[1];
        else if (i === 2) ev.a1 = raw[2];
        else if (i === 3) ev.a2 = raw[3];
        else ev.a3 = raw[4];
      }
      switch (typ) {
        case V1.GoStart:
        case V1.GoStartLocal:
        case V1.GoStartLabel:
          this.lastG = ev.a0;
          ev.g = ev.a0;
          break;
        case V1.GoWaiting:
        case V1.GoInSyscall:
          ev.g = ev.a0;
          break;
        case V1.GoSysExit:
          ev.g = ev.a0;
          // Go's reader moves a GoSysExit to its real exit time when it has one (a GoSysExitLocal's
          // third argument is always 0 to it, so those stay put).
          if (exitLo !== 0 || exitHi !== 0) {
            ev.hasRealTs = true;
            ev.realTs = relTicks(exitHi, exitLo, ix.baseHi, ix.baseLo);
          }
          break;
        case V1.UserLog:
          ev.a3 = tables.id(user);
          break;
        default:
          if (V1_ENDS_RUNNING[typ] === 1) this.lastG = 0;
      }
      return true;
    }
  }
}

// The exact halves of GoSysExit's real-time argument (its 4th raw argument).
let exitLo = 0;
let exitHi = 0;

function readArg(data: Uint8Array, p: number, end: number, i: number, exact: boolean, off: number): number {
  if (exact) {
    uvarint64(data, p, end);
    if (v64.len <= 0) throw bad(v64.len, off);
    raw[i] = v64.hi * 4294967296 + v64.lo;
    if (i === 3) {
      exitLo = v64.lo;
      exitHi = v64.hi;
    }
    return p + v64.len;
  }
  raw[i] = uvarint(data, p, end);
  if (vr.len <= 0) throw bad(vr.len, off);
  return p + vr.len;
}

function bad(len: number, off: number): ParseError {
  return new ParseError(len === 0 ? 'truncated' : 'corrupt', 'malformatted base-128 varint', off);
}

function skipVarint(data: Uint8Array, p: number, end: number): number {
  let k = 0;
  while (p + k < end && data[p + k] >= 0x80) k++;
  return k + 1;
}
