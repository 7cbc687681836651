import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../parsers/model';
import { builtinIgnoreReason, ConfigError, parseConfig, userIgnoreReason, type GoroutineShape } from '../../../analysis/ignore';

const fr = (...funcs: string[]): Frame[] => funcs.map((func, i) => ({ func, file: 'x.go', line: i + 1 }));
const g = (stack: Frame[], waitClass: GoroutineShape['waitClass'], createdBy?: string): GoroutineShape => ({
  stack,
  waitClass,
  createdBy,
  entryFunction: stack[stack.length - 1]?.func ?? '',
});

describe('built-in ignore rules (goleak defaults + runtime goroutines)', () => {
  it('ignores runtime system goroutines', () => {
    expect(builtinIgnoreReason(g(fr('runtime.gopark', 'runtime.gcBgMarkWorker'), 'gc-system'))).toBe('runtime system goroutine');
    expect(builtinIgnoreReason(g(fr('runtime.gopark', 'runtime.goparkunlock', 'runtime.forcegchelper'), 'unknown'))).toBe('runtime system goroutine');
  });
  it('ignores the trace reader and os/signal', () => {
    expect(builtinIgnoreReason(g(fr('runtime.gopark', 'runtime.ReadTrace', 'runtime/trace.Start.func1'), 'gc-system'))).toBeDefined();
    expect(builtinIgnoreReason(g(fr('runtime.gopark', 'runtime.sigNoteSleep', 'os/signal.signal_recv', 'os/signal.loop'), 'unknown'))).toBe("os/signal's loop");
  });
  it('ignores testing waiters only while they wait on a receive', () => {
    const run = fr('runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv1', 'testing.(*T).Run', 'testing.runTests.func1', 'testing.tRunner');
    expect(builtinIgnoreReason(g(run, 'channel-recv'))).toBe('testing framework waiter');
    expect(builtinIgnoreReason(g(run, 'sync-mutex'))).toBeUndefined();
  });
  it('does not ignore user goroutines', () => {
    expect(builtinIgnoreReason(g(fr('runtime.gopark', 'runtime.chansend1', 'main.fetch.func1'), 'channel-send'))).toBeUndefined();
  });
});

describe('user ignore rules (goleak semantics)', () => {
  const stack = fr('runtime.gopark', 'runtime.netpollblock', 'internal/poll.runtime_pollWait', 'net.(*conn).Read', 'main.serve');
  const rules = (o: Partial<{ topFunction: string[]; anyFunction: string[]; createdBy: string[] }>) => ({ topFunction: [], anyFunction: [], createdBy: [], ...o });
  it('top function skips runtime frames, like IgnoreTopFunction("internal/poll.runtime_pollWait")', () => {
    expect(userIgnoreReason(g(stack, 'io'), rules({ topFunction: ['internal/poll.runtime_pollWait'] }))).toMatch(/top function/);
    expect(userIgnoreReason(g(stack, 'io'), rules({ topFunction: ['main.serve'] }))).toBeUndefined();
  });
  it('any function matches anywhere in the stack', () => {
    expect(userIgnoreReason(g(stack, 'io'), rules({ anyFunction: ['net.(*conn).Read'] }))).toMatch(/any function/);
  });
  it('created by matches the creator function', () => {
    expect(userIgnoreReason(g(stack, 'io', 'main.start'), rules({ createdBy: ['main.start'] }))).toMatch(/created by/);
    expect(userIgnoreReason(g(stack, 'io'), rules({ createdBy: ['main.start'] }))).toBeUndefined();
  });
});

describe('.leakline.json', () => {
  it('parses the documented schema', () => {
    const c = parseConfig('{"ignore":{"topFunction":["a.B"],"createdBy":["c.D"]},"failOn":"high"}');
    expect(c).toEqual({ ignore: { topFunction: ['a.B'], anyFunction: [], createdBy: ['c.D'] }, failOn: 'high' });
  });
  it.each([
    ['not json', /not JSON/],
    ['[]', /object/],
    ['{"ignore":{"topFunctions":["x"]}}', /ignore.topFunctions/],
    ['{"ignores":{}}', /unknown key "ignores"/],
    ['{"ignore":{"anyFunction":"x"}}', /array/],
    ['{"failOn":"critical"}', /failOn/],
  ])('rejects %s', (text, msg) => {
    expect(() => parseConfig(text)).toThrow(ConfigError);
    expect(() => parseConfig(text)).toThrow(msg);
  });
});
