// `leakline inspect <file> [--json]`: what is in a trace, profile or goroutine dump. The format
// is sniffed from the content, never the file name. Exit: 0 read (possibly partial, which the
// output says), 2 unusable input (unknown format, unsupported version, corrupt) or usage,
// 1 I/O failure.
import { ParseError } from '../../parsers/model/errors';
import { openInput } from '../../parsers/open-input';
import { openFileSource } from '../../main/engine/file-source';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { processIo, type CliIo } from '../io';
import { formatTraceSummary, summarizeTrace } from '../inspect/trace-summary';
import { renderProfileSummary, summarizeProfile } from '../inspect/profile-summary';

const usage = `Usage: leakline inspect <file> [--json]

Summarises a Go execution trace (Go 1.22–1.26), a pprof profile (goroutine, goroutineleak, heap,
allocs, block, mutex, threadcreate, CPU; gzip or raw protobuf) or a goroutine dump (debug=1,
debug=2, panic / SIGQUIT tracebacks). The format is found from the content, not the name.

Options:
  --json      print exactly one JSON object instead of text
  -h, --help  show this help

Exit status: 0 read (a truncated file is read up to the damage and marked partial),
2 unusable input (unknown format, unsupported version, nothing readable) or usage, 1 I/O error.`;

export function inspectCommand(io: CliIo = processIo): Command {
  return {
    name: 'inspect',
    summary: 'summarise a trace, profile or goroutine dump',
    usage,
    async run(argv: string[]): Promise<number> {
      const { flags, positionals } = parseArgs(argv, { '--json': 'boolean' });
      if (positionals.length !== 1) throw new UsageError('expected exactly one file');
      const json = flags['--json'] === true;
      const file = positionals[0];
      let source;
      try {
        source = await openFileSource(file, file);
      } catch (e) {
        io.err(`leakline inspect: ${file}: ${(e as Error).message}\n`);
        return EXIT.failure;
      }
      try {
        // Only goroutine end states are printed: no spans, no rows of ended goroutines (issue 16).
        const input = await openInput(source, { summary: true });
        if (input.kind === 'trace') {
          const s = summarizeTrace(file, input.trace);
          io.out(json ? JSON.stringify(s) + '\n' : formatTraceSummary(s));
          return EXIT.ok;
        }
        const summary = summarizeProfile(file, input.profile);
        io.out(json ? `${JSON.stringify(summary)}\n` : `${renderProfileSummary(summary)}\n`);
        return EXIT.ok;
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        if (json) io.out(JSON.stringify({ file, error: { code: e.code, offset: e.offset, message: e.message } }) + '\n');
        else io.err(`leakline inspect: ${e.describe(file)}\n`);
        return EXIT.usage;
      } finally {
        await source.close();
      }
    },
  };
}

export const inspect = inspectCommand();
