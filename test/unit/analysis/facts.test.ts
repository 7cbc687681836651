// The facts the leak rules read, on real traces and dumps of the fixture programs (Go 1.22 and
// 1.26 traces, parsed by our parser): each fact is checked on the scenario built to show it, so a
// regression in one cannot hide behind the model's weights. (Rules on hand-set facts: rules.test.ts.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profileFacts } from '../../../analysis/facts/profile-facts';
import { traceFacts } from '../../../analysis/facts/trace-facts';
import { WAIT_CLASSES, YES, type ParkedFacts } from '../../../analysis/facts/parked';
import { NO_RULES } from '../../../analysis/ignore';
import { bytesSource } from '../../../parsers/model';
import { parseGoroutineText } from '../../../parsers/goroutines/index';
import { parseTrace } from '../../../parsers/trace/index';
import { fixtures } from '../../support/corpus';

async function factsOf(version: string, scenario: string): Promise<ParkedFacts> {
  const file = fixtures(version, scenario, 'trace.out');
  const m = await parseTrace(bytesSource(file, new Uint8Array(readFileSync(file))));
  return traceFacts(m, 'trace.out', NO_RULES).facts;
}

/** Fact rows of the goroutines started by `entry`. */
function rowsOf(f: ParkedFacts, entry: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < f.count; i++) if (f.groups[f.group[i]].entry === entry) out.push(i);
  return out;
}

const all = (f: ParkedFacts, rows: number[], col: keyof ParkedFacts, v = YES) => rows.every((i) => (f[col] as Uint8Array)[i] === v);

describe.each(['go1.22', 'go1.26'])('trace facts (%s)', (version) => {
  it('chan-send-early-return: blocked right after creation, nobody ever received at that line', async () => {
    const f = await factsOf(version, 'chan-send-early-return');
    const rows = rowsOf(f, 'main.fetch.func1');
    expect(rows).toHaveLength(3);
    expect(rows.every((i) => WAIT_CLASSES[f.waitClass[i]] === 'channel-send')).toBe(true);
    expect(all(f, rows, 'neverRanAgain')).toBe(true);
    expect(all(f, rows, 'siteNeverWoken')).toBe(true);
    expect(rows.every((i) => f.siteWakes[i] === 0 && f.parkedFraction[i] > 0.5)).toBe(true);
    // The happy-path call's goroutine finished: same go statement, same function.
    expect(all(f, rows, 'siblingsFinished')).toBe(true);
  });

  it('range-unclosed: the consumer was fed at its line by a function that has since returned', async () => {
    const f = await factsOf(version, 'range-unclosed');
    const rows = rowsOf(f, 'main.pipeline.func1');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((i) => f.partnerReturned[i] === YES)).toBe(true);
    expect(rows.every((i) => f.siteWakes[i] >= 1)).toBe(true);
    expect(all(f, rows, 'neverRanAgain', YES)).toBe(false);
  });

  it('ticker-never-stopped: woken at its line only by timers', async () => {
    const f = await factsOf(version, 'ticker-never-stopped');
    const rows = rowsOf(f, 'main.startHeartbeat.func1');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((i) => f.timerSiteWakes[i] >= 2 && f.siteWakes[i] === 0)).toBe(true);
  });

  it('healthy-long-lived: idle workers were served at their line by a live dispatcher', async () => {
    const f = await factsOf(version, 'healthy-long-lived');
    const workers = rowsOf(f, 'main.worker');
    expect(workers).toHaveLength(4);
    expect(all(f, workers, 'idleLoop')).toBe(true);
    // Some of the workers parked before the last job was handed to another one.
    expect(workers.some((i) => f.siteServedAfter[i] === YES)).toBe(true);
    // The ctx.Done() watcher's creator (the server loop) is alive and still in the function that started it.
    expect(all(f, rowsOf(f, 'main.serve.func1'), 'creatorInScope')).toBe(true);
  });

  it('mutex-error-path: waiting on a lock nobody ever released', async () => {
    const f = await factsOf(version, 'mutex-error-path');
    const rows = rowsOf(f, 'main.writeAll.func1');
    expect(rows).toHaveLength(3);
    expect(rows.every((i) => WAIT_CLASSES[f.waitClass[i]] === 'sync-mutex')).toBe(true);
    expect(all(f, rows, 'siteNeverWoken')).toBe(true);
  });

  it('every fact row is a goroutine parked at the end, counted once', async () => {
    const f = await factsOf(version, 'http-handler-leak');
    const ids = new Set<number>();
    for (let i = 0; i < f.count; i++) {
      expect(ids.has(f.id[i])).toBe(false);
      ids.add(f.id[i]);
      expect(f.parkedFraction[i]).toBeGreaterThanOrEqual(0);
      expect(f.parkedFraction[i]).toBeLessThanOrEqual(1);
    }
  });
});

describe('dump facts (debug=2, Go 1.26)', () => {
  it('creator facts from `created by … in goroutine N`', async () => {
    const file = fixtures('go1.26', 'healthy-long-lived', 'goroutine.debug2.txt');
    const p = await parseGoroutineText(bytesSource(file, new Uint8Array(readFileSync(file))));
    const f = profileFacts(p, 'goroutine.debug2.txt', NO_RULES).facts;
    const watcher = rowsOf(f, 'main.serve.func1');
    expect(watcher).toHaveLength(1);
    expect(f.creatorExited[watcher[0]]).not.toBe(YES);
    expect(f.creatorInScope[watcher[0]]).toBe(YES);
    // History facts are unknown in a snapshot.
    expect(Number.isNaN(f.parkedFraction[watcher[0]])).toBe(true);
    expect(f.neverRanAgain[watcher[0]]).not.toBe(YES);
  });
});
