// Whole-dump golden tests for traceback structures the fixture corpus cannot produce here, each
// laid out as the runtime's printing code lays it out (source cited per case).
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../../parsers/model/byte-source';
import { parseGoroutineText } from '../../../parsers/goroutines/index';

const enc = new TextEncoder();
const parse = (text: string) => parseGoroutineText(bytesSource('golden.txt', enc.encode(text)));

function frames(n: number, from = 0): string {
  let s = '';
  for (let i = from; i < from + n; i++) s += `main.f${i}(...)\n\t/src/m.go:${100 + i} +0x1${i % 10}\n`;
  return s;
}

describe('debug=2 traceback structures', () => {
  it('go1.21+ traceback1: 50 inner frames, "...N frames elided...", 50 outer frames, creator with goid', async () => {
    const text = `goroutine 7 [running]:\n${frames(50)}...6710773 frames elided...\n${frames(50, 50)}created by main.main in goroutine 1\n\t/src/m.go:9 +0x25\n`;
    const p = await parse(text);
    const g = p.goroutines![0];
    expect(g).toMatchObject({ id: 7, frameCount: 100, elided: 6710773, createdBy: { func: 'main.main', file: '/src/m.go', line: 9, parentId: 1 } });
    expect(p.groups[0].elidedFrames).toBe(6710773);
    expect(p.partial).toBeUndefined();
  });

  it('go1.19 traceback1: 100 frames then "...additional frames elided...", creator without goid (printcreatedby1(f, pc))', async () => {
    const text = `goroutine 7 [running]:\n${frames(100)}...additional frames elided...\ncreated by main.main\n\t/src/m.go:9 +0x25\n`;
    const g = (await parse(text)).goroutines![0];
    expect(g).toMatchObject({ frameCount: 100, elided: -1, createdBy: { func: 'main.main', line: 9 } });
    expect(g.createdBy!.parentId).toBeUndefined();
  });

  it('tracebackancestors: "[originating from goroutine N]:" sections follow the creator (printAncestorTraceback)', async () => {
    const text = [
      'goroutine 20 [chan receive]:',
      'main.worker(0xc000012345)',
      '\t/src/m.go:30 +0x2d',
      'created by main.spawn in goroutine 19',
      '\t/src/m.go:25 +0x3a',
      '[originating from goroutine 19]:',
      'main.spawn(...)',
      '\t/src/m.go:25 +0x39',
      'created by main.main',
      '\t/src/m.go:12 +0x11',
      '',
      'goroutine 1 [sleep]:',
      'time.Sleep(0x3b9aca00)',
      '\t/usr/lib/go/src/runtime/time.go:195 +0x135',
      'main.main()',
      '\t/src/m.go:14 +0x5e',
      '',
    ].join('\n');
    const p = await parse(text);
    expect(p.goroutines!.map((g) => [g.id, g.frameCount, g.createdBy?.func])).toEqual([
      [20, 1, 'main.spawn'],
      [1, 2, undefined],
    ]);
    expect(p.goroutines![0].createdBy).toEqual({ func: 'main.spawn', file: '/src/m.go', line: 25, parentId: 19 });
    expect(p.goroutines![0].ancestors).toEqual([
      { id: 19, stack: [{ func: 'main.spawn', file: '/src/m.go', line: 25 }], createdBy: { func: 'main.main', file: '/src/m.go', line: 12 } },
    ]);
  });

  it('crash preamble, "panic(" frames, fp/sp/pc annotations, "stack unavailable", register dump', async () => {
    const text = [
      'panic: boom [recovered, repanicked]',
      '[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x5d488a]',
      '',
      'goroutine 1 gp=0xc000002380 m=0 mp=0x6b8c20 [running]:',
      'panic({0x635720?, 0x883340?})',
      '\t/usr/local/go/src/runtime/panic.go:785 +0x132 fp=0xc000105e98 sp=0xc000105de8 pc=0x46a8d2',
      'main.main()',
      '\t/src/m.go:5 +0x18 fp=0xc000105f50 sp=0xc000105e98 pc=0x4b1d38',
      '',
      'goroutine 6 gp=0xc000003dc0 m=3 mp=0xc000080008 [running]:',
      '\tgoroutine running on other thread; stack unavailable',
      'created by main.main in goroutine 1',
      '\t/src/m.go:4 +0x2a',
      '',
      'rax    0xca',
      'rip    0x47a661',
    ].join('\n');
    const p = await parse(text);
    expect(p.goroutines!.map((g) => [g.id, g.state, g.frameCount])).toEqual([
      [1, 'running', 2],
      [6, 'running', 0],
    ]);
    expect(p.groups[0].stack[0]).toEqual({ func: 'panic', file: '/usr/local/go/src/runtime/panic.go', line: 785 });
    expect(p.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['skipped-lines', 'stack-unavailable']));
  });

  it('Windows paths keep the drive colon; CRLF line ends; Markdown indentation', async () => {
    const text = [
      '    goroutine 18 [sync.Mutex.Lock]:',
      '    internal/sync.runtime_SemacquireMutex(0xc0000a4a2c?, 0x0?, 0x0?)',
      '    \tC:/Program Files/Go/src/runtime/sema.go:95 +0x25',
      '    main.lockIt()',
      '    \tC:/Users/me/app/main.go:20 +0x4b',
      '    created by main.main in goroutine 1',
      '    \tC:/Users/me/app/main.go:30 +0x1a',
      '',
    ].join('\r\n');
    const p = await parse(text);
    expect(p.groups[0].stack).toEqual([
      { func: 'internal/sync.runtime_SemacquireMutex', file: 'C:/Program Files/Go/src/runtime/sema.go', line: 95 },
      { func: 'main.lockIt', file: 'C:/Users/me/app/main.go', line: 20 },
    ]);
    expect(p.groups[0].state).toBe('sync.Mutex.Lock');
  });

  it('groups by stack + state + creator, min–max minutes, ids in order', async () => {
    const g = (id: number, state: string, line: number) =>
      `goroutine ${id} [${state}]:\nmain.wait(...)\n\t/src/m.go:${line}\ncreated by main.main in goroutine 1\n\t/src/m.go:9 +0x25\n\n`;
    const p = await parse(g(3, 'chan receive, 5 minutes', 40) + g(4, 'chan receive', 40) + g(5, 'chan receive, 12 minutes', 40) + g(6, 'select', 40) + g(7, 'chan receive', 41));
    expect(p.groups.map((x) => [x.state, x.count, x.ids, x.waitMinutes])).toEqual([
      ['chan receive', 3, [3, 4, 5], { min: 0, max: 12 }],
      ['select', 1, [6], undefined],
      ['chan receive', 1, [7], undefined],
    ]);
    expect(p.total).toBe(5);
  });

  it('Go 1.27 label suffix splits groups by label set and keeps labels on the group', async () => {
    const g = (id: number, labels: string) => `goroutine ${id} [chan receive]${labels}:\nmain.wait()\n\t/src/m.go:40 +0x1\n\n`;
    const p = await parse(g(3, ' {tenant: a}') + g(4, ' {tenant: a}') + g(5, ' {tenant: "b c"}') + g(6, ''));
    expect(p.groups.map((x) => [x.count, x.labels])).toEqual([
      [2, { tenant: 'a' }],
      [1, { tenant: 'b c' }],
      [1, undefined],
    ]);
  });

  it('concatenated dumps: a repeated goroutine id starts a second dump; the first is read, with a warning', async () => {
    const one = 'goroutine 1 [running]:\nmain.main()\n\t/src/m.go:5 +0x18\n\ngoroutine 2 [select]:\nmain.loop()\n\t/src/m.go:7 +0x1\n\n';
    const p = await parse(`log line\n${one}some log\n${one}`);
    expect(p.total).toBe(2);
    expect(p.warnings.find((w) => w.code === 'concatenated')?.offset).toBe(11);
  });

  it('a dump cut inside a frame is kept and marked partial at the goroutine header line', async () => {
    const p = await parse('goroutine 1 [running]:\nmain.main()\n\t/src/m.go:5 +0x18\n\ngoroutine 9 [select]:\nmain.loop(0xc0000');
    expect(p.total).toBe(2);
    expect(p.partial?.code).toBe('truncated');
    expect(p.partial?.offset).toBe(5);
    expect(p.partial?.offsetKind).toBe('line');
  });

  it('no header at all is a typed error', async () => {
    await expect(parse('hello\nworld\n')).rejects.toMatchObject({ name: 'ParseError', code: 'unknown-format' });
  });
});
