// `leakline inspect <file> [--json]`: sniffs the file's content (never its extension) and prints
// a summary. This file carries the profile dispatch; Go execution traces are dispatched by the
// trace parser's summary (cli/inspect/trace-summary.ts) when that lands.
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { ByteSource } from '../../parsers/model/byte-source';
import { ParseError } from '../../parsers/model/errors';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';
import { EXIT, type Command } from '../command';
import { processIo, type CliIo } from '../io';
import { renderProfileSummary, summarizeProfile } from '../inspect/profile-summary';

async function fileSource(file: string): Promise<{ source: ByteSource; close: () => Promise<void> }> {
  const fh = await open(file, 'r');
  const size = (await fh.stat()).size;
  return {
    source: {
      name: path.basename(file),
      size,
      read: async (offset, length) => {
        const n = Math.max(0, Math.min(length, size - offset));
        const buf = new Uint8Array(n);
        const { bytesRead } = await fh.read(buf, 0, n, offset);
        return buf.subarray(0, bytesRead);
      },
    },
    close: () => fh.close(),
  };
}

const usage = `Usage: leakline inspect <file> [--json]

Prints what a file is and what is in it: the format (found from the content, not the name),
the profile type, sample types, goroutine totals, groups and states, and any warnings.
  --json      one JSON object instead of text
Exit status: 0 read, 1 unreadable or corrupt input, 2 usage.`;

export const inspect: Command = {
  name: 'inspect',
  summary: 'Summarize a trace, profile or goroutine dump',
  usage,
  run: (argv) => runInspect(argv, processIo),
};

export async function runInspect(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length !== 1 || unknown.length) {
    io.err(`${usage}\n`);
    return EXIT.usage;
  }
  const file = files[0];
  let opened: Awaited<ReturnType<typeof fileSource>>;
  try {
    opened = await fileSource(file);
  } catch (err) {
    io.err(`${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  try {
    const head = await opened.source.read(0, Math.min(opened.source.size, 1 << 20));
    const format = sniff(head);
    if (format === 'go-trace') {
      io.err(`${file}: Go execution trace: trace inspection is provided by the trace parser\n`);
      return EXIT.failure;
    }
    if (format === 'unknown') throw new ParseError('unknown-format', 'not a pprof profile, goroutine dump or Go trace', 0);
    const profile = format === 'pprof-proto' ? await parsePprof(opened.source) : await parseGoroutineText(opened.source);
    const summary = summarizeProfile(file, profile);
    io.out(json ? `${JSON.stringify(summary)}\n` : `${renderProfileSummary(summary)}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ParseError) {
      if (json) io.out(`${JSON.stringify({ file, error: { code: err.code, message: err.message, [err.offsetKind === 'line' ? 'line' : 'offset']: err.offset } })}\n`);
      io.err(`${err.describe(file)}\n`);
      return 1;
    }
    throw err;
  } finally {
    await opened.close();
  }
}
