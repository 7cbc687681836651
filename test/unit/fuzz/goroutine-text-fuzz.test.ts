// Mutation fuzzing of the goroutine text parsers on real dumps (test/corpus/realworld/dumps and,
// once present, the corpus' debug=1/debug=2 files): every mutant yields a model or a typed
// ParseError, never another exception; the model stays proportional to the input (bounded
// memory). Time is bounded by the test timeout, not asserted. Real dumps made hostile (a
// 9 M-character line, a million 25-byte goroutines) give typed too-large errors at their line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { ParseError } from '../../../parsers/model/errors';
import { MAX_GOROUTINES, MAX_LINE_CHARS, parseGoroutineText } from '../../../parsers/goroutines/index';
import { corpus, fixtures, repoRoot } from '../../support/corpus';
import { editLines, flipBits, overwrite, rng, truncate } from './mutate';

const MUTANTS_PER_SEED = Number(process.env.FUZZ_MUTANTS ?? 60);

function seeds(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  const dumps = corpus('realworld', 'dumps');
  for (const f of readdirSync(dumps).filter((f) => f.endsWith('.txt')).sort()) out.push({ name: `realworld/${f}`, bytes: new Uint8Array(readFileSync(path.join(dumps, f))) });
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  if (existsSync(fixtures)) {
    // One debug=1 and one debug=2 file per Go version keeps the run short.
    for (const v of readdirSync(fixtures).sort()) {
      const vdir = path.join(fixtures, v);
      const scen = readdirSync(vdir).sort().find((s) => existsSync(path.join(vdir, s, 'goroutine.debug1.txt')));
      if (!scen) continue;
      for (const f of ['goroutine.debug1.txt', 'goroutine.debug2.txt']) {
        const p = path.join(vdir, scen, f);
        if (existsSync(p)) out.push({ name: `${v}/${scen}/${f}`, bytes: new Uint8Array(readFileSync(p)) });
      }
    }
  }
  return out;
}

async function check(name: string, bytes: Uint8Array): Promise<'model' | 'error'> {
  try {
    const p = await parseGoroutineText(bytesSource(name, bytes));
    const lines = bytes.length ? bytes.reduce((n, b) => n + (b === 10 ? 1 : 0), 1) : 0;
    // Bounded output: no more goroutines or groups than lines, counts add up.
    expect(p.total).toBeLessThanOrEqual(lines);
    expect(p.groups.length).toBeLessThanOrEqual(Math.max(1, lines));
    expect(p.groups.reduce((n, g) => n + g.count, 0)).toBe(p.total);
    for (const g of p.groups) expect(g.stack.length).toBeLessThanOrEqual(lines);
    return 'model';
  } catch (err) {
    if (!(err instanceof ParseError)) throw new Error(`${name}: untyped ${String(err)}`);
    expect(err.offsetKind).toBe('line');
    return 'error';
  }
}

describe('goroutine text mutation fuzz', () => {
  for (const seed of seeds()) {
    it(`${seed.name}: ${MUTANTS_PER_SEED} mutants give a model or a ParseError`, async () => {
      const r = rng(seed.bytes.length * 2654435761);
      const tally = { model: 0, error: 0 };
      expect(await check(seed.name, seed.bytes)).toBe('model');
      for (let i = 0; i < MUTANTS_PER_SEED; i++) {
        const kind = i % 4;
        const m =
          kind === 0 ? truncate(seed.bytes, r) : kind === 1 ? flipBits(seed.bytes, r) : kind === 2 ? editLines(seed.bytes, r) : overwrite(seed.bytes, r, new Uint8Array(64).map(() => Math.floor(r() * 256)));
        tally[await check(`${seed.name}#${i}:${m.name}`, m.bytes)]++;
      }
      expect(tally.model + tally.error).toBe(MUTANTS_PER_SEED);
    });
  }
});

describe('goroutine text: hostile lines (targeted)', () => {
  const enc = new TextEncoder();
  const cases: [string, string][] = [
    ['many "]" after a header start', `goroutine 1 [${']'.repeat(400_000)}`],
    ['label brace never closed', `goroutine 1 [x] {${'a: b, '.repeat(100_000)}`],
    ['function line of "(*"', `goroutine 1 [x]:\n${'(*'.repeat(300_000)}(`],
    ['one 8 MiB line', 'y'.repeat(8 << 20)],
    ['debug=1 header then a huge count line', `goroutine profile: total 1\n${'9'.repeat(1_000_000)} @ 0x1\n`],
  ];
  for (const [name, text] of cases) {
    it(`${name}: model or typed error`, async () => {
      expect(await check(name, enc.encode(text))).toMatch(/model|error/);
    });
  }
});

describe('goroutine text: long lines and amplification (real dumps made hostile)', () => {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const real = (rel: string) => dec.decode(readFileSync(fixtures(rel)));
  const D2 = 'go1.26/http-handler-leak/goroutine.debug2.txt';
  const D1 = 'go1.26/http-handler-leak/goroutine.debug1.txt';
  const parse = (name: string, text: string | Uint8Array) => parseGoroutineText(bytesSource(name, typeof text === 'string' ? enc.encode(text) : text));

  /** The real dump with `line` inserted after line `at` (1-based). */
  const insert = (text: string, at: number, line: string) => {
    const lines = text.split('\n');
    lines.splice(at, 0, line);
    return lines.join('\n');
  };

  it('a 9 M-character line inside a goroutine: partial, too-large at that line; what came before is kept', async () => {
    const text = real(D2);
    const full = await parse('d2', text);
    // Line 3 is inside the first goroutine (header on line 1): the regex once overflowed here.
    const p = await parse('d2', insert(text, 2, 'x'.repeat(9_000_000)));
    expect(p.partial).toBeInstanceOf(ParseError);
    expect(p.partial).toMatchObject({ code: 'too-large', offset: 3, offsetKind: 'line', message: `line 3 is 9000000 characters long, limit ${MAX_LINE_CHARS}` });
    expect(p.total).toBeLessThan(full.total);
    // The same line at the very end, after the dump: every goroutine is read first.
    const atEnd = await parse('d2', text + '\n' + 'x'.repeat(9_000_000) + '\n');
    expect(atEnd.total).toBe(full.total);
  });

  it('the same line in the log before the dump is skipped noise; the dump is read whole', async () => {
    const text = real(D2);
    const full = await parse('d2', text);
    const p = await parse('d2', `${'x'.repeat(9_000_000)}\n${text}`);
    expect(p.partial).toBeUndefined();
    expect(p.total).toBe(full.total);
    expect(p.warnings).toContainEqual(expect.objectContaining({ code: 'skipped-lines', offset: 1 }));
  });

  it('a line of exactly MAX_LINE_CHARS inside a goroutine is read (an unreadable line, no RangeError)', async () => {
    const p = await parse('d2', insert(real(D2), 2, 'x'.repeat(MAX_LINE_CHARS)));
    expect(p.partial).toBeUndefined();
    expect(p.warnings).toContainEqual(expect.objectContaining({ code: 'unreadable-lines', offset: 3 }));
  });

  it('debug=1: a long line ends the profile, partial too-large; no line break at all is no format', async () => {
    const p = await parse('d1', insert(real(D1), 3, '#'.repeat(9_000_000)));
    expect(p.partial).toMatchObject({ code: 'too-large', offset: 4, offsetKind: 'line' });
    expect(p.groups.length).toBeGreaterThan(0);
    await expect(parse('flat', new Uint8Array(20 << 20).fill(0x78))).rejects.toMatchObject({ code: 'unknown-format' });
  });

  it(`more than ${MAX_GOROUTINES} goroutines (25 bytes each): the first ${MAX_GOROUTINES} are read, partial too-large`, async () => {
    // A real header line of the dump, repeated with fresh ids, a blank line after each.
    const header = real(D2).split('\n').find((l) => /^goroutine \d+ .*\[/.test(l))!;
    const parts: string[] = [];
    for (let id = 1; id <= MAX_GOROUTINES + 10; id++) parts.push(header.replace(/^goroutine \d+/, `goroutine ${id}`), '');
    const p = await parse('many', parts.join('\n'));
    expect(p.total).toBe(MAX_GOROUTINES);
    expect(p.partial).toMatchObject({ code: 'too-large', offsetKind: 'line', offset: 2 * MAX_GOROUTINES + 1 });
    expect(p.groups.reduce((n, g) => n + g.count, 0)).toBe(MAX_GOROUTINES);
  });
});
