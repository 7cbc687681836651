// Pass 1 over a v1 trace: one sequential read of the whole file that keeps only what the merge
// needs up front. The v1 format has no generations: batches of all Ps interleave over the whole
// file and the tables the events refer to (stacks, the tick frequency) are written last, in a
// footer. So this pass records where every batch is (28 bytes a batch; the runtime writes 64 KiB
// batches, ~3,200 for 200 MB) and reads the footer tables, CPU samples and the real exit times of
// syscalls; pass 2 (merge.ts) then reads each P's batches lazily, one at a time.
// Event layout and checks follow Go's v1 reader (x/exp trace/internal/tracev1, parser.go).
import type { ByteSource } from '../../model/byte-source';
import { ParseError } from '../../model/errors';
import { ByteReader } from '../byte-reader';
import { GrowableColumn } from '../columns';
import type { Frame } from '../generation';
import { isMaxUint64, relTicks, uvarint64, v64 } from './event';
import { MAX_PREFIXED_ARGS_BYTES, MAX_STACK_FRAMES, MAX_STRING_BYTES, V1, V1_COUNT, V1_MIN_VERSION } from './spec';
import { uvarint, vr } from '../varint';
import type { CancelSignal } from '../../model/cancel';

export const V1_HEADER_SIZE = 16;
/** Bytes that hold any event with inline arguments (1 + 3 × 10) or a prefixed event's header. */
const SMALL = 64;
const utf8 = new TextDecoder('utf-8');

export class V1Index {
  /** Absolute ticks of the first batch: every tick value is kept relative to it (exact doubles). */
  baseHi = 0;
  baseLo = 0;
  hasBase = false;
  readonly batchP = new GrowableColumn(Float64Array, 64);
  readonly batchStart = new GrowableColumn(Float64Array, 64);
  readonly batchEnd = new GrowableColumn(Float64Array, 64);
  readonly batchTs = new GrowableColumn(Float64Array, 64);
  /** Batch indices per P, in file order, and the Ps in order of first appearance. */
  readonly procBatches = new Map<number, number[]>();
  readonly procOrder: number[] = [];
  readonly strings = new Map<number, string>();
  maxStringId = 0;
  readonly stacks = new Map<number, number[]>();
  /** Frame of each PC: the first one recorded wins (Go's reader keys frames by PC). */
  readonly pcs = new Map<number, Frame>();
  ticksPerSec = 0;
  readonly timerGoroutines = new Set<number>();
  readonly cpuTs = new GrowableColumn(Float64Array, 64);
  readonly cpuP = new GrowableColumn(Float64Array, 64);
  readonly cpuG = new GrowableColumn(Float64Array, 64);
  readonly cpuStack = new GrowableColumn(Uint32Array, 64);
  readonly cpuOffset = new GrowableColumn(Float64Array, 64);
  /** Real exit times (relative ticks) of every GoSysExit that carries one, sorted. */
  sysExitTs: Float64Array = new Float64Array(0);
  /** Why pass 1 stopped before the end of the file (pass 2 reads the batches before it). */
  error: ParseError | null = null;
  /** File offset where usable data ends. */
  dataEnd = V1_HEADER_SIZE;

  constructor(
    readonly version: number,
    readonly size: number,
  ) {}

  get batches(): number {
    return this.batchP.length;
  }
}

function corrupt(msg: string, offset: number): ParseError {
  return new ParseError('corrupt', msg, offset);
}

/** Arguments of the one event whose arguments pass 1 keeps (footer tables, CPU samples, syscall exits). */
let args: number[] = [];
let argsLo: number[] = [];
let argsHi: number[] = [];

class NeedMore {
  constructor(readonly bytes: number) {}
}

/**
 * Reads the whole trace once (after the 16-byte header) and returns its index. Damage stops the
 * pass: `error` says why and where, `dataEnd` where the usable prefix ends.
 */
export async function indexV1(source: ByteSource, version: number, signal?: CancelSignal): Promise<V1Index> {
  const ix = new V1Index(version, source.size);
  const sysExit = new GrowableColumn(Float64Array, 256);
  const r = new ByteReader(source, V1_HEADER_SIZE, signal);
  let cur = -1;
  let want = SMALL;
  try {
    for (;;) {
      let avail = r.bytes.length - r.pos;
      if (avail < want) avail = await r.ensure(want);
      if (avail === 0) break;
      const buf = r.bytes;
      const limit = r.pos + avail;
      const fileAt = r.offset - r.pos;
      let p = r.pos;
      want = SMALL;
      // Sync loop over every event that fits in the buffer; an event that does not stops it and
      // says how many bytes it needs, and the buffer is refilled from that event on.
      while (p < limit) {
        if (limit - p < SMALL && fileAt + limit < source.size) break;
        const res = event(ix, buf, p, limit, fileAt, cur, sysExit);
        if (res instanceof NeedMore) {
          if (fileAt + limit >= source.size) {
            throw new ParseError('truncated', `the trace ends inside an event (type ${buf[p] & 0x3f}) at byte ${fileAt + p}`, fileAt + p);
          }
          // Always ask for more than is there, so a refill makes progress.
          want = Math.max(res.bytes, limit - p + SMALL);
          break;
        }
        if (res < 0) cur = ix.batches - 1;
        p = res < 0 ? -res : res;
      }
      r.pos = p;
      if (fileAt + p >= source.size) break;
    }
    ix.dataEnd = source.size;
  } catch (e) {
    if (!(e instanceof ParseError) || e.code === 'cancelled') throw e;
    ix.error = e;
    ix.dataEnd = e.offset;
  }
  if (ix.batches > 0) ix.batchEnd.data[ix.batches - 1] = ix.dataEnd;
  ix.sysExitTs = sysExit.trimmed().sort();
  return ix;
}

/**
 * Parses one raw event at `p`. Returns the position after it (negated when it started a batch),
 * or NeedMore when the buffer ends inside it. Throws ParseError for anything Go's reader refuses.
 */
function event(ix: V1Index, buf: Uint8Array, p: number, limit: number, fileAt: number, cur: number, sysExit: GrowableColumn<Float64Array>): number | NeedMore {
  const start = p;
  const off = fileAt + p;
  const b = buf[p++];
  const typ = b & 0x3f;
  const narg = (b >> 6) + 1;
  if (typ === V1.None || typ >= V1_COUNT || V1_MIN_VERSION[typ] > ix.version) throw corrupt(`unknown event type ${typ}`, off);
  if (typ === V1.String) {
    const id = uvarint(buf, p, limit);
    if (vr.len === 0) return new NeedMore(p - start + 20);
    if (vr.len < 0) throw corrupt('malformatted base-128 varint', off);
    p += vr.len;
    const len = uvarint(buf, p, limit);
    if (vr.len === 0) return new NeedMore(p - start + 10);
    if (vr.len < 0) throw corrupt('malformatted base-128 varint', off);
    p += vr.len;
    // Go's reader stores strings while it loads batches: one before the first batch is never read.
    if (cur < 0) return p + len > limit ? new NeedMore(p - start + len) : p + len;
    if (id === 0) throw corrupt('string has invalid id 0', off);
    if (ix.strings.has(id)) throw corrupt(`string has duplicate id ${id}`, off);
    if (len === 0) throw corrupt('string has invalid length 0', off);
    if (len > MAX_STRING_BYTES) throw new ParseError('too-large', `string has too large length ${len}`, off);
    if (p + len > limit) return new NeedMore(p - start + len);
    ix.strings.set(id, utf8.decode(buf.subarray(p, p + len)));
    if (id > ix.maxStringId) ix.maxStringId = id;
    return p + len;
  }
  if (typ === V1.Batch) {
    if (narg !== 2) throw corrupt(`EvBatch has wrong number of arguments: got ${narg}, want 2`, off);
    uvarint64(buf, p, limit);
    if (v64.len === 0) return new NeedMore(SMALL);
    if (v64.len < 0) throw corrupt('malformatted base-128 varint', off);
    p += v64.len;
    let pid: number;
    if (isMaxUint64(v64.hi, v64.lo)) pid = -1;
    else if (v64.hi !== 0 || v64.lo > 0x7fffffff) throw corrupt(`processor ID ${v64.hi * 4294967296 + v64.lo} is larger than maximum of 2147483647`, off);
    else pid = v64.lo;
    uvarint64(buf, p, limit);
    if (v64.len === 0) return new NeedMore(SMALL);
    if (v64.len < 0) throw corrupt('malformatted base-128 varint', off);
    p += v64.len;
    if (!ix.hasBase) {
      ix.hasBase = true;
      ix.baseHi = v64.hi;
      ix.baseLo = v64.lo;
    }
    const n = ix.batches;
    if (n > 0) ix.batchEnd.data[n - 1] = off;
    ix.batchP.push(pid);
    ix.batchStart.push(off);
    ix.batchEnd.push(off);
    ix.batchTs.push(relTicks(v64.hi, v64.lo, ix.baseHi, ix.baseLo));
    let list = ix.procBatches.get(pid);
    if (!list) {
      ix.procBatches.set(pid, (list = []));
      ix.procOrder.push(pid);
    }
    list.push(n);
    return -p;
  }
  if (cur < 0) throw corrupt(`read event ${typ} with current P of 0, but P has no batches yet`, off);
  // Arguments: inline (up to 3 including the tick delta) or length-prefixed.
  const keep = typ === V1.Stack || typ === V1.CPUSample || typ === V1.GoSysExit || typ === V1.Frequency || typ === V1.TimerGoroutine;
  if (keep) {
    args = [];
    argsLo = [];
    argsHi = [];
  }
  let argEnd: number;
  if (narg <= 3) {
    for (let i = 0; i < narg; i++) {
      if (keep) {
        uvarint64(buf, p, limit);
        if (v64.len === 0) return new NeedMore(p - start + 10 * (narg - i));
        if (v64.len < 0) throw corrupt(`failed to read event ${typ} argument: malformatted base-128 varint`, off);
        args.push(v64.hi * 4294967296 + v64.lo);
        argsLo.push(v64.lo);
        argsHi.push(v64.hi);
        p += v64.len;
      } else {
        // Skip: a varint ends at the first byte below 0x80, within 10 bytes.
        let k = 0;
        while (p + k < limit && buf[p + k] >= 0x80 && k < 10) k++;
        if (p + k >= limit) return new NeedMore(p - start + 10 * (narg - i));
        if (k === 9 ? buf[p + k] > 1 : k === 10) throw corrupt(`failed to read event ${typ} argument: malformatted base-128 varint`, off);
        p += k + 1;
      }
    }
    argEnd = p;
  } else {
    const len = uvarint(buf, p, limit);
    if (vr.len === 0) return new NeedMore(p - start + 10);
    if (vr.len < 0) throw corrupt(`failed to read event ${typ} argument: malformatted base-128 varint`, off);
    p += vr.len;
    if (len > MAX_PREFIXED_ARGS_BYTES) {
      throw new ParseError('too-large', `failed to read event ${typ} argument: length-prefixed argument too big: ${len} bytes, limit is ${MAX_PREFIXED_ARGS_BYTES}`, off);
    }
    if (p + len > limit) return new NeedMore(p - start + len + (typ === V1.UserLog ? 10 : 0));
    argEnd = p + len;
    if (keep) {
      while (p < argEnd) {
        uvarint64(buf, p, argEnd);
        if (v64.len <= 0) throw corrupt('malformatted base-128 varint', off);
        args.push(v64.hi * 4294967296 + v64.lo);
        argsLo.push(v64.lo);
        argsHi.push(v64.hi);
        p += v64.len;
      }
    }
    p = argEnd;
    if (typ === V1.UserLog) {
      const slen = uvarint(buf, p, limit);
      if (vr.len === 0) return new NeedMore(p - start + 10);
      if (vr.len < 0) throw corrupt('malformatted base-128 varint', off);
      p += vr.len;
      if (slen > MAX_STRING_BYTES) throw new ParseError('too-large', `string is too large (len=${slen})`, off);
      if (p + slen > limit) return new NeedMore(p - start + slen);
      p += slen;
    }
  }
  switch (typ) {
    case V1.Frequency:
      if (args.length !== 1) throw corrupt(`Frequency has wrong number of arguments: want 1, got ${args.length}`, off);
      // Go reads it as an int64: 0 or ≥ 2^63 means broken clocks ("time stamps out of order").
      if (args[0] === 0 || argsHi[0] >= 0x80000000) throw corrupt('time stamps out of order (tick frequency ≤ 0)', off);
      ix.ticksPerSec = args[0];
      break;
    case V1.TimerGoroutine:
      if (args.length !== 1) throw corrupt(`TimerGoroutine has wrong number of arguments: want 1, got ${args.length}`, off);
      ix.timerGoroutines.add(args[0]);
      break;
    case V1.Stack:
      stack(ix, off);
      break;
    case V1.CPUSample:
      if (args.length !== 5) throw corrupt(`CPU sample has wrong number of arguments: want 5, got ${args.length}`, off);
      ix.cpuTs.push(relTicks(argsHi[1], argsLo[1], ix.baseHi, ix.baseLo));
      ix.cpuP.push(argsLo[2] | 0);
      ix.cpuG.push(args[3]);
      ix.cpuStack.push(argsLo[4]);
      ix.cpuOffset.push(off);
      break;
    case V1.GoSysExit:
      // The real exit time moves the event in the final time order (see sysexit.ts); pass 2 needs
      // every one in advance to know how long to hold events back.
      if (args.length === 4 && (argsHi[3] !== 0 || argsLo[3] !== 0)) sysExit.push(relTicks(argsHi[3], argsLo[3], ix.baseHi, ix.baseLo));
      break;
  }
  return p;
}

function stack(ix: V1Index, off: number): void {
  if (args.length < 2) throw corrupt(`EvStack has wrong number of arguments: want at least 2, got ${args.length}`, off);
  const size = args[1];
  if (size > MAX_STACK_FRAMES) throw corrupt(`EvStack has bad number of frames: ${size}`, off);
  if (args.length !== 2 + 4 * size) throw corrupt(`EvStack has wrong number of arguments: want ${2 + 4 * size}, got ${args.length}`, off);
  const id = argsLo[0];
  if (id === 0 || size === 0) return;
  const pcs = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    const pc = args[2 + 4 * i];
    pcs[i] = pc;
    if (!ix.pcs.has(pc)) ix.pcs.set(pc, { funcId: args[3 + 4 * i], fileId: args[4 + 4 * i], line: args[5 + 4 * i] });
  }
  ix.stacks.set(id, pcs);
}
