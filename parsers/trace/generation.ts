// Reads one generation: its batches (grouped per M in file order), string / stack / CPU-sample
// tables and sync data. Mirrors x/exp trace/generation.go + batch.go: Go ≤1.25 generations end
// where a batch of generation N+1 appears ("spill"), Go 1.26 ones at the EndOfGeneration byte.
import { ParseError } from '../model/errors';
import type { ByteReader } from './byte-reader';
import { Ev, MAX_BATCH_SIZE, MAX_FRAMES_PER_STACK, MAX_STRING_SIZE, WIRE_NONE, NONE } from './spec';
import { uvarint, vr } from './varint';

export interface Batch {
  m: number;
  time: number;
  data: Uint8Array;
  /** File offset of data[0], for error messages. */
  offset: number;
  exp: number;
  gen: number;
  /** The Go 1.26 EndOfGeneration byte (not really a batch). */
  eog?: boolean;
}

export interface Frame {
  funcId: number;
  fileId: number;
  line: number;
}

export interface CpuSample {
  time: number;
  m: number;
  p: number;
  g: number;
  stack: number;
}

export interface Generation {
  gen: number;
  /** Event batches per M, file order. */
  batches: Map<number, Batch[]>;
  /** Ms in order of first appearance (Go's batchMs). */
  batchMs: number[];
  strings: Map<number, string>;
  stacks: Map<number, number[]>;
  pcs: Map<number, Frame>;
  cpuSamples: CpuSample[];
  minTs: number;
  /** ns per trace-clock unit; 0 until the frequency event is seen. */
  freq: number;
  hasClockSnapshot: boolean;
  clock?: { trace: number; mono: number; sec: number; nsec: number };
  /** File offset where this generation's first batch starts. */
  startOffset: number;
  /** File offset just past its last batch. */
  endOffset: number;
  /** Bytes of all batches (for progress and memory accounting). */
  bytes: number;
  /** Dense "ID exists" flags for the stack / string tables (null when IDs are too sparse). */
  stackOk: Uint8Array | null;
  stringOk: Uint8Array | null;
  /** Experimental batches skipped (reported as a warning). */
  experimentalBatches: number;
}

/** 4 Mi IDs: a 4 MiB flag array at most; the runtime numbers IDs densely from 1. */
const MAX_DENSE_ID = 1 << 22;

function denseFlags(table: Map<number, unknown>): Uint8Array | null {
  let max = 0;
  for (const k of table.keys()) if (k > max) max = k;
  if (max >= MAX_DENSE_ID || max > 8 * table.size + 1024) return null;
  const f = new Uint8Array(max + 1);
  for (const k of table.keys()) f[k] = 1;
  f[0] = 1;
  return f;
}

function corrupt(msg: string, offset: number): ParseError {
  return new ParseError('corrupt', msg, offset);
}

/** Result of reading one batch: null at clean EOF. */
async function readBatch(r: ByteReader): Promise<Batch | null> {
  const start = r.offset;
  const avail = await r.ensure(64);
  if (avail === 0) return null;
  const buf = r.bytes;
  const end = r.pos + avail;
  let p = r.pos;
  const typ = buf[p++];
  if (typ === Ev.EndOfGeneration) {
    r.pos = p;
    return { m: NONE, time: 0, data: buf.subarray(p - 1, p), offset: start, exp: 0, gen: 0, eog: true };
  }
  if (typ !== Ev.EventBatch && typ !== Ev.ExperimentalBatch) throw corrupt(`expected batch event, got event ${typ}`, start);
  let exp = 0;
  if (typ === Ev.ExperimentalBatch) {
    if (p >= end) throw new ParseError('truncated', 'unexpected EOF in batch header', r.offset);
    exp = buf[p++];
  }
  const fields = ['gen', 'M ID', 'timestamp', 'size'];
  const vals = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) {
    const v = uvarint(buf, p, end);
    if (vr.len === 0) throw new ParseError('truncated', `error reading batch ${fields[i]}: unexpected EOF`, start + (p - r.pos));
    if (vr.len < 0) throw corrupt(`error reading batch ${fields[i]}: varint overflows a 64-bit integer`, start + (p - r.pos));
    vals[i] = v;
    p += vr.len;
  }
  const [gen, m, ts, size] = vals;
  if (size > MAX_BATCH_SIZE) throw new ParseError('too-large', `invalid batch size ${size}, maximum is ${MAX_BATCH_SIZE}`, start);
  const headerLen = p - r.pos;
  const got = await r.ensure(headerLen + size);
  if (got < headerLen + size) {
    throw new ParseError('truncated', `failed to read full batch: read ${got - headerLen} but wanted ${size}`, r.offset + got);
  }
  const dataStart = r.pos + headerLen;
  const data = r.bytes.subarray(dataStart, dataStart + size);
  r.pos = dataStart + size;
  return { m: m === WIRE_NONE ? NONE : m, time: ts, data, offset: start + headerLen, exp, gen };
}

function newGeneration(startOffset: number): Generation {
  return {
    gen: 0,
    batches: new Map(),
    batchMs: [],
    strings: new Map(),
    stacks: new Map(),
    pcs: new Map(),
    cpuSamples: [],
    minTs: 0,
    freq: 0,
    hasClockSnapshot: false,
    startOffset,
    endOffset: startOffset,
    bytes: 0,
    stackOk: null,
    stringOk: null,
    experimentalBatches: 0,
  };
}

export interface GenerationRead {
  gen: Generation | null;
  /** Go ≤1.25: first batch of the next generation. */
  spill: Batch | null;
  /** An error hit after this generation's batches (reported once it has been emitted). */
  err: ParseError | null;
}

/**
 * Go ≤1.25 (readGenerationWithSpill): batches until one of generation N+1. A read error after
 * at least one batch is deferred (returned in `err`) so the generation itself is still emitted.
 */
export async function readGenerationWithSpill(r: ByteReader, spill: Batch | null, ver: number): Promise<GenerationRead> {
  const g = newGeneration(spill ? spill.offset : r.offset);
  if (spill) {
    g.gen = spill.gen;
    g.minTs = spill.time;
    processBatch(g, spill, ver);
    spill = null;
  }
  let err: ParseError | null = null;
  for (;;) {
    let b: Batch | null;
    try {
      b = await readBatch(r);
    } catch (e) {
      if (e instanceof ParseError && g.gen !== 0 && e.code !== 'cancelled') {
        err = e;
        break;
      }
      throw e;
    }
    if (b === null) break;
    if (b.gen === 0) throw corrupt(`invalid generation number ${b.gen}`, b.offset);
    if (g.gen === 0) g.gen = b.gen;
    if (b.gen === g.gen + 1) {
      spill = b;
      break;
    }
    if (b.gen !== g.gen) throw corrupt('generations out of order', b.offset);
    if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
    processBatch(g, b, ver);
  }
  finishGeneration(g, ver, r.offset);
  return { gen: g, spill, err };
}

/** Go 1.26 (readGeneration): batches up to the EndOfGeneration byte; null at a clean EOF. */
export async function readGeneration126(r: ByteReader, ver: number): Promise<Generation | null> {
  const g = newGeneration(r.offset);
  for (;;) {
    const b = await readBatch(r);
    if (b === null) {
      if (g.batches.size !== 0) throw new ParseError('truncated', 'incomplete generation found; trace likely truncated', r.offset);
      return null;
    }
    if (g.gen === 0) g.gen = b.gen;
    if (b.eog) break;
    if (b.gen === 0) throw corrupt(`invalid generation number ${b.gen}`, b.offset);
    if (b.gen !== g.gen) throw corrupt('broken trace: missing end-of-generation event, or generations are interleaved', b.offset);
    if (g.minTs === 0 || b.time < g.minTs) g.minTs = b.time;
    processBatch(g, b, ver);
  }
  finishGeneration(g, ver, r.offset);
  return g;
}

function finishGeneration(g: Generation, ver: number, offset: number): void {
  g.endOffset = offset;
  if (g.freq === 0) throw corrupt('no frequency event found', offset);
  if (ver >= 25 && !g.hasClockSnapshot) throw corrupt('no clock snapshot event found', offset);
  for (const [id, pcs] of g.stacks) {
    for (const pc of pcs) {
      const f = g.pcs.get(pc);
      if (f === undefined) throw corrupt(`found unknown pc ${pc.toString(16)} for stack ${id}`, offset);
      if (f.funcId !== 0 && !g.strings.has(f.funcId)) throw corrupt(`found invalid func string ID ${f.funcId} for stack ${id}`, offset);
      if (f.fileId !== 0 && !g.strings.has(f.fileId)) throw corrupt(`found invalid file string ID ${f.fileId} for stack ${id}`, offset);
    }
  }
  g.stackOk = denseFlags(g.stacks);
  g.stringOk = denseFlags(g.strings);
  for (const s of g.cpuSamples) s.time = Math.trunc(s.time * g.freq);
  g.cpuSamples.sort((a, b) => a.time - b.time);
}

function processBatch(g: Generation, b: Batch, ver: number): void {
  g.bytes += b.data.length;
  const first = b.exp === 0 && b.data.length > 0 ? b.data[0] : -1;
  if (first === Ev.Strings) addStrings(g, b);
  else if (first === Ev.Stacks) addStacks(g, b);
  else if (first === Ev.CPUSamples) addCpuSamples(g, b);
  else if ((first === Ev.Frequency && ver < 25) || (first === Ev.Sync && ver >= 25)) setSync(g, b, ver);
  else if (b.exp !== 0) {
    // Experimental batches (AllocFree) are opaque to this parser; Go hands them to consumers as-is.
    g.experimentalBatches++;
  } else if (first === Ev.EndOfGeneration) throw corrupt('unexpected EndOfGeneration inside a batch; broken trace?', b.offset);
  else {
    let list = g.batches.get(b.m);
    if (list === undefined) {
      list = [];
      g.batches.set(b.m, list);
      g.batchMs.push(b.m);
    }
    list.push(b);
  }
}

/** Sequential field reader over one batch's data, with Go's error wording. */
class DataReader {
  p: number;
  constructor(
    readonly b: Batch,
    start: number,
  ) {
    this.p = start;
  }
  get done(): boolean {
    return this.p >= this.b.data.length;
  }
  get offset(): number {
    return this.b.offset + this.p;
  }
  byte(): number {
    if (this.p >= this.b.data.length) throw new ParseError('truncated', 'unexpected end of batch', this.offset);
    return this.b.data[this.p++];
  }
  uv(): number {
    const v = uvarint(this.b.data, this.p, this.b.data.length);
    if (vr.len === 0) throw new ParseError('truncated', 'unexpected end of batch inside a varint', this.offset);
    if (vr.len < 0) throw corrupt('varint overflows a 64-bit integer', this.offset);
    this.p += vr.len;
    return v;
  }
}

const utf8 = new TextDecoder('utf-8');

function addStrings(g: Generation, b: Batch): void {
  const r = new DataReader(b, 1);
  while (!r.done) {
    const at = r.offset;
    const ev = r.byte();
    if (ev !== Ev.String) throw corrupt(`expected string event, got ${ev}`, at);
    const id = r.uv();
    const len = r.uv();
    if (len > MAX_STRING_SIZE) throw new ParseError('too-large', `invalid string size ${len}, maximum is ${MAX_STRING_SIZE}`, at);
    if (r.p + len > b.data.length) throw new ParseError('truncated', `failed to read full string: read ${b.data.length - r.p} but wanted ${len}`, at);
    const s = utf8.decode(b.data.subarray(r.p, r.p + len));
    r.p += len;
    if (id === 0 || g.strings.has(id)) throw corrupt(`multiple strings with the same ID: id=${id}`, at);
    g.strings.set(id, s);
  }
}

function addStacks(g: Generation, b: Batch): void {
  const r = new DataReader(b, 1);
  while (!r.done) {
    const at = r.offset;
    const ev = r.byte();
    if (ev !== Ev.Stack) throw corrupt(`expected stack event, got ${ev}`, at);
    const id = r.uv();
    const n = r.uv();
    if (n > MAX_FRAMES_PER_STACK) throw new ParseError('too-large', `invalid stack size ${n}, maximum is ${MAX_FRAMES_PER_STACK}`, at);
    const pcs: number[] = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const pc = r.uv();
      const funcId = r.uv();
      const fileId = r.uv();
      const line = r.uv();
      pcs[i] = pc;
      if (!g.pcs.has(pc)) g.pcs.set(pc, { funcId, fileId, line });
    }
    if (id === 0 || g.stacks.has(id)) throw corrupt(`multiple stacks with the same ID: id=${id}`, at);
    g.stacks.set(id, pcs);
  }
}

function addCpuSamples(g: Generation, b: Batch): void {
  const r = new DataReader(b, 1);
  while (!r.done) {
    const at = r.offset;
    const ev = r.byte();
    if (ev !== Ev.CPUSample) throw corrupt(`expected CPU sample event, got ${ev}`, at);
    const time = r.uv();
    const m = r.uv();
    const p = r.uv();
    const gid = r.uv();
    const stack = r.uv();
    g.cpuSamples.push({
      time,
      m: m === WIRE_NONE ? NONE : m,
      p: p === WIRE_NONE ? NONE : p,
      g: gid === 0 || gid === WIRE_NONE ? NONE : gid,
      stack,
    });
  }
}

function setSync(g: Generation, b: Batch, ver: number): void {
  const r = new DataReader(b, ver >= 25 ? 1 : 0);
  let lastTs = b.time;
  while (!r.done) {
    const at = r.offset;
    const ev = r.byte();
    if (ev === Ev.Frequency) {
      if (g.freq !== 0) throw corrupt('found multiple frequency events', at);
      const f = r.uv();
      g.freq = 1.0 / (f / 1e9);
      // Go stores 1/(f/1e9) even for f = 0 (+Inf): every time then overflows. Refuse it instead.
      if (!Number.isFinite(g.freq) || g.freq === 0) throw corrupt(`invalid frequency ${f}`, at);
    } else if (ev === Ev.ClockSnapshot && ver >= 25) {
      if (g.hasClockSnapshot) throw corrupt('found multiple clock snapshot events', at);
      g.hasClockSnapshot = true;
      lastTs += r.uv();
      const mono = r.uv();
      const sec = r.uv();
      const nsec = r.uv();
      g.clock = { trace: lastTs, mono, sec, nsec };
    } else {
      throw corrupt(`expected frequency or clock snapshot event, got ${ev}`, at);
    }
  }
}
