// One `leakline inspect --json` or `leakline report --format json` of one file, for the trace
// benchmark's child process: runs the real command (same code path as the binary, output thrown
// away) and prints wall and CPU seconds and peak RSS as one JSON line. Peak RSS is the whole
// process's (Node itself is ~45 MB of it), as a user would see it.
import { inspectCommand } from '../../cli/commands/inspect';
import { runReport } from '../../cli/commands/report';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  let bytesOut = 0;
  let errors = '';
  const io = { out: (t: string) => void (bytesOut += t.length), err: (t: string) => void (errors += t) };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let code: number;
  if (command === 'inspect') code = await inspectCommand(io).run([file, '--json']);
  else if (command === 'report') code = await runReport([file, '--format', 'json', '--fail-on', 'proven'], io);
  else throw new Error(`usage: cli-once inspect|report <file>`);
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  // Exit 1 from report means "a proven leak was found": still a complete run.
  if (code !== 0 && !(command === 'report' && code === 1)) throw new Error(`${command} exited ${code}: ${errors}`);
  process.stdout.write(
    JSON.stringify({ seconds: wall, cpu: (c.user + c.system) / 1e6, rssMB: process.resourceUsage().maxRSS / 1024, bytesOut }) + '\n',
  );
}
void main();
