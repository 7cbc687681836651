// Shared text helpers for the goroutine text formats.

/** UTF-8 decode (invalid bytes become U+FFFD: dumps copied from terminals are not always clean). */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

/** Lines without their terminators; "\r\n" and "\n" both end a line. */
export function splitLines(text: string): string[] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
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
