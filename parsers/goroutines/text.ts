// Shared text helpers for the goroutine text formats.
import type { ByteSource } from '../model/byte-source';
import { MAX_LINE_CHARS } from './limits';

/** UTF-8 decode (invalid bytes become U+FFFD: dumps copied from terminals are not always clean). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/**
 * Go version from toolchain paths in frame files: Debian "golang-1.21/src", nix
 * "go-1.24.2/share/go", Homebrew "go/1.25.1/libexec", module cache "toolchain@v0.0.1-go1.24.1".
 */
export function goVersionFromPath(file: string): string | undefined {
  const m = /(?:golang-|go-|\/go\/|-go|\/go)(1\.\d+(?:\.\d+)?)(?=[/.]|$)/.exec(file);
  if (!m || !/\/src\//.test(file)) return undefined;
  return `go${m[1]}`;
}


/** A line longer than MAX_LINE_CHARS: only its length is kept. */
export class LongLine {
  constructor(readonly chars: number) {}
}

/** Bytes read per step: the text is never held whole, only one chunk and the lines in flight. */
const CHUNK_BYTES = 1 << 20;

/**
 * Calls `onLine` for each line of `source` (1-based numbers; "\n" or "\r\n" ends a line; a last
 * line without a break counts), decoding UTF-8 chunk by chunk. Stops early when `onLine` returns
 * false. Lines are slices of a chunk's string: keep a copy (`detach`) of anything retained.
 */
export async function forEachLine(
  source: ByteSource,
  onLine: (line: string | LongLine, lineNo: number) => boolean | void,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let carry = '';
  /** Characters of the current line dropped because it is too long (-1: not dropping). */
  let dropped = -1;
  let lineNo = 0;
  const deliver = (text: string): boolean => {
    lineNo++;
    const cr = text.length > 0 && text.charCodeAt(text.length - 1) === 13 ? 1 : 0;
    if (dropped >= 0) {
      const chars = dropped + text.length - cr;
      dropped = -1;
      return onLine(new LongLine(chars), lineNo) !== false;
    }
    const line = cr ? text.slice(0, -1) : text;
    if (line.length > MAX_LINE_CHARS) return onLine(new LongLine(line.length), lineNo) !== false;
    return onLine(line, lineNo) !== false;
  };
  const feed = (text: string): boolean => {
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const piece = text.slice(start, nl);
      start = nl + 1;
      const line = carry ? carry + piece : piece;
      carry = '';
      if (!deliver(line)) return false;
    }
    const rest = text.slice(start);
    if (dropped >= 0) dropped += rest.length;
    else if (carry.length + rest.length > MAX_LINE_CHARS + 1) {
      // Too long already (+1: a "\r" before the break is not part of the line): keep the count only.
      dropped = carry.length + rest.length;
      carry = '';
    } else carry += rest;
    return true;
  };
  for (let offset = 0; offset < source.size; ) {
    const bytes = await source.read(offset, Math.min(chunkBytes, source.size - offset));
    if (bytes.length === 0) break;
    offset += bytes.length;
    if (!feed(decoder.decode(bytes, { stream: true }))) return;
  }
  if (!feed(decoder.decode())) return;
  if (carry.length > 0 || dropped >= 0) deliver(carry);
}

/**
 * A copy of `s` that does not pin the string it was sliced from (V8 sliced strings keep their
 * parent alive: one interned function name would keep a 1 MiB chunk in memory).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
