// Classification tables from the runtime's own strings: traceBlockReasonStrings
// (src/runtime/traceruntime.go) and waitReasonStrings (src/runtime/runtime2.go), as listed in
// research/trace-format.md §5.2–5.3, and park-site stacks as Go 1.22–1.26 record them.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../../parsers/model';
import { classifyTraceReason, classifyWaitReason, inferFromStack, normalizeWaitReason } from '../../../analysis/wait-class';

const fr = (...funcs: string[]): Frame[] => funcs.map((func, i) => ({ func, file: 'x.go', line: i + 1 }));

const MUTEX = fr('runtime.gopark', 'runtime.goparkunlock', 'runtime.semacquire1', 'internal/sync.runtime_SemacquireMutex', 'internal/sync.(*Mutex).lockSlow', 'internal/sync.(*Mutex).Lock', 'sync.(*Mutex).Lock', 'main.(*store).put');
const RWMUTEX = fr('runtime.gopark', 'runtime.semacquire1', 'sync.runtime_SemacquireMutex', 'sync.(*Mutex).lockSlow', 'sync.(*Mutex).Lock', 'sync.(*RWMutex).Lock', 'main.write');
const WG = fr('runtime.gopark', 'runtime.semacquire1', 'sync.runtime_SemacquireWaitGroup', 'sync.(*WaitGroup).Wait', 'main.runBatch.func2');
const WG_OLD = fr('runtime.gopark', 'runtime.semacquire1', 'sync.runtime_Semacquire', 'sync.(*WaitGroup).Wait', 'main.runBatch.func2');
const COND = fr('runtime.gopark', 'runtime.goparkunlock', 'sync.runtime_notifyListWait', 'sync.(*Cond).Wait', 'main.waitReady.func1');

describe('trace block reasons', () => {
  it.each([
    ['chan send', [], 'channel-send'],
    ['chan receive', [], 'channel-recv'],
    ['select', [], 'select'],
    ['forever', [], 'forever'],
    ['sync.(*Cond).Wait', [], 'sync-cond'],
    ['network', [], 'io'],
    ['sleep', fr('time.Sleep', 'main.napAll.func1'), 'timer'],
    ['system goroutine wait', [], 'gc-system'],
    ['GC background sweeper wait', [], 'gc-system'],
    ['GC mark assist wait for work', [], 'gc-system'],
    ['wait until GC ends', [], 'gc-system'],
    ['GC weak to strong wait', [], 'gc-system'],
    ['preempted', [], 'runnable'],
    ['wait for debug call', [], 'other'],
    ['synctest', [], 'other'],
  ] as const)('%s → %s', (reason, stack, cls) => {
    expect(classifyTraceReason(reason, stack)).toBe(cls);
  });
  it('splits "sync" by the stack', () => {
    expect(classifyTraceReason('sync', MUTEX)).toBe('sync-mutex');
    expect(classifyTraceReason('sync', RWMUTEX)).toBe('sync-rwmutex');
    expect(classifyTraceReason('sync', WG)).toBe('sync-waitgroup');
    expect(classifyTraceReason('sync', WG_OLD)).toBe('sync-waitgroup');
    expect(classifyTraceReason('sync', fr('runtime.gopark', 'main.x'))).toBe('sync-other');
  });
  it('infers the operation when no reason was recorded (parked before the trace began)', () => {
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.chansend', 'runtime.chansend1', 'main.fetch.func1'))).toBe('channel-send');
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv2', 'main.pipeline.func1'))).toBe('channel-recv');
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.selectgo', 'main.loop'))).toBe('select');
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.block', 'main.park.func1'))).toBe('forever');
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.goparkunlock', 'runtime.forcegchelper'))).toBe('gc-system');
    expect(classifyTraceReason('', fr('runtime.gopark', 'runtime.netpollblock', 'internal/poll.runtime_pollWait', 'net.(*netFD).accept'))).toBe('io');
    expect(classifyTraceReason('', [])).toBe('unknown');
  });
});

describe('runtime wait reasons (debug=2 headers)', () => {
  it.each([
    ['chan send', 'channel-send'],
    ['chan receive', 'channel-recv'],
    ['select', 'select'],
    ['select (no cases)', 'forever'],
    ['chan send (nil chan)', 'forever'],
    ['chan receive (nil chan)', 'forever'],
    ['chan receive (durable)', 'channel-recv'],
    ['chan send (leaked)', 'channel-send'],
    ['chan receive (nil chan) (leaked)', 'forever'],
    ['sync.Mutex.Lock', 'sync-mutex'],
    ['sync.RWMutex.RLock', 'sync-rwmutex'],
    ['sync.RWMutex.Lock', 'sync-rwmutex'],
    ['sync.WaitGroup.Wait', 'sync-waitgroup'],
    ['sync.WaitGroup.Wait (durable)', 'sync-waitgroup'],
    ['sync.Cond.Wait', 'sync-cond'],
    ['sleep', 'timer'],
    ['IO wait', 'io'],
    ['syscall', 'syscall'],
    ['running', 'running'],
    ['runnable', 'runnable'],
    ['GC worker (idle)', 'gc-system'],
    ['GC sweep wait', 'gc-system'],
    ['GC scavenge wait', 'gc-system'],
    ['finalizer wait', 'gc-system'],
    ['force gc (idle)', 'gc-system'],
    ['trace reader (blocked)', 'gc-system'],
    ['wait for GC cycle', 'gc-system'],
    ['cleanup wait', 'gc-system'],
    ['GOMAXPROCS updater (idle)', 'gc-system'],
  ] as const)('%s → %s', (reason, cls) => {
    expect(classifyWaitReason(reason, [])).toBe(cls);
  });
  it('Go ≤1.23 prints WaitGroup (and older Mutex) waits as semacquire: the stack decides', () => {
    expect(classifyWaitReason('semacquire', WG_OLD)).toBe('sync-waitgroup');
    expect(classifyWaitReason('semacquire', MUTEX)).toBe('sync-mutex');
    expect(classifyWaitReason('semacquire', fr('main.x'))).toBe('sync-other');
  });
  it('debug=0 has no state: the stack decides', () => {
    expect(classifyWaitReason(undefined, COND)).toBe('sync-cond');
    expect(classifyWaitReason(undefined, fr('runtime.gopark', 'runtime.chanrecv', 'runtime.chanrecv1', 'main.x'))).toBe('channel-recv');
    expect(inferFromStack(fr('main.x'))).toBeUndefined();
  });
  it('strips only the flags, not parentheses that belong to the reason', () => {
    expect(normalizeWaitReason('chan send (nil chan) (leaked)')).toBe('chan send (nil chan)');
    expect(normalizeWaitReason('select (no cases)')).toBe('select (no cases)');
    expect(normalizeWaitReason('chan receive (durable) (scan)')).toBe('chan receive');
  });
});
