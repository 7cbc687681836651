// Benchmark child: parses one file with Leakline's parsers and prints timing as JSON. Run in
// its own process (bundled by profiles-bench.mjs) so its peak RSS is this parse alone.
import { openFileSource } from '../../main/engine/file-source';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';

async function main(): Promise<void> {
  const file = process.argv[2];
  // From the file in chunks, as the app reads it: the text parser then never holds it whole.
  const source = await openFileSource(file);
  const start = performance.now();
  const format = sniff(await source.read(0, Math.min(source.size, 1 << 20)));
  const p = format === 'pprof-proto' ? await parsePprof(source) : await parseGoroutineText(source);
  const parseMs = performance.now() - start;
  await source.close();
  const summary = p.kind === 'goroutines' ? { total: p.total, groups: p.groups.length, ...(p.partial ? { partial: p.partial.message } : {}) } : { samples: p.samples.length };
  process.stdout.write(`${JSON.stringify({ format, parseMs, maxRssKiB: process.resourceUsage().maxRSS, ...summary })}\n`);
}

void main();
