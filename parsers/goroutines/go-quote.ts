// Go's strconv.Quote output (used by "%q" in the debug=1 "# labels:" line) back to a string.

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };

/** Reads one quoted string starting at s[i] === '"'. Returns [value, index after the quote] or null. */
export function readGoQuoted(s: string, i: number): [string, number] | null {
  if (s[i] !== '"') return null;
  i++;
  let out = '';
  let bytes: number[] = [];
  const flushBytes = () => {
    if (bytes.length) {
      out += new TextDecoder().decode(new Uint8Array(bytes));
      bytes = [];
    }
  };
  while (i < s.length) {
    const c = s[i];
    if (c === '"') {
      flushBytes();
      return [out, i + 1];
    }
    if (c !== '\\') {
      flushBytes();
      out += c;
      i++;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return null;
    if (e in SIMPLE) {
      flushBytes();
      out += SIMPLE[e];
      i += 2;
      continue;
    }
    // \xNN is a raw byte: consecutive ones may form one UTF-8 sequence (invalid UTF-8 in labels).
    const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : /[0-7]/.test(e) ? 3 : 0;
    if (!len) return null;
    const digits = e === 'x' || e === 'u' || e === 'U' ? s.slice(i + 2, i + 2 + len) : s.slice(i + 1, i + 1 + len);
    const ok = e === 'x' || e === 'u' || e === 'U' ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-7]+$/.test(digits);
    if (!ok || digits.length !== len) return null;
    const v = parseInt(digits, e === 'x' || e === 'u' || e === 'U' ? 16 : 8);
    if (e === 'x' || /[0-7]/.test(e)) {
      bytes.push(v & 0xff);
    } else {
      if (v > 0x10ffff) return null;
      flushBytes();
      out += String.fromCodePoint(v);
    }
    i += e === 'x' || e === 'u' || e === 'U' ? 2 + len : 1 + len;
  }
  return null;
}

/** `"k":"v", "k2":"v2"` (Go's labelMap.String body) → record, or null when malformed. */
export function parseQuotedLabelMap(body: string): Record<string, string> | null {
  const out: Record<string, string> = {};
  let i = 0;
  if (body.trim() === '') return out;
  for (;;) {
    const k = readGoQuoted(body, i);
    if (!k || body[k[1]] !== ':') return null;
    const v = readGoQuoted(body, k[1] + 1);
    if (!v) return null;
    out[k[0]] = v[0];
    i = v[1];
    if (i === body.length) return out;
    if (body.slice(i, i + 2) !== ', ') return null;
    i += 2;
  }
}
