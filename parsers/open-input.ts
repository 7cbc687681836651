// The one door every input goes through: the engine, `leakline inspect`, `leakline report` /
// `diff`, the leak hunt's evidence and the compare view all call openInput, so a file reads the
// same everywhere. Sniffing happens once, on the first SNIFF_BYTES of the content (goroutine dumps
// often follow a page of log lines), never on the name.
import type { ByteSource } from './model/byte-source';
import { ParseError } from './model/errors';
import type { Profile } from './model/profile-model';
import type { ParsedTrace } from './model/trace-model';
import { parseGoroutineText } from './goroutines/index';
import { parsePprof } from './pprof/index';
import { sniff, type SniffedFormat } from './sniff';
import { parseTrace, type ParseTraceOptions } from './trace/parse-trace';

export type { SniffedFormat } from './sniff';
/** The door's sniffer on bytes already in hand (the renderer's drop of several files). */
export { sniff } from './sniff';

/** How far into the content sniffing looks: goroutine dumps can follow ~1 MiB of log noise. */
export const SNIFF_BYTES = 1 << 20;

export type InputFormat = Exclude<SniffedFormat, 'unknown'>;

export type OpenedInput =
  | { readonly kind: 'trace'; readonly format: 'go-trace'; readonly trace: ParsedTrace }
  | { readonly kind: 'profile'; readonly format: Exclude<InputFormat, 'go-trace'>; readonly profile: Profile };

export interface OpenInputOptions extends ParseTraceOptions {
  /** Called once the format is known, before parsing starts (the engine's `start` message). */
  onFormat?(format: InputFormat): void;
  /** Profiles and dumps above this many bytes are refused as too-large (traces stream instead). */
  maxProfileBytes?: number;
}

export const UNKNOWN_FORMAT_MESSAGE = 'not a Go execution trace, pprof profile or goroutine dump';

/** The format of `source`'s content; an empty file and unknown content are typed errors. */
export async function sniffSource(source: ByteSource): Promise<InputFormat> {
  if (source.size === 0) throw new ParseError('truncated', 'the file is empty', 0);
  const format = sniff(await source.read(0, Math.min(source.size, SNIFF_BYTES)));
  if (format === 'unknown') throw new ParseError('unknown-format', UNKNOWN_FORMAT_MESSAGE, 0);
  return format;
}

/**
 * Reads `source` as whatever it is. Throws only ParseError (named by code and offset); a trace or
 * dump that breaks off part-way is returned with `partial` set instead.
 */
export async function openInput(source: ByteSource, options: OpenInputOptions = {}): Promise<OpenedInput> {
  const format = await sniffSource(source);
  options.onFormat?.(format);
  if (format === 'go-trace') return { kind: 'trace', format, trace: await parseTrace(source, options) };
  const max = options.maxProfileBytes;
  if (max !== undefined && source.size > max) throw new ParseError('too-large', `${source.name} is ${source.size} bytes, limit ${max}`, 0);
  const profile = format === 'pprof-proto' ? await parsePprof(source) : await parseGoroutineText(source);
  if (options.signal?.aborted) throw new ParseError('cancelled', 'loading was cancelled', -1);
  return { kind: 'profile', format, profile };
}

/** The model in the shape analysis takes (`{trace}` or `{profile}`). */
export function inputModel(input: OpenedInput): { trace: ParsedTrace } | { profile: Profile } {
  return input.kind === 'trace' ? { trace: input.trace } : { profile: input.profile };
}
