// Sentences about files rather than goroutines: format versions, empty and partial inputs, source
// files that are not on this machine. The app (engine errors, banners) and the CLI both use them.
import { formatCount } from './numbers';

/**
 * A trace's format version is not the Go version that wrote it: Go 1.27 still writes format 1.26
 * (formats change only when the runtime's tracer does), so "Go 1.26" would be wrong for it.
 * "trace format 1.26 (Go 1.26+)".
 */
export function traceFormatLabel(formatVersion: string): string {
  return `trace format ${formatVersion} (Go ${formatVersion}+)`;
}

/** An empty file is not a file that "ends early": nothing was ever written to it. */
export function emptyFileSentence(file: string): string {
  return `${file} is empty (0 bytes): there is nothing to read. Was it copied before the program wrote the trace or profile?`;
}

/** A file that breaks off: what happened, where, and that what came before is usable. */
export function endsEarlySentence(file: string): string {
  return `${file} ends early (it may still have been written when it was copied, or the program died while writing it).`;
}

/**
 * The first thing said about a partial input, before any verdict: "Partial input: trace.out stops
 * at byte 300,000 (the file ends inside a batch); the verdicts below are from the part that was
 * read."
 */
/** How every partial-input warning starts, so the app can put them first. */
export const PARTIAL_PREFIX = 'Partial input: ';

export function partialInputSentence(file: string, offset: number, offsetKind: 'byte' | 'line', reason: string, what: 'trace' | 'profile'): string {
  const where = offset >= 0 ? ` at ${offsetKind} ${formatCount(offset)}` : '';
  const caveat = what === 'trace' ? ', and a goroutine that looks stuck may have been woken after the cut' : '';
  return `${PARTIAL_PREFIX}${file} stops${where} (${reason}); everything here is from the part that was read${caveat}.`;
}

/** The short banner form in the app: "Partial input: stopped at byte 1,234 because …". */
export function partialBanner(offset: number, offsetKind: 'byte' | 'line', reason: string): string {
  const where = offset >= 0 ? ` at ${offsetKind} ${formatCount(offset)}` : '';
  return `Partial input: stopped${where} because ${reason}`;
}

/**
 * A recorded source path is relative (built with `go build -trimpath`: "example.com/mod/pkg/f.go")
 * when it has no leading slash or drive letter: it never existed on this machine under that name.
 */
export function isTrimmedPath(file: string): boolean {
  return !file.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(file) && !file.startsWith('\\\\');
}

/** Why a stack frame's file did not open, and what to do about it. */
export function sourceNotFoundSentence(file: string): string {
  return isTrimmedPath(file)
    ? `${file} is a path recorded by a -trimpath build (module path, not a folder on this machine): map it to your checkout under Path remapping.`
    : `${file} is not on this machine (the trace may come from another machine): map its folder to your checkout under Path remapping.`;
}
