// TextLines (offsets instead of a string per line) gives the same lines as splitting, on every
// real dump and on the edge cases of line ends.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextLines, detach } from '../../../parsers/goroutines/text';
import { corpus } from '../../support/corpus';

function bySplit(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
const all = (t: TextLines) => Array.from({ length: t.length }, (_, i) => t.at(i));

describe('TextLines', () => {
  it('matches split() on the real dumps', () => {
    const dir = corpus('realworld', 'dumps');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(all(new TextLines(text)), f).toEqual(bySplit(text));
    }
  });
  it('edge cases: empty, no final newline, CRLF, blank lines, lone CR', () => {
    for (const text of ['', '\n', 'a', 'a\n', 'a\r\nb\r\n', '\n\n\nx', 'a\rb\n', '\r\n']) expect(all(new TextLines(text)), JSON.stringify(text)).toEqual(bySplit(text));
    expect(new TextLines('a\nb').at(2)).toBeUndefined();
  });
  it('detach copies without changing the value', () => {
    const big = 'x'.repeat(1000) + 'runtime.gopark(0x1)';
    expect(detach(big.slice(1000, 1014))).toBe('runtime.gopark');
  });
});
