// Deterministic mutators for the parser fuzz suites: a seeded PRNG so any failure reproduces
// from the printed seed and case number.

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

export type Mutation = { name: string; bytes: Uint8Array };

const pick = (r: () => number, n: number) => Math.floor(r() * n);

export function truncate(b: Uint8Array, r: () => number): Mutation {
  const at = pick(r, b.length);
  return { name: `truncate@${at}`, bytes: b.slice(0, at) };
}

export function flipBits(b: Uint8Array, r: () => number, flips = 1 + pick(r, 8)): Mutation {
  const out = b.slice();
  const where: number[] = [];
  for (let i = 0; i < flips && out.length; i++) {
    const at = pick(r, out.length);
    out[at] ^= 1 << pick(r, 8);
    where.push(at);
  }
  return { name: `flip@${where.join(',')}`, bytes: out };
}

export function overwrite(b: Uint8Array, r: () => number, with_: Uint8Array): Mutation {
  const out = b.slice();
  const at = pick(r, Math.max(1, out.length - with_.length));
  out.set(with_.subarray(0, out.length - at), at);
  return { name: `overwrite@${at}`, bytes: out };
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Line-level edits for text formats: drop, duplicate, swap, insert garbage, splice huge numbers. */
export function editLines(b: Uint8Array, r: () => number): Mutation {
  const lines = dec.decode(b).split('\n');
  const garbage = [
    '\u0000\u0001\u0002\uFFFD',
    'goroutine 99999999999999999999999 [chan receive, 99999999999999999999 minutes]:',
    'goroutine 1 gp=0x m=nil [',
    '...99999999999999999999 frames elided...',
    'created by  in goroutine -1',
    '\t:',
    '#\t0x\t+0x\t:',
    '999999999999999999999 @ 0x1',
    `# labels: {"${'k'.repeat(1000)}":"\\`,
    'x'.repeat(100_000),
    '(((((((((((((((((((((((((((((((((((((((',
    'goroutine 5 [running] {a: "unterminated',
  ];
  const ops: string[] = [];
  const n = 1 + pick(r, 6);
  for (let i = 0; i < n && lines.length; i++) {
    const at = pick(r, lines.length);
    switch (pick(r, 4)) {
      case 0:
        lines.splice(at, 1);
        ops.push(`del${at}`);
        break;
      case 1:
        lines.splice(at, 0, lines[pick(r, lines.length)]);
        ops.push(`dup${at}`);
        break;
      case 2: {
        const g = garbage[pick(r, garbage.length)];
        lines.splice(at, 0, g);
        ops.push(`ins${at}`);
        break;
      }
      default: {
        const other = pick(r, lines.length);
        [lines[at], lines[other]] = [lines[other], lines[at]];
        ops.push(`swap${at},${other}`);
      }
    }
  }
  return { name: `lines:${ops.join(';')}`, bytes: enc.encode(lines.join('\n')) };
}
