// Each trace signal on the corpus scenario built to show it (Go 1.26 and 1.22 traces, parsed by
// our trace parser). The corpus test checks the verdicts; this checks that each verdict stands on
// the evidence it claims, so a regression in one signal cannot hide behind another.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { analyze } from '../../../analysis/analyze';
import type { Verdict } from '../../../analysis/verdict';
import { FIXTURES, load } from './corpus';

async function traceVerdict(version: string, scenario: string, startFunc: string): Promise<Verdict> {
  const dir = join(FIXTURES, version, scenario);
  const { inputs } = await load(dir, ['trace.out']);
  const v = analyze(inputs).verdicts.find((x) => x.startFunction === startFunc);
  if (!v) throw new Error(`${scenario}: no verdict for ${startFunc}`);
  return v;
}
const kinds = (v: Verdict) => v.evidence.map((e) => e.kind);

describe.each(['go1.22', 'go1.26'])('trace signals (%s)', (version) => {
  it('never ran again + no receiver: chan-send-early-return', async () => {
    const v = await traceVerdict(version, 'chan-send-early-return', 'main.fetch.func1');
    expect(kinds(v)).toEqual(expect.arrayContaining(['never-ran-again', 'no-partner', 'siblings-finished']));
    expect(v.waitClass).toBe('channel-send');
    expect(v.explanation).toMatch(/^3 goroutines created by fetch \(main\.go:\d+\) blocked on chan send at main\.go:\d+ since .* and never ran again; no goroutine ever received$/);
  });

  it('partner site from the waker stack: range-unclosed', async () => {
    const v = await traceVerdict(version, 'range-unclosed', 'main.pipeline.func1');
    const np = v.evidence.find((e) => e.kind === 'no-partner');
    // The sends that fed the consumer are in pipeline(), which has returned.
    expect(np?.detail).toMatch(/nothing sent at main\.go:\d+ \(pipeline\)/);
    expect(v.explanation).toMatch(/nothing sent at main\.go:\d+ afterwards$/);
    expect(kinds(v)).not.toContain('never-ran-again');
  });

  it('timer zombies: ticker-never-stopped and time-after-loop', async () => {
    for (const [sc, fn] of [
      ['ticker-never-stopped', 'main.startHeartbeat.func1'],
      ['time-after-loop', 'main.watch.func1'],
    ]) {
      const v = await traceVerdict(version, sc, fn);
      expect(kinds(v), sc).toContain('timer-zombie');
      expect(v.confidence, sc).not.toBe('low');
      expect(v.explanation, sc).toMatch(/woken only by timers \(\d+ times in .*\), never exiting$/);
    }
  });

  it('forever: nil channel and select {} are high', async () => {
    for (const [sc, fn] of [
      ['nil-chan-send', 'main.notify.func1'],
      ['nil-chan-recv', 'main.listen.func1'],
      ['select-empty', 'main.park.func1'],
    ]) {
      const v = await traceVerdict(version, sc, fn);
      expect(v.waitClass, sc).toBe('forever');
      expect(v.confidence, sc).toBe('high');
    }
  });

  it('sync waits split by the stack: Mutex, WaitGroup, Cond', async () => {
    expect((await traceVerdict(version, 'mutex-error-path', 'main.writeAll.func1')).waitClass).toBe('sync-mutex');
    expect((await traceVerdict(version, 'waitgroup-missing-done', 'main.runBatch.func2')).waitClass).toBe('sync-waitgroup');
    expect((await traceVerdict(version, 'cond-never-signalled', 'main.waitReady.func1')).waitClass).toBe('sync-cond');
  });

  it('a running service (nothing shut down): idle pool, ctx watchers, server loop all stay low', async () => {
    const dir = join(FIXTURES, version, 'healthy-long-lived');
    const { inputs } = await load(dir, ['trace.out']);
    const r = analyze(inputs);
    const by = new Map(r.verdicts.map((v) => [v.startFunction, v]));
    for (const fn of ['main.serve', 'main.serve.func1', 'main.dispatcher', 'main.worker', 'main.handle.func1']) {
      expect(by.get(fn)?.confidence, fn).toBe('low');
    }
    // …and for the reasons the docs give.
    expect(kinds(by.get('main.worker')!)).toEqual(expect.arrayContaining(['idle-loop', 'creator-active']));
    expect(kinds(by.get('main.serve.func1')!)).toContain('creator-active');
    expect(kinds(by.get('main.handle.func1')!)).toContain('siblings-finished');
  });

  it('healthy controls are not parked at the end of their trace, or stay low', async () => {
    for (const sc of ['healthy-worker-pool', 'healthy-ticker-stopped', 'healthy-bounded-sleep', 'healthy-pipeline-cancelled', 'healthy-server-shutdown']) {
      const dir = join(FIXTURES, version, sc);
      const { inputs } = await load(dir, ['trace.out']);
      const r = analyze(inputs);
      for (const v of r.verdicts) expect(v.confidence, `${sc}: ${v.explanation}`).toBe('low');
      // The harness's own goroutines are filtered, not reported.
      expect(r.ignored['runtime system goroutine'] ?? 0, sc).toBeGreaterThan(0);
    }
  });
});
