// Converts the x/exp trace test format (txtar with `-- expect --` and `-- trace --`, the trace in
// the raw text format of golang.org/x/exp trace/internal/raw: "Trace Go1.NN", then one event per
// line `Name arg=value …`, Stack frames and String/ExperimentalBatch data on following lines)
// into the binary wire format, the way testtrace.ParseFile + raw.Writer do.
import { EVENT_TYPE_BY_NAME, SPEC_ARGS, SPEC_HAS_DATA, SPEC_IS_STACK } from '../../parsers/trace/spec';

export interface GoldenCase {
  expectSuccess: boolean;
  /** Regexp (Go syntax, compatible here) the error must match when a failure is expected. */
  errorPattern?: RegExp;
  version: number;
  bytes: Uint8Array;
}

function appendUvarint(out: number[], v: bigint): void {
  while (v >= 0x80n) {
    out.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  out.push(Number(v));
}

/** Go strconv.Unquote for double-quoted strings, to bytes. */
export function goUnquote(q: string): Uint8Array {
  if (q.length < 2 || q[0] !== '"' || q[q.length - 1] !== '"') throw new Error(`not a quoted string: ${q}`);
  const out: number[] = [];
  const enc = new TextEncoder();
  for (let i = 1; i < q.length - 1; i++) {
    const c = q[i];
    if (c !== '\\') {
      out.push(...enc.encode(c));
      continue;
    }
    const n = q[++i];
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34, "'": 39 };
    if (n in simple) out.push(simple[n]);
    else if (n === 'x') {
      out.push(parseInt(q.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === 'u' || n === 'U') {
      const len = n === 'u' ? 4 : 8;
      out.push(...enc.encode(String.fromCodePoint(parseInt(q.slice(i + 1, i + 1 + len), 16))));
      i += len;
    } else if (n >= '0' && n <= '7') {
      out.push(parseInt(q.slice(i, i + 3), 8));
      i += 2;
    } else throw new Error(`bad escape \\${n}`);
  }
  return Uint8Array.from(out);
}

function tokens(line: string): string[] {
  const hash = line.indexOf('#');
  return (hash >= 0 ? line.slice(0, hash) : line).trim().split(/\s+/).filter((t) => t.length > 0);
}

function readArgs(toks: string[], names: readonly string[]): bigint[] {
  if (toks.length !== names.length) throw new Error(`expected args ${names.join(',')}, got ${toks.join(' ')}`);
  return toks.map((t, i) => {
    const [k, v] = t.split('=');
    if (k !== names[i]) throw new Error(`expected argument "${names[i]}", but got "${k}"`);
    return BigInt(v);
  });
}

/** Text trace → bytes (header + events), like raw.NewTextReader piped into raw.NewWriter. */
export function textTraceToBytes(text: string): { version: number; bytes: Uint8Array } {
  const lines = text.split('\n').filter((l) => tokens(l).length > 0);
  const head = tokens(lines[0]);
  if (head[0] !== 'Trace' || !head[1]?.startsWith('Go1.')) throw new Error('failed to parse header');
  const version = Number(head[1].slice(4));
  const out: number[] = [...new TextEncoder().encode(`go 1.${version} trace\0\0\0`)];
  for (let i = 1; i < lines.length; i++) {
    const toks = tokens(lines[i]);
    const typ = EVENT_TYPE_BY_NAME.get(toks[0]);
    if (typ === undefined) throw new Error(`unidentified event: ${toks[0]}`);
    const args = readArgs(toks.slice(1), SPEC_ARGS[typ]);
    out.push(typ);
    for (const a of args) appendUvarint(out, a);
    if (SPEC_IS_STACK[typ]) {
      for (let f = 0; f < Number(args[1]); f++) {
        for (const a of readArgs(tokens(lines[++i]), ['pc', 'func', 'file', 'line'])) appendUvarint(out, a);
      }
    }
    if (SPEC_HAS_DATA[typ]) {
      const line = lines[++i];
      const eq = line.indexOf('=');
      if (eq < 0 || line.slice(0, eq).trim() !== 'data') throw new Error(`malformed data: ${line}`);
      const data = goUnquote(line.slice(eq + 1).trim());
      appendUvarint(out, BigInt(data.length));
      out.push(...data);
    }
  }
  return { version, bytes: Uint8Array.from(out) };
}

/** Parses a golden `.test` file (txtar with expect + trace sections). */
export function parseGoldenTest(content: string): GoldenCase {
  const m = /^-- expect --\n([\s\S]*?)-- trace --\n([\s\S]*)$/.exec(content);
  if (!m) throw new Error('malformed test: need "-- expect --" then "-- trace --"');
  const expectLine = m[1].split('\n')[0].trim();
  const { version, bytes } = textTraceToBytes(m[2]);
  if (expectLine === 'SUCCESS') return { expectSuccess: true, version, bytes };
  const fm = /^FAILURE (".*")$/.exec(expectLine);
  if (!fm) throw new Error(`bad header line: ${expectLine}`);
  return { expectSuccess: false, errorPattern: new RegExp(JSON.parse(fm[1]) as string), version, bytes };
}
