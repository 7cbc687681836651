// Every leak rule on small facts: a row built to satisfy it fires, the same row with the one fact
// that matters changed does not, and its sentence counts the members it fired for. (The rules on
// real traces: facts.test.ts; their weights: detect-eval.test.ts.)
import { describe, expect, it } from 'vitest';
import { allocateFacts, finishFacts, type FactColumns } from '../../../analysis/facts/columns';
import { classIndex, NO, UNKNOWN, YES, type GroupInfo, type ParkedFacts } from '../../../analysis/facts/parked';
import { RULES, RULE_BY_ID } from '../../../analysis/rules';
import type { InputKind } from '../../../analysis/verdict';
import type { WaitClass } from '../../../analysis/wait-class';

const GROUP: GroupInfo = {
  fingerprint: 'llfp1:0',
  entry: 'main.worker',
  blockedAt: { function: 'main.worker', file: 'main.go', line: 42 },
  createdBy: { function: 'main.start', file: 'main.go', line: 30 },
  stack: [{ func: 'main.worker', file: 'main.go', line: 42 }],
  reason: '',
};
const STD_GROUP: GroupInfo = { ...GROUP, blockedAt: { function: 'net/http.(*persistConn).writeLoop', file: 'transport.go', line: 2500 } };

type Setup = (c: FactColumns, i: number) => void;

/** Two rows of one group: row 0 gets `yes`, row 1 gets `no`; both start as a parked channel send. */
function facts(kind: InputKind, yes: Setup, no: Setup, group = GROUP, rows = 2): ParkedFacts {
  const c = allocateFacts(rows);
  for (let i = 0; i < rows; i++) {
    c.id[i] = i + 1;
    c.waitClass[i] = classIndex('channel-send');
    c.parkedFraction[i] = 0.6;
    c.parkedBeforeTrace[i] = NO;
    c.siteWakes[i] = 0;
    c.timerSiteWakes[i] = 0;
  }
  yes(c, 0);
  no(c, 1);
  return finishFacts(c, rows, { kind, source: 'test', durationNs: 1e9, groups: [group] });
}

const cls = (w: WaitClass): Setup => (c, i) => void (c.waitClass[i] = classIndex(w));
const flagSet = (k: keyof FactColumns, v: number): Setup => (c, i) => void ((c[k] as Uint8Array)[i] = v);
const num = (k: keyof FactColumns, v: number): Setup => (c, i) => void ((c[k] as Float64Array)[i] = v);
const both = (...s: Setup[]): Setup => (c, i) => s.forEach((f) => f(c, i));

// rule id → [input kind, setup that fires, setup that does not]
const TABLE: Record<string, [InputKind, Setup, Setup]> = {
  'waits-to-send': ['debug2', cls('channel-send'), cls('channel-recv')],
  'waits-to-receive': ['debug2', cls('channel-recv'), cls('select')],
  'waits-in-select': ['trace', cls('select'), cls('channel-recv')],
  'waits-for-lock': ['trace', cls('sync-rwmutex'), cls('sync-waitgroup')],
  'waits-for-waitgroup': ['debug0', cls('sync-waitgroup'), cls('sync-cond')],
  'waits-on-cond': ['debug1', cls('sync-cond'), cls('sync-mutex')],
  'waits-on-semaphore': ['debug2', cls('sync-other'), cls('sync-mutex')],
  sleeps: ['trace', cls('timer'), cls('io')],
  forever: ['debug2', cls('forever'), cls('channel-send')],
  'gc-proven': ['goroutineleak', flagSet('gcProven', YES), flagSet('gcProven', NO)],
  'ends-by-itself': ['trace', cls('io'), cls('timer')],
  'parked-before-trace': ['trace', flagSet('parkedBeforeTrace', YES), flagSet('parkedBeforeTrace', NO)],
  'parked-most-of-trace': ['trace', num('parkedFraction', 0.5), num('parkedFraction', 0.49)],
  'parked-briefly': ['trace', num('parkedFraction', 0.01), num('parkedFraction', 0.05)],
  'never-ran-again': ['trace', flagSet('neverRanAgain', YES), both(flagSet('neverRanAgain', YES), cls('timer'))],
  'never-woken-here': ['trace', num('siteWakes', 0), num('siteWakes', 1)],
  'idle-loop': ['trace', flagSet('idleLoop', YES), flagSet('idleLoop', NO)],
  'last-waker-exited': ['trace', flagSet('lastWakerExited', YES), flagSet('lastWakerExited', UNKNOWN)],
  'partner-returned': ['trace', flagSet('partnerReturned', YES), flagSet('partnerReturned', NO)],
  'site-still-served': ['trace', flagSet('siteServedAfter', YES), both(flagSet('siteServedAfter', YES), cls('io'))],
  'site-never-served': ['trace', flagSet('siteNeverWoken', YES), flagSet('siteNeverWoken', NO)],
  'site-wakers-exited': ['trace', flagSet('siteWakersExited', YES), flagSet('siteWakersExited', NO)],
  'site-wakers-stuck': ['trace', flagSet('siteWakersStuck', YES), both(flagSet('siteWakersStuck', YES), cls('forever'))],
  'outlier-wait': ['trace', flagSet('outlierWait', YES), flagSet('outlierWait', NO)],
  'timer-only': ['trace', num('timerSiteWakes', 2), both(num('timerSiteWakes', 5), num('siteWakes', 1))],
  'creator-exited': ['debug2', flagSet('creatorExited', YES), flagSet('creatorExited', UNKNOWN)],
  'creator-in-scope': ['trace', flagSet('creatorInScope', YES), flagSet('creatorInScope', NO)],
  'creator-parked': ['debug2', flagSet('creatorParked', YES), flagSet('creatorParked', NO)],
  'creator-returned': ['trace', flagSet('creatorReturned', YES), flagSet('creatorReturned', NO)],
  'active-in-function': ['debug2', flagSet('activeInFunction', YES), flagSet('activeInFunction', NO)],
  'stuck-cohort': ['trace', flagSet('stuckCohort', YES), flagSet('stuckCohort', UNKNOWN)],
  'siblings-finished': ['trace', flagSet('siblingsFinished', YES), flagSet('siblingsFinished', NO)],
  'siblings-busy': ['debug2', flagSet('siblingsBusy', YES), flagSet('siblingsBusy', NO)],
  'group-grew': ['trace', flagSet('groupGrew', YES), flagSet('groupGrew', NO)],
  'parked-minutes': ['debug2', num('waitMinutes', 1), num('waitMinutes', 0)],
  'parked-ten-minutes': ['debug2', num('waitMinutes', 12), num('waitMinutes', 9)],
};

describe('leak rules on small facts', () => {
  it('every rule has a table row, and ids are unique', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual([...Object.keys(TABLE), 'crowd', 'large-crowd', 'std-only', 'closure-goroutine', 'loop-named'].sort());
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  for (const [id, [kind, yes, no]] of Object.entries(TABLE)) {
    it(`${id}: fires for the row built for it, not for its counterpart`, () => {
      const rule = RULE_BY_ID.get(id)!;
      expect(rule.inputs).toContain(kind);
      const f = facts(kind, yes, no);
      expect(rule.applies(f, 0)).toBe(true);
      expect(rule.applies(f, 1)).toBe(false);
      const words = rule.detail({ group: f.groups[0], members: 1, total: 2, facts: f, rows: [0] });
      expect(words).toMatch(/\S/);
      expect(words).not.toMatch(/undefined|NaN/);
    });
  }

  it('crowd and large-crowd count the whole group (weights included)', () => {
    const small = facts('debug0', num('weight', 4), num('weight', 5));
    expect(RULE_BY_ID.get('crowd')!.applies(small, 0)).toBe(false);
    const big = facts('debug0', num('weight', 995), num('weight', 5));
    expect(RULE_BY_ID.get('crowd')!.applies(big, 1)).toBe(true);
    expect(RULE_BY_ID.get('large-crowd')!.applies(big, 1)).toBe(true);
    expect(RULE_BY_ID.get('large-crowd')!.applies(facts('trace', () => {}, () => {}, GROUP, 999), 0)).toBe(false);
  });

  it('closure-goroutine and loop-named read the group names', () => {
    const closure = { ...GROUP, entry: 'main.fetch.func1', blockedAt: { function: 'main.fetch.func1', file: 'main.go', line: 9 } };
    const loop = { ...GROUP, entry: 'main.(*srv).serveLoop', blockedAt: { function: 'main.(*srv).serveLoop', file: 'main.go', line: 9 } };
    expect(RULE_BY_ID.get('closure-goroutine')!.applies(facts('trace', () => {}, () => {}, closure), 0)).toBe(true);
    expect(RULE_BY_ID.get('closure-goroutine')!.applies(facts('trace', () => {}, () => {}, loop), 0)).toBe(false);
    expect(RULE_BY_ID.get('loop-named')!.applies(facts('debug2', () => {}, () => {}, loop), 0)).toBe(true);
    expect(RULE_BY_ID.get('loop-named')!.applies(facts('debug2', () => {}, () => {}, closure), 0)).toBe(false);
  });

  it('std-only fires for a group parked inside the standard library only', () => {
    expect(RULE_BY_ID.get('std-only')!.applies(facts('trace', () => {}, () => {}, STD_GROUP), 0)).toBe(true);
    expect(RULE_BY_ID.get('std-only')!.applies(facts('trace', () => {}, () => {}), 0)).toBe(false);
  });

  it('history rules never fire from a snapshot (their facts stay unknown there)', () => {
    const f = facts('debug2', () => {}, () => {});
    for (const id of ['never-ran-again', 'last-waker-exited', 'idle-loop', 'site-wakers-exited', 'siblings-finished', 'group-grew'])
      expect(RULE_BY_ID.get(id)!.applies(f, 0), id).toBe(false);
  });
});
