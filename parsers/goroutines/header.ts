// The goroutine header line of debug=2 dumps, panics and SIGQUIT tracebacks, as printed by
// runtime.goroutineheader (runtime/traceback.go). Versions:
//   ≤1.21  goroutine N [status(, M minutes)(, locked to thread)]:
//   1.22+  goroutine N gp=0x… m=N mp=0x… [ …   (or m=nil) at traceback level ≥2 or when throwing
//   1.25+  status may end in " (durable)"; ", synctest bubble N" after "locked to thread"
//   1.26   " (leaked)" after the status; GODEBUG=tracebacklabels=1 adds ` labels:{"k": "v"}`
//          inside the brackets (printquoted on both sides)
//   1.27   labels after the bracket: `] {k: v, "k 2": "v"}:`, quoted only when needed
//          (tracebackStringNeedsQuoting: anything outside [A-Za-z0-9./_])
// " (scan)" appears in every version when the _Gscan bit is set.

export interface GoroutineHeader {
  id: number;
  gp?: string;
  /** "nil" or the M id. */
  m?: string;
  /** Wait reason or status name as printed, without the (leaked)/(scan) flags. */
  state: string;
  leaked: boolean;
  scan: boolean;
  durable: boolean;
  minutes?: number;
  locked: boolean;
  bubble?: number;
  labels?: Record<string, string>;
  /** Header parts we did not recognise (kept so nothing is silently dropped). */
  unknown?: string[];
}

// Leading whitespace is the dump's own indentation (blog posts, Markdown); it is returned so
// the frame lines of the same dump can be de-indented by the same amount.
const HEADER = /^([ \t]*)goroutine (\d+)(?: gp=(\S+) m=(\S+)(?: mp=\S+)?)? \[(.*)\](?: \{(.*)\})?:[ \t]*$/;

/** Real headers are < 200 bytes plus labels; longer lines are refused before the regex, which
 * backtracks quadratically on a hostile line of many "]" characters. */
export const MAX_HEADER_CHARS = 16 * 1024;

export function parseHeader(line: string): { header: GoroutineHeader; indent: string } | undefined {
  if (line.length > MAX_HEADER_CHARS || !line.includes('goroutine ')) return undefined;
  const m = HEADER.exec(line);
  // Goroutine ids are uint64 but stay far below 2^53 in practice; a larger one is corruption.
  if (!m || !Number.isSafeInteger(Number(m[2]))) return undefined;
  let inner = m[5];
  let labels: Record<string, string> | undefined;
  let unknown: string[] | undefined;
  const addLabels = (text: string) => {
    const parsed = parseLabelList(text);
    if (parsed) labels = { ...labels, ...parsed };
    else (unknown ??= []).push(`{${text}}`);
  };
  // 1.26 form inside the brackets.
  const li = inner.indexOf(' labels:{');
  if (li >= 0 && inner.endsWith('}')) {
    addLabels(inner.slice(li + ' labels:{'.length, -1));
    inner = inner.slice(0, li);
  }
  if (m[6] !== undefined) addLabels(m[6]);

  const parts = inner.split(', ');
  let state = parts[0];
  let minutes: number | undefined;
  let locked = false;
  let bubble: number | undefined;
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i];
    let mm: RegExpExecArray | null;
    if ((mm = /^(\d{1,15}) minutes$/.exec(p))) minutes = Number(mm[1]);
    else if (p === 'locked to thread') locked = true;
    else if ((mm = /^synctest bubble (\d{1,15})$/.exec(p))) bubble = Number(mm[1]);
    else (unknown ??= []).push(p);
  }
  const leaked = state.includes(' (leaked)');
  const scan = state.includes(' (scan)');
  if (leaked) state = state.replace(' (leaked)', '');
  if (scan) state = state.replace(' (scan)', '');
  // "(durable)" is either part of the wait reason's name ("chan receive (durable)") or appended
  // by goroutineheader for idle-in-synctest reasons whose name lacks it; either way it stays in
  // the printed state and sets the flag.
  const durable = state.endsWith('(durable)');
  const header: GoroutineHeader = { id: Number(m[2]), state, leaked, scan, durable, locked };
  if (m[3] !== undefined) header.gp = m[3];
  if (m[4] !== undefined) header.m = m[4];
  if (minutes !== undefined) header.minutes = minutes;
  if (bubble !== undefined) header.bubble = bubble;
  if (labels && Object.keys(labels).length) header.labels = labels;
  if (unknown) header.unknown = unknown;
  return { header, indent: m[1] };
}

/**
 * `k: v, "k 2": "v\"x"` → record. Items are bare ([A-Za-z0-9./_]*, possibly empty) or quoted
 * with printquoted's escapes (\n \r \t \\ \" \xNN \uNNNN \UNNNNNNNN). Returns null on malformed.
 */
export function parseLabelList(s: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let i = 0;
  const item = (): string | null => {
    if (s[i] === '"') {
      let v = '';
      i++;
      while (i < s.length && s[i] !== '"') {
        if (s[i] !== '\\') {
          v += s[i++];
          continue;
        }
        const c = s[i + 1];
        const hexLen = c === 'x' ? 2 : c === 'u' ? 4 : c === 'U' ? 8 : 0;
        if (hexLen) {
          const hex = s.slice(i + 2, i + 2 + hexLen);
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLen) return null;
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) return null;
          v += String.fromCodePoint(cp);
          i += 2 + hexLen;
          continue;
        }
        const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
        if (!(c in simple)) return null;
        v += simple[c];
        i += 2;
      }
      if (s[i] !== '"') return null;
      i++;
      return v;
    }
    const start = i;
    while (i < s.length && /[A-Za-z0-9./_]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  if (s.trim() === '') return out;
  for (;;) {
    const k = item();
    if (k === null || s.slice(i, i + 2) !== ': ') return null;
    i += 2;
    const v = item();
    if (v === null) return null;
    out[k] = v;
    if (i === s.length) return out;
    if (s.slice(i, i + 2) !== ', ') return null;
    i += 2;
  }
}
