// Bytes → decoded perftools.profiles.Profile with every string index resolved and validated.
// Wire-level errors become ParseErrors naming the byte offset inside the (inflated) protobuf.
import $protobuf from 'protobufjs/minimal.js';
import { ParseError } from '../model/errors';
import type { ParseWarning } from '../model/errors';
import { perftools } from './generated/profile.js';
import { currentBudget, withDecodeBudget } from './decode-budget';
import { installFastSampleDecoder, type FastSample } from './fast-sample';
import { gunzip, hasGzipMagic } from './gunzip';
import { idKey, isSafe, toDecimal, toHex, toNum } from './int64';
import type { Int64 } from './int64';
import { MAX_FRAMES_PER_SAMPLE, MAX_LINES_PER_LOCATION, MAX_TOTAL_FRAMES } from './limits';

type PbProfile = perftools.profiles.Profile;

installFastSampleDecoder();

/** Where each decoded Location message started, for errors about it (see installLocationOffsets). */
const locationOffsets = new WeakMap<object, number>();
let offsetsInstalled = false;

type Decoder = { decode: (r: $protobuf.Reader, ...rest: unknown[]) => object };

/**
 * Wraps two generated decoders (idempotent): Location notes each message's byte offset, for
 * errors about it; Line counts inlined lines against the decode's budget before decoding one.
 */
function installLocationHooks(): void {
  if (offsetsInstalled) return;
  offsetsInstalled = true;
  const Location = perftools.profiles.Location as unknown as Decoder;
  const location = Location.decode;
  Location.decode = (r, ...rest) => {
    const at = r.pos;
    const m = location(r, ...rest);
    locationOffsets.set(m, at);
    return m;
  };
  const Line = perftools.profiles.Line as unknown as Decoder;
  const line = Line.decode;
  Line.decode = (r, ...rest) => {
    currentBudget()?.take('line', r.pos);
    return line(r, ...rest);
  };
}
installLocationHooks();

export interface DecodedValueType {
  type: string;
  unit: string;
}

export interface DecodedLine {
  func: string;
  systemName: string;
  file: string;
  line: number;
  column: number;
}

export interface DecodedLocation {
  /** Position in the profile's location list (a compact identity for keys). */
  index: number;
  address: string;
  mappingId: number | string;
  /** Innermost (inlined) first, physical caller last. */
  lines: DecodedLine[];
  isFolded: boolean;
}

export interface DecodedSample {
  /** Leaf first. */
  locations: DecodedLocation[];
  values: number[];
  /** Present when some value is outside ±2^53: exact decimal text for every value. */
  exactValues?: string[];
  labels: Map<string, string[]>;
  numLabels: Map<string, { value: number; unit: string }[]>;
}

export interface DecodedProfile {
  sampleTypes: DecodedValueType[];
  samples: DecodedSample[];
  defaultSampleType: string;
  periodType?: DecodedValueType;
  period: number;
  timeNanos: string;
  durationNanos: string;
  comments: string[];
  dropFrames: string;
  keepFrames: string;
  warnings: ParseWarning[];
}

/** Inflated protobuf larger than this is refused: ~40x the largest real profile seen (6 MiB). */
export const MAX_PROTO_BYTES = 256 * 1024 * 1024;

export async function decodeProfileBytes(input: Uint8Array, maxBytes = MAX_PROTO_BYTES): Promise<DecodedProfile> {
  const bytes = hasGzipMagic(input) ? await gunzip(input, maxBytes) : input;
  if (bytes.length > maxBytes) throw new ParseError('too-large', `protobuf is ${bytes.length} bytes, limit ${maxBytes}`, 0);
  const reader = $protobuf.Reader.create(bytes);
  let pb: PbProfile;
  try {
    pb = withDecodeBudget(bytes, () => perftools.profiles.Profile.decode(reader));
  } catch (err) {
    if (err instanceof ParseError) throw err; // a limit of limits.ts, at its offset
    const msg = err instanceof Error ? err.message : String(err);
    // protobufjs throws RangeError("index out of range: …") when a length runs past the end.
    const code = /index out of range/.test(msg) ? 'truncated' : 'corrupt';
    throw new ParseError(code, `protobuf: ${msg}`, Math.min(reader.pos, bytes.length));
  }
  return resolve(pb);
}

function resolve(pb: PbProfile): DecodedProfile {
  const warnings: ParseWarning[] = [];
  const strings = pb.stringTable ?? [];
  if (strings.length > 0 && strings[0] !== '') {
    warnings.push({ code: 'string-table', message: `string_table[0] is ${JSON.stringify(strings[0])}, expected ""` });
  }
  let badIndex = 0;
  const str = (idx: Int64 | number | null | undefined): string => {
    if (idx == null) return '';
    const i = toNum(idx);
    if (i >= 0 && i < strings.length && isSafe(idx)) return strings[i];
    badIndex++;
    return '';
  };

  const functions = new Map<number | string, { name: string; systemName: string; file: string }>();
  for (const f of pb.function ?? []) {
    functions.set(idKey(f.id), { name: str(f.name), systemName: str(f.systemName), file: str(f.filename) });
  }
  let missingFunc = 0;
  const locations = new Map<number | string, DecodedLocation>();
  for (const loc of pb.location ?? []) {
    const n = loc.line?.length ?? 0;
    if (n > MAX_LINES_PER_LOCATION) {
      throw new ParseError('too-large', `location ${idKey(loc.id)} has ${n} inlined lines, limit ${MAX_LINES_PER_LOCATION}`, locationOffsets.get(loc) ?? 0);
    }
    const lines: DecodedLine[] = [];
    for (const ln of loc.line ?? []) {
      const fn = functions.get(idKey(ln.functionId));
      if (!fn) missingFunc++;
      lines.push({
        func: fn?.name ?? '',
        systemName: fn?.systemName ?? '',
        file: fn?.file ?? '',
        line: toNum(ln.line),
        column: toNum(ln.column),
      });
    }
    locations.set(idKey(loc.id), {
      index: locations.size,
      address: toHex(loc.address),
      mappingId: idKey(loc.mappingId),
      lines,
      isFolded: !!loc.isFolded,
    });
  }

  const sampleTypes = (pb.sampleType ?? []).map((vt) => ({ type: str(vt.type), unit: str(vt.unit) }));
  let missingLoc = 0;
  let unsafeValues = 0;
  let wrongLength = 0;
  const samples: DecodedSample[] = [];
  let totalFrames = 0;
  for (const s of pb.sample ?? []) {
    const locs: DecodedLocation[] = [];
    // Frames once inlined lines expand (a location without lines is one frame: its address).
    let frames = 0;
    for (const id of s.locationId ?? []) {
      const loc = locations.get(idKey(id));
      if (loc) locs.push(loc);
      else {
        missingLoc++;
        locs.push({ index: -1, address: '0x0', mappingId: 0, lines: [], isFolded: false });
      }
      frames += Math.max(1, loc?.lines.length ?? 1);
    }
    const at = (s as unknown as FastSample).offset;
    if (frames > MAX_FRAMES_PER_SAMPLE) {
      throw new ParseError('too-large', `a sample expands to ${frames} stack frames (inlined lines included), limit ${MAX_FRAMES_PER_SAMPLE}`, at);
    }
    totalFrames += frames;
    if (totalFrames > MAX_TOTAL_FRAMES) {
      throw new ParseError('too-large', `the samples expand to more than ${MAX_TOTAL_FRAMES} stack frames in all (inlined lines included)`, at);
    }
    const raw = s.value ?? [];
    if (raw.length !== sampleTypes.length) wrongLength++;
    const values = raw.map(toNum);
    let exactValues: string[] | undefined;
    if (!raw.every(isSafe)) {
      unsafeValues++;
      exactValues = raw.map(toDecimal);
    }
    const labels = new Map<string, string[]>();
    const numLabels = new Map<string, { value: number; unit: string }[]>();
    for (const l of s.label ?? []) {
      const key = str(l.key);
      // As pprof's reader: a non-zero str index is a string label, a non-zero num or unit a
      // numeric one. A key with neither is how Go writes a label whose value is "" (string
      // index 0, omitted on the wire); pprof drops it, we keep it as the empty string.
      const strIdx = l.str == null ? 0 : toNum(l.str);
      const num = l.num == null ? 0 : toNum(l.num);
      const unitIdx = l.numUnit == null ? 0 : toNum(l.numUnit);
      if (strIdx !== 0) push(labels, key, str(l.str));
      else if (num !== 0 || unitIdx !== 0) push(numLabels, key, { value: num, unit: str(l.numUnit) });
      else push(labels, key, '');
    }
    samples.push({ locations: locs, values, exactValues, labels, numLabels });
  }

  if (badIndex) warnings.push({ code: 'string-index', message: `${badIndex} string indices outside the string table (read as "")` });
  if (missingFunc) warnings.push({ code: 'missing-function', message: `${missingFunc} lines point at unknown function ids` });
  if (missingLoc) warnings.push({ code: 'missing-location', message: `${missingLoc} sample frames point at unknown location ids` });
  if (wrongLength) warnings.push({ code: 'value-count', message: `${wrongLength} samples have a value count different from the ${sampleTypes.length} sample types` });
  if (unsafeValues) {
    warnings.push({ code: 'int64-precision', message: `${unsafeValues} samples have values beyond 2^53; exact decimal values kept in exactValues` });
  }
  return {
    sampleTypes,
    samples,
    defaultSampleType: str(pb.defaultSampleType),
    periodType: pb.periodType ? { type: str(pb.periodType.type), unit: str(pb.periodType.unit) } : undefined,
    period: toNum(pb.period),
    timeNanos: toDecimal(pb.timeNanos),
    durationNanos: toDecimal(pb.durationNanos),
    comments: (pb.comment ?? []).map(str),
    dropFrames: str(pb.dropFrames),
    keepFrames: str(pb.keepFrames),
    warnings,
  };
}

function push<V>(m: Map<string, V[]>, k: string, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
