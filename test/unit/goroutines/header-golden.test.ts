// Golden tests for goroutine header variants, each line composed exactly as the runtime's
// printing code composes it (function and Go version cited per case), for variants the fixture
// corpus cannot produce on this machine (synctest bubbles, scan bit, crash-only gp/m forms,
// the 1.27 label suffix) plus real lines quoted from public reports.
import { describe, expect, it } from 'vitest';
import { parseHeader, parseLabelList } from '../../../parsers/goroutines/header';

function h(line: string) {
  const r = parseHeader(line);
  if (!r) throw new Error(`not a header: ${line}`);
  return r.header;
}

describe('goroutineheader variants', () => {
  it('Go ≤1.21 goroutineheader: status, ", N minutes", ", locked to thread"', () => {
    // Real lines from golang/go#10546 (old runtime, same print sequence as go1.19 traceback.go:goroutineheader).
    expect(h('goroutine 1 [chan receive, 10175 minutes]:')).toEqual({
      id: 1, state: 'chan receive', leaked: false, scan: false, durable: false, locked: false, minutes: 10175,
    });
    expect(h('goroutine 17 [syscall, 10175 minutes, locked to thread]:')).toMatchObject({ id: 17, state: 'syscall', minutes: 10175, locked: true });
    // Wait reasons carry their own parentheses (runtime2.go waitReasonStrings): not flags.
    expect(h('goroutine 3 [chan receive (nil chan)]:')).toMatchObject({ state: 'chan receive (nil chan)', leaked: false, durable: false });
    expect(h('goroutine 4 [select (no cases)]:')).toMatchObject({ state: 'select (no cases)' });
    expect(h('goroutine 5 [GC worker (idle)]:')).toMatchObject({ state: 'GC worker (idle)' });
  });

  it('_Gscan bit: print(" (scan)") right after the status (every version)', () => {
    expect(h('goroutine 9 [runnable (scan)]:')).toMatchObject({ state: 'runnable', scan: true });
    expect(h('goroutine 9 [chan send (scan), 2 minutes]:')).toMatchObject({ state: 'chan send', scan: true, minutes: 2 });
  });

  it('Go 1.22+ level ≥2 / throwing goroutine: " gp=" gp [" m=" id " mp=" mp | " m=nil"]', () => {
    // go1.23 traceback.go:goroutineheader; lines as in realworld 045/047 and tracee PR #4688.
    expect(h('goroutine 5 gp=0x4000556380 m=nil [select]:')).toMatchObject({ id: 5, gp: '0x4000556380', m: 'nil', state: 'select' });
    expect(h('goroutine 6359 gp=0xc0027ffc20 m=7 mp=0xc003efe008 [running]:')).toMatchObject({ id: 6359, m: '7', state: 'running' });
    expect(h('goroutine 7 gp=0xc00019e1c0 m=nil [select, 3 minutes]:')).toMatchObject({ minutes: 3 });
  });

  it('Go 1.25 synctest: " (durable)" and ", synctest bubble N" (go1.25+ goroutineheader)', () => {
    // Wait reason whose name already ends in "(durable)" (runtime2.go waitReasonChanSendSynctest).
    expect(h('goroutine 37 [chan send (durable), synctest bubble 1]:')).toEqual({
      id: 37, state: 'chan send (durable)', leaked: false, scan: false, durable: true, locked: false, bubble: 1,
    });
    // Idle-in-synctest reason without "(durable)" in its name gets " (durable)" appended, after
    // " (scan)" and before ", N minutes"; bubble comes after "locked to thread".
    expect(h('goroutine 40 [sync.Cond.Wait (durable), 4 minutes, locked to thread, synctest bubble 12]:')).toEqual({
      id: 40, state: 'sync.Cond.Wait (durable)', leaked: false, scan: false, durable: true, locked: true, minutes: 4, bubble: 12,
    });
    expect(h('goroutine 41 [select (scan) (durable), synctest bubble 3]:')).toMatchObject({ state: 'select (durable)', scan: true, durable: true, bubble: 3 });
    // Not idle-durable: plain bubble member.
    expect(h('goroutine 42 [running, synctest bubble 3]:')).toMatchObject({ state: 'running', durable: false, bubble: 3 });
  });

  it('Go 1.26 _Gleaked: " (leaked)" after the status, no minutes (waitfor only for _Gwaiting/_Gsyscall)', () => {
    expect(h('goroutine 42 [chan receive (leaked)]:')).toMatchObject({ state: 'chan receive', leaked: true });
    expect(h('goroutine 43 [chan send (nil chan) (leaked)]:')).toMatchObject({ state: 'chan send (nil chan)', leaked: true });
    expect(h('goroutine 44 [sync.WaitGroup.Wait (leaked), locked to thread]:')).toMatchObject({ state: 'sync.WaitGroup.Wait', leaked: true, locked: true });
    expect(h('goroutine 45 gp=0xc000102380 m=nil [select (no cases) (leaked)]:')).toMatchObject({ state: 'select (no cases)', leaked: true, m: 'nil' });
  });

  it('Go 1.26 GODEBUG=tracebacklabels=1: ` labels:{` quoted(k) ": " quoted(v) … `}` inside the brackets', () => {
    // Line printed by go1.26.8 runtime (goroutineheader + printquoted) for pprof.Labels("worker","a b","id","7").
    expect(h('goroutine 14 [select (leaked) labels:{"id": "7", "worker": "a b"}]:')).toMatchObject({
      state: 'select', leaked: true, labels: { id: '7', worker: 'a b' },
    });
    expect(h('goroutine 15 [chan receive, 5 minutes, locked to thread labels:{"k": "tab\\there \\"q\\""}]:')).toMatchObject({
      state: 'chan receive', minutes: 5, locked: true, labels: { k: 'tab\there "q"' },
    });
  });

  it('Go 1.27 labels after the bracket: `] {` k ": " v `}` quoted only when tracebackStringNeedsQuoting', () => {
    // golang/go master goroutineheader (1.27-era): bare if only [A-Za-z0-9./_], else printquoted.
    expect(h('goroutine 38669 [chan receive] {pid: "<ABC123.0.1041>"}:')).toMatchObject({ state: 'chan receive', labels: { pid: '<ABC123.0.1041>' } });
    expect(h('goroutine 24812 [IO wait] {meta: "Alias#<ABC123.107118.6819740677833.0>", role: reader}:')).toMatchObject({
      state: 'IO wait', labels: { meta: 'Alias#<ABC123.107118.6819740677833.0>', role: 'reader' },
    });
    expect(h('goroutine 7 gp=0xc000007c00 m=nil [chan send (leaked), locked to thread] {"request id": "a]b}c", path: /v1/x.y_z}:')).toMatchObject({
      state: 'chan send', leaked: true, locked: true, labels: { 'request id': 'a]b}c', path: '/v1/x.y_z' },
    });
    // printquoted escapes: \n \r \t \\ \" and \xNN (<0x20), \uNNNN, \UNNNNNNNN for non-ASCII.
    expect(h('goroutine 8 [select] {"caf\\u00e9": "\\x01\\U0001f600", empty: }:')).toMatchObject({ labels: { 'café': '\x01😀', empty: '' } });
  });

  it('malformed label lists are kept as unknown header parts, not dropped', () => {
    expect(h('goroutine 9 [select] {broken}:')).toMatchObject({ state: 'select', unknown: ['{broken}'] });
    expect(parseLabelList('"unterminated: x')).toBeNull();
  });

  it('indentation is returned so the dump can be de-indented', () => {
    expect(parseHeader('    goroutine 96 [running]:')?.indent).toBe('    ');
  });

  it('rejects lines that are not headers', () => {
    for (const line of [
      'goroutine goroutine 11 gp= gp=0xc0000023800xc000002380 m= m=00 [ [syscallsyscall]:',
      'goroutine 1 [running]',
      'goroutine profile: total 4',
      'created by main.main in goroutine 1',
      'the goroutine 5 [x]: said',
      '',
    ]) expect(parseHeader(line), line).toBeUndefined();
  });
});
