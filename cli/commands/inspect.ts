// `leakline inspect <file> [--json]`: what is in a trace (and, later, a profile or dump) file.
// The format is sniffed from the content, never the file name. Exit: 0 read (possibly partial,
// which the output says), 2 unusable input or usage, 1 I/O failure.
import { open } from 'node:fs/promises';
import { ParseError } from '../../parsers/model/errors';
import { isGoTrace, parseTrace } from '../../parsers/trace';
import { withFileSource } from '../../main/engine/file-source';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { processIo, type CliIo } from '../io';
import { formatTraceSummary, summarizeTrace } from '../inspect/trace-summary';

const usage = `Usage: leakline inspect <file> [--json]

Summarises a Go execution trace (Go 1.22–1.26): version, size, events, generations, duration,
whether it is complete, and goroutines (seen, ended, alive at the end by state, waiting by reason).

Options:
  --json      print exactly one JSON object instead of text
  -h, --help  show this help

Exit status: 0 read (a truncated file is read up to the damage and marked partial),
2 unusable input (unknown format, unsupported version, nothing readable) or usage, 1 I/O error.`;

async function readHead(file: string): Promise<Uint8Array> {
  const h = await open(file, 'r');
  try {
    const buf = new Uint8Array(64);
    const { bytesRead } = await h.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

export function inspectCommand(io: CliIo = processIo): Command {
  return {
    name: 'inspect',
    summary: 'summarise a trace file: version, events, goroutines and their end states',
    usage,
    async run(argv: string[]): Promise<number> {
      const { flags, positionals } = parseArgs(argv, { '--json': 'boolean' });
      if (positionals.length !== 1) throw new UsageError('expected exactly one file');
      const json = flags['--json'] === true;
      const file = positionals[0];
      let head: Uint8Array;
      try {
        head = await readHead(file);
      } catch (e) {
        io.err(`leakline inspect: ${file}: ${(e as Error).message}\n`);
        return EXIT.failure;
      }
      try {
        if (isGoTrace(head)) {
          const model = await withFileSource(file, (src) => parseTrace(src));
          const s = summarizeTrace(file, model);
          io.out(json ? JSON.stringify(s) + '\n' : formatTraceSummary(s));
          return EXIT.ok;
        }
        // Other formats (pprof profiles, goroutine dumps) are sniffed and summarised here.
        throw new ParseError('unknown-format', 'not a format leakline inspects (expected a Go execution trace)', 0);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        if (json) io.out(JSON.stringify({ file, error: { code: e.code, offset: e.offset, message: e.message } }) + '\n');
        else io.err(`leakline inspect: ${e.describe(file)}\n`);
        return EXIT.usage;
      }
    },
  };
}

export const inspect = inspectCommand();
