// debug=1 structures the corpus cannot produce, laid out as runtime/pprof writes them:
// printCountProfile (records, "# labels:" from labelMap.String with %q), printStackRecord
// ("#\t%#x\n" for a PC without a function), tabwriter column runs. Real captures (186 of them)
// are compared with their proto twins in test/differential/goroutine-formats.test.ts.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { readGoQuoted } from '../../../parsers/goroutines/go-quote';

const parse = (t: string) => parseGoroutineText(bytesSource('d1.txt', new TextEncoder().encode(t)));

describe('debug=1 golden', () => {
  it('unsymbolized PCs (printStackRecord "#\\t%#x") become address frames', async () => {
    const p = await parse('goroutine profile: total 2\n2 @ 0x4500 0x4600\n#\t0x44ff\n#\t0x45ff\tmain.f+0x1f\t\t/src/m.go:9\n\n');
    expect(p.groups[0].stack).toEqual([
      { func: '0x44ff', file: '', line: 0 },
      { func: 'main.f', file: '/src/m.go', line: 9 },
    ]);
    expect(p.warnings).toEqual([]);
  });

  it('"# labels:" values are Go %q strings: escapes, \\x bytes, \\u, raw UTF-8', async () => {
    const line = String.raw`# labels: {"a\tb":"q\"\\", "bytes":"\xe2\x98\x95", "u":"\u00e9\U0001f600", "raw":"café"}`;
    const p = await parse(`goroutine profile: total 1\n1 @ 0x1\n${line}\n#\t0x1\tmain.f+0x1\t/src/m.go:1\n`);
    expect(p.groups[0].labels).toEqual({ 'a\tb': 'q"\\', bytes: '☕', u: 'é😀', raw: 'café' });
  });

  it('a record cut before its frames is kept and marked partial', async () => {
    const p = await parse('goroutine profile: total 3\n2 @ 0x1\n#\t0x1\tmain.f+0x1\t/src/m.go:1\n\n1 @ 0x2 0x3\n');
    expect(p.total).toBe(3);
    expect(p.partial).toMatchObject({ code: 'truncated', offset: 5, offsetKind: 'line' });
  });

  it('header total differing from the records is a warning; text before the header is skipped', async () => {
    const p = await parse('$ curl localhost:6060/debug/pprof/goroutine?debug=1\ngoroutine profile: total 9\n2 @ 0x1\n#\t0x1\tmain.f+0x1\t/src/m.go:1\n');
    expect(p.total).toBe(2);
    expect(p.warnings.map((w) => w.code)).toEqual(['skipped-lines', 'total-mismatch']);
  });

  it('readGoQuoted refuses malformed escapes', () => {
    expect(readGoQuoted('"\\q"', 0)).toBeNull();
    expect(readGoQuoted('"\\x4"', 0)).toBeNull();
    expect(readGoQuoted('"open', 0)).toBeNull();
    expect(readGoQuoted('"ok" tail', 0)).toEqual(['ok', 4]);
  });

  it('a count of 2^64 is never read as a number: the record is skipped with a count-overflow warning', async () => {
    const two64 = '18446744073709551616';
    const p = await parse(`goroutine profile: total ${two64}\n${two64} @ 0x1 0x2\n#\t0x1\tmain.f+0x1\t/src/m.go:1\n#\t0x2\tmain.g+0x1\t/src/m.go:2\n\n3 @ 0x3\n#\t0x3\tmain.h+0x1\t/src/m.go:3\n`);
    expect(p.total).toBe(3);
    expect(p.groups.map((g) => g.count)).toEqual([3]);
    expect(p.warnings).toEqual([
      { code: 'count-overflow', message: '1 records with a goroutine count beyond 2^53 skipped, not counted (first at line 2)', offset: 2 },
      // The header's own digits, not 18446744073709552000.
      { code: 'total-mismatch', message: `header says total ${two64}, records sum to 3`, offset: 1 },
    ]);
  });
});
