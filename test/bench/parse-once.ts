// One full parse (complete lifecycle model) of a trace file, for the benchmark's child process:
// prints events, wall and CPU seconds and peak RSS as one JSON line.
import { openFileSource } from '../../main/engine/file-source';
import { parseTrace } from '../../parsers/trace/index';

async function main(): Promise<void> {
  const file = process.argv[2];
  const src = await openFileSource(file);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const m = await parseTrace(src);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  await src.close();
  const out = {
    events: m.events,
    bytes: m.bytes,
    spans: m.spans.count,
    goroutines: m.goroutines.count,
    seconds: wall,
    cpu: (c.user + c.system) / 1e6,
    // resourceUsage().maxRSS is in KiB.
    rssMB: process.resourceUsage().maxRSS / 1024,
    partial: m.partial ? m.partial.message : null,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
void main();
