// forEachLine (the streaming line reader of the goroutine text parsers) gives the same lines as
// splitting the whole text, on every real dump and on the edge cases of line ends, whatever the
// chunk size (CRLF and multi-byte UTF-8 split across chunks); over-long lines arrive as LongLine.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../../parsers/goroutines/limits';
import { detach, forEachLine, LongLine } from '../../../parsers/goroutines/text';
import { bytesSource } from '../../../parsers/model/byte-source';
import { corpus } from '../../support/corpus';

function bySplit(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

async function all(text: string | Uint8Array, chunk?: number): Promise<(string | number)[]> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const out: (string | number)[] = [];
  let expectNo = 1;
  await forEachLine(
    bytesSource('t', bytes),
    (line, n) => {
      expect(n).toBe(expectNo++);
      out.push(line instanceof LongLine ? -line.chars : line);
    },
    chunk,
  );
  return out;
}

describe('forEachLine', () => {
  it('matches split() on the real dumps, with 1 MiB chunks and with 7-byte chunks', async () => {
    const dir = corpus('realworld', 'dumps');
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      expect(await all(text), f).toEqual(bySplit(text));
      expect(await all(text, 7), f).toEqual(bySplit(text));
    }
  });

  it('edge cases: empty, no final newline, CRLF, blank lines, lone CR, UTF-8 across chunks', async () => {
    for (const text of ['', '\n', 'a', 'a\n', 'a\r\nb\r\n', '\n\n\nx', 'a\rb\n', '\r\n', 'héllo → wörld\r\n日本\n']) {
      for (const chunk of [1, 2, 3, 1 << 20]) expect(await all(text, chunk), `${JSON.stringify(text)} / ${chunk}`).toEqual(bySplit(text));
    }
  });

  it('a line over MAX_LINE_CHARS arrives as its length only; the lines around it are intact', async () => {
    const long = 'x'.repeat(MAX_LINE_CHARS + 5);
    const exact = 'y'.repeat(MAX_LINE_CHARS);
    expect(await all(`a\n${long}\r\nb\n${exact}\n${long}`)).toEqual(['a', -(MAX_LINE_CHARS + 5), 'b', exact, -(MAX_LINE_CHARS + 5)]);
    // A file without any line break is one long line, never one giant string.
    expect(await all(new Uint8Array(3 * MAX_LINE_CHARS).fill(0x41))).toEqual([-3 * MAX_LINE_CHARS]);
  });

  it('stops when the callback returns false', async () => {
    const seen: string[] = [];
    await forEachLine(bytesSource('t', new TextEncoder().encode('a\nb\nc\n')), (line) => {
      seen.push(line as string);
      return line !== 'b';
    });
    expect(seen).toEqual(['a', 'b']);
  });

  it('detach copies without changing the value', () => {
    const big = 'x'.repeat(1000) + 'runtime.gopark(0x1)';
    expect(detach(big.slice(1000, 1014))).toBe('runtime.gopark');
  });
});
