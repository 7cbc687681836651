// Debugging aid: prints one line per reader event in the same shape as test/bench/go-reader -dump,
// so `diff` against Go's reader pinpoints the first divergence. Run: npx jiti test/support/trace-dump.ts <file>
import { readFileSync } from 'node:fs';
import { bytesSource } from '../../parsers/model/byte-source';
import { readEvents } from './read-events';
import {
  EVENT_KIND_NAMES, GO_STATE_STRINGS, GoTransition, PROC_STATE_STRINGS, ProcTransition, eventKind, goTransition, procTransition,
} from '../../parsers/trace/transition';

async function main(): Promise<void> {
  const file = process.argv[2];
  const gt = new GoTransition();
  const pt = new ProcTransition();
  const lines: string[] = [];
  let n = 0;
  try {
    await readEvents(bytesSource(file, readFileSync(file)), (e) => {
      n++;
      let line = `${e.time} ${EVENT_KIND_NAMES[eventKind(e.typ)]} G=${e.g} P=${e.p} M=${e.m}`;
      if (goTransition(e, gt)) {
        const reason = gt.reason ? e.gen!.strings.get(gt.reason) : '';
        line += ` g${gt.g} ${GO_STATE_STRINGS[gt.from]}->${GO_STATE_STRINGS[gt.to]} ${JSON.stringify(reason)}`;
      } else if (procTransition(e, pt)) {
        line += ` p${pt.p} ${PROC_STATE_STRINGS[pt.from]}->${PROC_STATE_STRINGS[pt.to]}`;
      }
      lines.push(line);
    });
  } catch (err) {
    lines.push(`error: ${(err as Error).message}`);
  }
  lines.push(JSON.stringify({ events: n }));
  process.stdout.write(lines.join('\n') + '\n');
}
void main();
