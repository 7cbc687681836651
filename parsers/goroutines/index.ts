// Goroutine text formats: debug=1 count profiles and debug=2 dumps (and the panic / SIGQUIT
// tracebacks that share debug=2's grammar), possibly buried in logs.
import { readAll } from '../model/byte-source';
import type { ByteSource } from '../model/byte-source';
import { ParseError } from '../model/errors';
import type { ParseWarning } from '../model/errors';
import type { GoroutineProfile } from '../model/profile-model';
import { DEBUG1_HEADER, parseDebug1Lines } from './debug1';
import { parseDebug2Lines } from './debug2';
import type { RawGoroutine } from './debug2';
import { groupGoroutines } from './group';
import { parseHeader } from './header';
import { decodeText, goVersionFromPath, TextLines, type LineList } from './text';

export { parseHeader, parseLabelList } from './header';
export { parseDebug2Lines, frameFunc } from './debug2';
export type { RawGoroutine } from './debug2';

/** Text inputs beyond this are refused: Go caps debug=2 at 64 MiB, a log around it adds some. */
export const MAX_TEXT_BYTES = 512 * 1024 * 1024;
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
  const lines = new TextLines(decodeText(await readAll(source)));
  let d1 = -1;
  let d2 = -1;
  for (let i = 0; i < lines.length && d1 < 0 && d2 < 0; i++) {
    const line = lines.at(i)!;
    if (DEBUG1_HEADER.test(line)) d1 = i;
    else if (parseHeader(line)) d2 = i;
  }
  if (d1 >= 0) return fromDebug1(lines, d1);
  if (d2 >= 0) return fromDebug2(lines);
  throw new ParseError('unknown-format', 'no "goroutine profile: total N" or "goroutine N [state]:" header found', 1, 'line');
}

function fromDebug1(lines: LineList, start: number): GoroutineProfile {
  const r = parseDebug1Lines(lines, start);
  const warnings: ParseWarning[] = [...r.warnings];
  if (start > 0) warnings.unshift({ code: 'skipped-lines', message: `${start} lines before the profile header skipped`, offset: 1 });
  return {
    kind: 'goroutines',
    format: 'goroutine-debug1',
    profileType: r.profileType,
    total: r.total,
    groups: r.groups,
    warnings,
    ...(r.truncatedAt !== undefined ? { partial: new ParseError('truncated', 'input ends inside a record', r.truncatedAt, 'line') } : {}),
  };
}

function fromDebug2(lines: LineList): GoroutineProfile {
  const r = parseDebug2Lines(lines);
  const warnings: ParseWarning[] = [...r.warnings];
  // A repeated goroutine id means a second dump (repeated SIGQUITs, appended logs): read the
  // first, say where the others start.
  const seen = new Set<number>();
  let end = r.goroutines.length;
  const starts: number[] = [];
  for (let i = 0; i < r.goroutines.length; i++) {
    const g = r.goroutines[i];
    if (seen.has(g.id)) {
      if (end === r.goroutines.length) end = i;
      starts.push(g.line);
      seen.clear();
    }
    seen.add(g.id);
  }
  const raw: RawGoroutine[] = r.goroutines.slice(0, end);
  if (end < r.goroutines.length) {
    warnings.push({
      code: 'concatenated',
      message: `${starts.length + 1} dumps found; read the first, others start at lines ${starts.slice(0, 5).join(', ')}${starts.length > 5 ? '…' : ''}`,
      offset: starts[0],
    });
  }
  const unknownParts = raw.filter((g) => g.unknown).length;
  if (unknownParts) warnings.push({ code: 'header-parts', message: `${unknownParts} headers with unrecognised parts (kept in the state)`, offset: raw.find((g) => g.unknown)?.line });
  const unavailable = raw.filter((g) => g.stackUnavailable).length;
  if (unavailable) warnings.push({ code: 'stack-unavailable', message: `${unavailable} goroutines running on other threads: stack unavailable` });
  const { groups, records } = groupGoroutines(raw);
  let goVersion: string | undefined;
  // Paths repeat; the first few hundred goroutines tell as much as all of them.
  outer: for (const g of raw.slice(0, 200)) {
    for (const f of g.frames) {
      goVersion = goVersionFromPath(f.file);
      if (goVersion) break outer;
    }
  }
  const last = raw[raw.length - 1];
  return {
    kind: 'goroutines',
    format: 'goroutine-debug2',
    profileType: raw.some((g) => g.leaked) ? 'goroutineleak' : 'goroutine',
    ...(goVersion ? { goVersion } : {}),
    total: raw.length,
    groups,
    goroutines: records,
    warnings,
    ...(last?.truncated ? { partial: new ParseError('truncated', `input ends inside goroutine ${last.id}`, last.line, 'line') } : {}),
  };
}
