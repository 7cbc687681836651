// Shared text helpers for the goroutine text formats.

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

/** Random access to lines by index, the way an array of strings would give it. */
export interface LineList {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * Lines of a text without splitting it: one Uint32 start offset per line (4 bytes per line
 * instead of a ~40-byte string per line held for the whole parse — 45 MB for a 100k-goroutine
 * dump). Each line is sliced when asked for.
 */
export class TextLines implements LineList {
  readonly length: number;
  private readonly starts: Uint32Array;
  constructor(private readonly text: string) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
    const trailing = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
    this.length = n + trailing;
    this.starts = new Uint32Array(this.length + 1);
    let line = 1;
    for (let i = text.indexOf('\n'); i >= 0 && line <= this.length; i = text.indexOf('\n', i + 1)) this.starts[line++] = i + 1;
    this.starts[this.length] = text.length + (trailing ? 1 : 0);
  }
  at(index: number): string | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const end = this.starts[index + 1] - 1;
    const start = this.starts[index];
    return this.text.charCodeAt(end - 1) === 13 && end > start ? this.text.slice(start, end - 1) : this.text.slice(start, end);
  }
}

/**
 * A copy of `s` that does not pin the string it was sliced from (V8 sliced strings keep their
 * parent alive: one interned function name would keep a 50 MB dump in memory).
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
