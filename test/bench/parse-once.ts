// One full parse (complete lifecycle model) of a trace file, for the benchmark's child process:
// prints events, wall and CPU seconds and peak RSS as one JSON line. With --stream, only the
// reader's event stream (no model): what the reader itself holds in memory, independent of the
// model it feeds (for v1 traces also the events it held back at most: syscall-exit reordering and
// the look-ahead of GoSysCall).
import { openFileSource } from '../../main/engine/file-source';
import { EventStream, Step } from '../../parsers/trace/event-stream';
import { isV1Version, readHeader } from '../../parsers/trace/header';
import { parseTrace } from '../../parsers/trace/index';
import { V1Stream } from '../../parsers/trace/v1/v1-stream';

async function streamOnly(file: string): Promise<Record<string, unknown>> {
  const src = await openFileSource(file);
  const version = readHeader((await src.read(0, 16)).slice());
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const s = isV1Version(version) ? new V1Stream(src, version) : new EventStream(src);
  await s.open();
  let events = 0;
  for (;;) {
    const st = s.step();
    if (st === Step.Event) events++;
    else if (st === Step.Done) break;
    else await s.loadNext();
  }
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  await src.close();
  return {
    events,
    seconds: wall,
    cpu: (c.user + c.system) / 1e6,
    rssMB: process.resourceUsage().maxRSS / 1024,
    ...(s instanceof V1Stream ? { heldBack: s.heldBack, batches: s.ix.batches } : {}),
  };
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (process.argv.includes('--stream')) {
    process.stdout.write(JSON.stringify(await streamOnly(file)) + '\n');
    return;
  }
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
    spanStoreBytes: m.spans.bytes,
    goroutines: m.goroutines.count,
    goVersion: m.goVersion,
    seconds: wall,
    cpu: (c.user + c.system) / 1e6,
    // resourceUsage().maxRSS is in KiB.
    rssMB: process.resourceUsage().maxRSS / 1024,
    partial: m.partial ? m.partial.message : null,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}
void main();
