// `leakline inspect <file> [--json]`: what is in a trace (and, later, a profile or dump) file.
// The format is sniffed from the content, never the file name.
import { open } from 'node:fs/promises';
import { ParseError } from '../../parsers/model/errors';
import { isGoTrace, parseTrace } from '../../parsers/trace';
import { withFileSource } from '../../main/engine/file-source';
import { formatTraceSummary, summarizeTrace } from '../inspect/trace-summary';

async function sniff(file: string): Promise<Uint8Array> {
  const h = await open(file, 'r');
  try {
    const buf = new Uint8Array(64);
    const { bytesRead } = await h.read(buf, 0, 64, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await h.close();
  }
}

function fail(file: string, json: boolean, err: ParseError): number {
  if (json) process.stdout.write(JSON.stringify({ file, error: { code: err.code, offset: err.offset, message: err.message } }) + '\n');
  else process.stderr.write(`leakline inspect: ${err.describe(file)}\n`);
  return 1;
}

export const inspect = {
  name: 'inspect',
  summary: 'Summarise a Go execution trace (goroutines, end states, wait reasons)',
  usage: 'leakline inspect <file> [--json]',
  async run(argv: string[]): Promise<number> {
    const json = argv.includes('--json');
    const files = argv.filter((a) => !a.startsWith('--'));
    const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
    if (files.length !== 1 || unknown.length > 0) {
      process.stderr.write(`usage: ${this.usage}\n`);
      return 2;
    }
    const file = files[0];
    let head: Uint8Array;
    try {
      head = await sniff(file);
    } catch (e) {
      process.stderr.write(`leakline inspect: ${file}: ${(e as Error).message}\n`);
      return 1;
    }
    try {
      if (isGoTrace(head)) {
        const model = await withFileSource(file, (src) => parseTrace(src));
        const s = summarizeTrace(file, model);
        process.stdout.write(json ? JSON.stringify(s) + '\n' : formatTraceSummary(s));
        return 0;
      }
      // Profiles (pprof protobuf, goroutine dumps) plug in here, sniffed the same way.
      throw new ParseError('unknown-format', 'not a format leakline reads (expected a Go execution trace)', 0);
    } catch (e) {
      if (e instanceof ParseError) return fail(file, json, e);
      throw e;
    }
  },
};

export default inspect;
