// The stable identity of a leak verdict, so CI can tell "the same leak as last week" from a new
// one (SARIF partialFingerprints, JSON `fingerprint`, ignore-by-fingerprint later).
// Definition (docs/analysis.md): hash of the goroutine's entry function and the blocking function
// (the user frame it is parked in). Line numbers are excluded: an edit elsewhere in the file must
// not turn an old leak into a new one. The creator function is excluded because debug=0/1
// profiles don't carry it and the same leak must get one fingerprint from every input kind; for
// closures the entry name ("main.handle.func1") already names the function holding the `go`.
const VERSION = 'llfp1';

/** FNV-1a, 32 bits, with a caller-chosen offset basis (two bases give a 64-bit id). */
function fnv1a(text: string, basis: number): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function fingerprintKey(entryFunction: string, blockingFunction: string): string {
  return `${entryFunction}\n${blockingFunction}`;
}

/** 16 hex digits prefixed with the definition's version, e.g. "llfp1:3f0c9a1b22d4e817". */
export function fingerprint(entryFunction: string, blockingFunction: string): string {
  const key = `${VERSION}\n${fingerprintKey(entryFunction, blockingFunction)}`;
  const hi = fnv1a(key, 0x811c9dc5).toString(16).padStart(8, '0');
  const lo = fnv1a(key, 0x050c5d1f).toString(16).padStart(8, '0');
  return `${VERSION}:${hi}${lo}`;
}
