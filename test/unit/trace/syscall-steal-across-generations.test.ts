// Regression: a P left in a syscall at the end of one generation is reported at the start of the
// next as `ProcStatus SyscallAbandoned` by the thread about to steal it. The reader reports it as
// Syscall (old state Running) on the thread that holds it, and must NOT bind the P to the
// stealer; when it did, the stealer's next ProcStart could never happen and a 200 MB HTTP-server
// trace stopped at 10.7 of its 38 M events. The case (cases/*.test, x/exp text format) has the
// stealer start another P afterwards. Expected stream: Go's reader (golang.org/x/exp/trace via
// `test/bench/go-reader -dump`) on the same bytes, printed as time, ctx M/P/G.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { EVENT_NAMES, NONE } from '../../../parsers/trace/spec';
import { readEvents } from '../../support/read-events';
import { parseGoldenTest } from '../../support/trace-text';
import { TraceValidator } from '../../support/trace-validator';

const file = path.join(__dirname, 'cases/go122-syscall-steal-proc-gen-boundary-promoted.test');

// From `go-reader -dump` (x/exp trace): "time kind G P M transition".
const GO_READER = [
  '1 Sync G=-1 P=-1 M=-1',
  '64 ProcStatus G=-1 P=-1 M=0',
  '65 ProcStatus G=-1 P=-1 M=1',
  '128 GoStatus G=-1 P=0 M=0',
  '192 GoSyscallBegin G=1 P=0 M=0',
  '640 Sync G=-1 P=-1 M=-1',
  '704 GoStatus G=1 P=0 M=0',
  // p0 Running->Running: reported on M0, which holds p0, not on the stealer M1.
  '705 ProcStatus G=1 P=0 M=0',
  '768 ProcSteal G=-1 P=-1 M=1',
  '769 GoSyscallEndBlocked G=1 P=-1 M=0',
  '832 ProcStatus G=-1 P=-1 M=1',
  // The stealer has no P after the steal, so it can start p1.
  '896 ProcStart G=-1 P=-1 M=1',
  '960 ProcStop G=-1 P=1 M=1',
  '961 Sync G=-1 P=-1 M=-1',
];

describe('ProcStatus SyscallAbandoned for a P in Syscall since the previous generation', () => {
  it('reads to the end with the P attributed to its holder, as Go\'s reader does', async () => {
    const c = parseGoldenTest(readFileSync(file, 'utf8'));
    expect(c.expectSuccess).toBe(true);
    const v = new TraceValidator();
    const f = (x: number): number => (x === NONE ? -1 : x);
    const got: string[] = [];
    const procStatus: { status: number; old: number }[] = [];
    await readEvents(bytesSource('promoted', c.bytes), (e) => {
      v.event(e);
      got.push(`${e.time} ${e.typ === 255 ? 'Sync' : EVENT_NAMES[e.typ]} G=${f(e.g)} P=${f(e.p)} M=${f(e.m)}`);
      if (e.typ === 13 && e.a0 === 0 && e.gen?.gen === 2) procStatus.push({ status: e.a1, old: e.extra });
    });
    expect(got).toEqual(GO_READER);
    expect(v.errors).toEqual([]);
    // Reported as wire Syscall (3) with old state ProcRunning (2): a Running->Running transition.
    expect(procStatus).toEqual([{ status: 3, old: 2 }]);
  });
});
