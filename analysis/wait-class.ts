// One vocabulary for "why is this goroutine not running", whatever the input said.
// Traces carry a coarse traceBlockReason ("sync", "chan send", "" for goroutines already parked
// when tracing began); goroutine dumps carry the runtime's waitReason ("sync.Mutex.Lock",
// "semacquire", "chan receive (nil chan)"); debug=0/1 profiles carry no reason at all. Stacks fill
// the gaps: "sync" splits into Mutex / RWMutex / WaitGroup / Cond by the sync frame on the stack
// (research/trace-format.md §5.3), and a missing reason is inferred from the park site
// (research/pprof-and-leaks.md §5.4).
import type { Frame } from '../parsers/model';
import { isStdFunction } from './frames';
import type { WaitClass } from '../parsers/model/analysis-result';

export type { WaitClass } from '../parsers/model/analysis-result';

/** Classes where a goroutine waits for another goroutine: the ones a leak can hide in. */
export const PARTNER_CLASSES: ReadonlySet<WaitClass> = new Set<WaitClass>([
  'channel-send',
  'channel-recv',
  'select',
  'forever',
  'sync-mutex',
  'sync-rwmutex',
  'sync-waitgroup',
  'sync-cond',
  'sync-other',
]);

export function isParked(cls: WaitClass): boolean {
  return cls !== 'running' && cls !== 'runnable' && cls !== 'syscall';
}

// Checked in this order over the park site's runtime/std frames.
const STACK_RULES: readonly (readonly [RegExp, WaitClass])[] = [
  [/^runtime\.block$/, 'forever'],
  [/^runtime\.selectgo$|^reflect\.rselect$|^runtime\.reflect_rselect$/, 'select'],
  [/^runtime\.chansend1?$/, 'channel-send'],
  [/^runtime\.chanrecv[12]?$/, 'channel-recv'],
  [/^(internal\/)?sync\.\(\*RWMutex\)\.|^sync\.runtime_SemacquireRWMutex/, 'sync-rwmutex'],
  [/^(internal\/)?sync\.\(\*Mutex\)\.|^(internal\/)?sync\.runtime_SemacquireMutex$/, 'sync-mutex'],
  [/^sync\.\(\*WaitGroup\)\.Wait$|^sync\.runtime_SemacquireWaitGroup$/, 'sync-waitgroup'],
  [/^sync\.\(\*Cond\)\.Wait$|^sync\.runtime_notifyListWait$/, 'sync-cond'],
  [/^time\.Sleep$|^runtime\.timeSleep$/, 'timer'],
  [/^internal\/poll\.runtime_pollWait$|^runtime\.netpollblock$|^internal\/poll\.\(\*pollDesc\)\.wait/, 'io'],
  [/^syscall\.(Raw)?Syscall|^internal\/runtime\/syscall\.|^syscall\.syscall|^runtime\.entersyscall/, 'syscall'],
];
// Generic semaphore frames sit inside WaitGroup.Wait (Go ≤1.24) and Mutex.Lock: only when no
// specific frame names the operation.
const GENERIC_SEMA = /^sync\.runtime_Semacquire$|^runtime\.semacquire1?$/;

// System goroutines by entry function: their waits are never the user's problem.
const SYSTEM_ENTRY = /^runtime\.(gcBgMarkWorker|bgsweep|bgscavenge|forcegchelper|runfinq|runCleanups|unique_runtime_registerUniqueMapCleanup|traceAdvance|\(\*traceAdvancerState\)\.start|updateMaxProcsGoroutine|ensureSigM|timerproc)|^runtime\/trace\.|^runtime\/pprof\.profileWriter$|^unique\.registerCleanup/;

export function isSystemStack(stack: readonly Frame[]): boolean {
  return stack.some((f) => SYSTEM_ENTRY.test(f.func));
}

/** Infers the blocking operation from the park site. Undefined when nothing names one. */
// The goroutine writing a goroutine profile is running by definition (debug=0/1 carry no state).
const PROFILE_WRITER = /^runtime\/pprof\.(writeGoroutine|writeGoroutineStacks|writeRuntimeProfile)$|^runtime\.(goroutineProfileWithLabels|pprof_goroutineProfileWithLabels|Stack)$/;

export function inferFromStack(stack: readonly Frame[]): WaitClass | undefined {
  if (isSystemStack(stack)) return 'gc-system';
  if (stack.some((f) => PROFILE_WRITER.test(f.func))) return 'running';
  // The operation is named in the runtime/std prefix above the first user frame; within it the
  // rule order decides (RWMutex.Lock parks inside Mutex.Lock, so RWMutex must win).
  let end = stack.findIndex((f) => !isStdFunction(f.func));
  end = end < 0 ? stack.length : end;
  const prefix = stack.slice(0, end);
  for (const [re, cls] of STACK_RULES) if (prefix.some((f) => re.test(f.func))) return cls;
  return prefix.some((f) => GENERIC_SEMA.test(f.func)) ? 'sync-other' : undefined;
}

/** Splits a coarse sync reason by the stack; falls back to `fallback`. */
function refineSync(stack: readonly Frame[], fallback: WaitClass): WaitClass {
  const inferred = inferFromStack(stack);
  if (inferred && inferred.startsWith('sync-')) return inferred;
  return fallback;
}

/**
 * A trace GoBlock reason (traceBlockReasonStrings, Go 1.22–1.26) or GoStop reason → class.
 * `reason` "" means the goroutine was already waiting when the trace (or generation) began.
 */
export function classifyTraceReason(reason: string, stack: readonly Frame[]): WaitClass {
  switch (reason) {
    case 'chan send':
      return 'channel-send';
    case 'chan receive':
      return 'channel-recv';
    case 'select':
      return 'select';
    case 'forever':
      return 'forever';
    case 'sync':
      return refineSync(stack, 'sync-other');
    case 'sync.(*Cond).Wait':
      return 'sync-cond';
    case 'sleep':
      return isSystemStack(stack) ? 'gc-system' : 'timer';
    case 'network':
      return 'io';
    case 'GC mark assist wait for work':
    case 'GC background sweeper wait':
    case 'system goroutine wait':
    case 'wait until GC ends':
    case 'GC weak to strong wait':
      return 'gc-system';
    case 'preempted':
    case 'runtime.Gosched':
      return 'runnable';
    case 'wait for debug call':
    case 'synctest':
      return 'other';
    default:
      // "" (pre-existing wait, coroutine switch) and "unspecified": the stack is all we have.
      return inferFromStack(stack) ?? 'unknown';
  }
}

/** Removes the flags the runtime appends to a status: "(leaked)", "(scan)", "(durable)". */
export function normalizeWaitReason(state: string): string {
  let s = state.trim();
  for (;;) {
    const m = /\s*\((leaked|scan|durable)\)$/.exec(s);
    if (!m) return s;
    s = s.slice(0, m.index);
  }
}

/** A runtime wait reason / G status as printed in debug=2 headers → class. */
export function classifyWaitReason(state: string | undefined, stack: readonly Frame[]): WaitClass {
  if (state === undefined || state === '') return inferFromStack(stack) ?? 'unknown';
  const s = normalizeWaitReason(state);
  switch (s) {
    case 'chan send':
      return 'channel-send';
    case 'chan receive':
      return 'channel-recv';
    case 'select':
      return 'select';
    case 'select (no cases)':
    case 'chan send (nil chan)':
    case 'chan receive (nil chan)':
      return 'forever';
    case 'sync.Mutex.Lock':
      return 'sync-mutex';
    case 'sync.RWMutex.Lock':
    case 'sync.RWMutex.RLock':
      return 'sync-rwmutex';
    case 'sync.WaitGroup.Wait':
      return 'sync-waitgroup';
    case 'sync.Cond.Wait':
      return 'sync-cond';
    // Go ≤1.23 prints WaitGroup waits (and pre-1.21 Mutex waits) as plain semacquire.
    case 'semacquire':
      return refineSync(stack, 'sync-other');
    case 'sleep':
      return isSystemStack(stack) ? 'gc-system' : 'timer';
    case 'IO wait':
      return 'io';
    case 'syscall':
      return 'syscall';
    case 'running':
      return 'running';
    case 'runnable':
    case 'preempted':
      return 'runnable';
    case 'waiting':
    case 'idle':
      return inferFromStack(stack) ?? 'unknown';
  }
  if (/^GC |^garbage collection|^force gc|^finalizer wait|^cleanup wait|^trace reader|^wait for GC cycle|^GOMAXPROCS updater|^timer goroutine|^GC weak|^flushing proc|^stopping the world|^trace (goroutine|proc) status|^page trace flush|^dumping heap/.test(s))
    return 'gc-system';
  return inferFromStack(stack) ?? 'other';
}

/** The runtime's own words for a class, used when the input carried none (traces, debug=0). */
export function waitReasonLabel(cls: WaitClass): string {
  switch (cls) {
    case 'channel-send':
      return 'chan send';
    case 'channel-recv':
      return 'chan receive';
    case 'select':
      return 'select';
    case 'forever':
      return 'forever (nil chan or select {})';
    case 'sync-mutex':
      return 'sync.Mutex.Lock';
    case 'sync-rwmutex':
      return 'sync.RWMutex.Lock';
    case 'sync-waitgroup':
      return 'sync.WaitGroup.Wait';
    case 'sync-cond':
      return 'sync.Cond.Wait';
    case 'sync-other':
      return 'semacquire';
    case 'timer':
      return 'sleep';
    case 'io':
      return 'IO wait';
    default:
      return cls;
  }
}

/** "blocked on chan send", for explanations. */
export function operationPhrase(cls: WaitClass): string {
  switch (cls) {
    case 'channel-send':
      return 'blocked on chan send';
    case 'channel-recv':
      return 'blocked on chan receive';
    case 'select':
      return 'blocked in select';
    case 'forever':
      return 'blocked forever (nil channel or select {})';
    case 'sync-mutex':
      return 'blocked on sync.Mutex.Lock';
    case 'sync-rwmutex':
      return 'blocked on sync.RWMutex lock';
    case 'sync-waitgroup':
      return 'blocked on sync.WaitGroup.Wait';
    case 'sync-cond':
      return 'blocked on sync.Cond.Wait';
    case 'sync-other':
      return 'blocked on a semaphore';
    case 'timer':
      return 'sleeping';
    case 'io':
      return 'waiting for I/O';
    case 'syscall':
      return 'in a syscall';
    case 'unknown':
      return 'parked (the input records no wait reason)';
    case 'other':
      return 'in another kind of wait';
    default:
      return `in state ${cls}`;
  }
}

/** What the other end of the operation would be, for "no partner" sentences. */
export function partnerPhrase(cls: WaitClass): string | undefined {
  switch (cls) {
    case 'channel-send':
      return 'received';
    case 'channel-recv':
      return 'sent';
    case 'select':
      return 'woke a goroutine';
    case 'sync-mutex':
    case 'sync-rwmutex':
      return 'unlocked';
    case 'sync-waitgroup':
      return 'brought the counter to zero';
    case 'sync-cond':
      return 'signalled';
    default:
      return undefined;
  }
}

/** The same, with the waiting goroutines as its object: "no goroutine ever received from all 6". */
export function partnerPhraseFor(cls: WaitClass): string {
  switch (cls) {
    case 'channel-send':
      return 'received from';
    case 'channel-recv':
      return 'sent to';
    case 'sync-mutex':
    case 'sync-rwmutex':
      return 'unlocked the lock for';
    case 'sync-waitgroup':
      return 'brought the counter to zero for';
    case 'sync-cond':
      return 'signalled';
    default:
      return 'woke';
  }
}
