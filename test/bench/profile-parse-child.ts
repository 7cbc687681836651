// Benchmark child: parses one file with Leakline's parsers and prints timing as JSON. Run in
// its own process (bundled by profiles-bench.mjs) so its peak RSS is this parse alone.
import { readFileSync } from 'node:fs';
import { bytesSource } from '../../parsers/model/byte-source';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';

async function main(): Promise<void> {
  const file = process.argv[2];
  const bytes = new Uint8Array(readFileSync(file));
  const start = performance.now();
  const format = sniff(bytes);
  const source = bytesSource(file, bytes);
  const p = format === 'pprof-proto' ? await parsePprof(source) : await parseGoroutineText(source);
  const parseMs = performance.now() - start;
  const summary = p.kind === 'goroutines' ? { total: p.total, groups: p.groups.length } : { samples: p.samples.length };
  process.stdout.write(`${JSON.stringify({ format, parseMs, maxRssKiB: process.resourceUsage().maxRSS, ...summary })}\n`);
}

void main();
