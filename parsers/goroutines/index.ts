// Goroutine text formats: debug=1 count profiles and debug=2 dumps (and the panic / SIGQUIT
// tracebacks that share debug=2's grammar), possibly buried in logs. Read as a stream of lines
// (text.ts forEachLine): the text is never held whole.
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { ParseWarning } from '../model/errors';
import type { GoroutineProfile } from '../model/profile-model';
import { DEBUG1_HEADER, Debug1Parser, type Debug1Result } from './debug1';
import { Debug2ProfileBuilder } from './debug2-profile';
import { parseHeader } from './header';
import { MAX_TEXT_BYTES } from './limits';
import { decodeText, forEachLine } from './text';

export { parseHeader, parseLabelList } from './header';
export { parseDebug2Lines, frameFunc } from './debug2';
export type { RawGoroutine } from './debug2';
export { MAX_GOROUTINES, MAX_LINE_CHARS, MAX_TEXT_BYTES } from './limits';

/** How much of a file sniffing looks at for a header (dumps buried deeper in logs are rare). */
const SNIFF_BYTES = 1 << 20;

// Bounded repetitions: a hostile 1 MiB line must not make the regex backtrack quadratically.
const DEBUG2_ANYWHERE = /^[ \t]{0,64}goroutine \d{1,20}(?: gp=\S{1,40} m=\S{1,40}(?: mp=\S{1,40})?)? \[[^\]\n]{0,1024}\](?: \{[^\n]{0,8192}\})?:[ \t]*\r?$/m;
const DEBUG1_ANYWHERE = /^(?:goroutine|goroutineleak) profile: total \d+\r?$/m;

export function goroutineTextKind(bytes: Uint8Array): 'goroutine-debug1' | 'goroutine-debug2' | undefined {
  const text = decodeText(bytes.subarray(0, SNIFF_BYTES));
  const d1 = DEBUG1_ANYWHERE.exec(text);
  const d2 = DEBUG2_ANYWHERE.exec(text);
  if (d1 && (!d2 || d1.index < d2.index)) return 'goroutine-debug1';
  if (d2) return 'goroutine-debug2';
  return undefined;
}

export function isGoroutineText(bytes: Uint8Array): boolean {
  return goroutineTextKind(bytes) !== undefined;
}

export async function parseGoroutineText(source: ByteSource): Promise<GoroutineProfile> {
  if (source.size > MAX_TEXT_BYTES) {
    throw new ParseError('too-large', `${source.name} is ${source.size} bytes, limit ${MAX_TEXT_BYTES}`, 1, 'line');
  }
  // Lines before the first header of either format are noise (logs before a dump).
  let before = 0;
  let d1: Debug1Parser | undefined;
  let d2: Debug2ProfileBuilder | undefined;
  await forEachLine(source, (line, n) => {
    if (d1) return d1.push(line, n);
    if (d2) return d2.push(line, n);
    if (typeof line === 'string') {
      if (DEBUG1_HEADER.test(line)) {
        d1 = new Debug1Parser(line, n);
        return true;
      }
      if (parseHeader(line)) {
        d2 = new Debug2ProfileBuilder(before);
        return d2.push(line, n);
      }
    }
    before++;
    return true;
  });
  if (d1) return fromDebug1(d1.finish(), before);
  if (d2) return d2.finish();
  throw new ParseError('unknown-format', 'no "goroutine profile: total N" or "goroutine N [state]:" header found', 1, 'line');
}

function fromDebug1(r: Debug1Result, start: number): GoroutineProfile {
  const warnings: ParseWarning[] = [...r.warnings];
  if (start > 0) warnings.unshift({ code: 'skipped-lines', message: `${start} lines before the profile header skipped`, offset: 1 });
  const partial = r.stoppedAt ?? (r.truncatedAt !== undefined ? new ParseError('truncated', 'input ends inside a record', r.truncatedAt, 'line') : undefined);
  return {
    kind: 'goroutines',
    format: 'goroutine-debug1',
    profileType: r.profileType,
    total: r.total,
    groups: r.groups,
    warnings,
    ...(partial ? { partial } : {}),
  };
}
