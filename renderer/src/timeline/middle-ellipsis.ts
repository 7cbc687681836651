// Goroutine names cut in the middle, not at the end: "http.(*persistConn).readLoop" and
// "http.(*persistConn).writeLoop" both became "http.(*persistConn)…" when cut at the end. The
// tail (the function's own name, with its .funcN closures) is kept whole and the head (package and
// receiver) gives way, with CSS ellipsis on the head only, so no text measuring is needed.

/** Longest tail kept whole; longer ones keep their last TAIL_FALLBACK characters. */
const TAIL_MAX = 22;
const TAIL_FALLBACK = 16;

/** "worker.(*Pool).run.func1" → ["worker.(*Pool).", "run.func1"]; no split when there is no head. */
export function splitForMiddleEllipsis(name: string): readonly [head: string, tail: string] {
  // The function's own name starts after the receiver's ")." or after the package's last ".",
  // skipping closure suffixes (.func1, .func1.2, .gowrap3) that belong to it.
  const closure = /(\.func\d+|\.gowrap\d+|\.\d+)+$/.exec(name);
  const base = closure ? name.slice(0, closure.index) : name;
  const paren = base.lastIndexOf(').');
  const cut = paren >= 0 ? paren + 2 : base.lastIndexOf('.') + 1;
  let head = name.slice(0, cut);
  let tail = name.slice(cut);
  if (tail.length > TAIL_MAX) {
    head = name.slice(0, name.length - TAIL_FALLBACK);
    tail = name.slice(name.length - TAIL_FALLBACK);
  }
  return [head, tail];
}
