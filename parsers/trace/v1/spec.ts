// Event types of the v1 trace format (Go 1.11–1.21; headers "go 1.11", "go 1.19", "go 1.21"),
// as the runtime's trace.go of those versions lists them, and how many arguments each carries.
// On the wire an event is one byte (type in the low 6 bits, argument count − 1 in the top 2, 3
// meaning "length-prefixed"), then uvarint arguments; the first argument of timed events is the
// tick delta from the previous event of the same batch.

export const V1 = {
  None: 0,
  Batch: 1, // [pid, ticks] — start of a per-P batch
  Frequency: 2, // [ticks per second] — in the footer
  Stack: 3, // [id, n, n × {pc, func string, file string, line}] — in the footer
  Gomaxprocs: 4,
  ProcStart: 5, // [thread]
  ProcStop: 6,
  GCStart: 7, // [seq]
  GCDone: 8,
  STWStart: 9, // [kind]
  STWDone: 10,
  GCSweepStart: 11,
  GCSweepDone: 12,
  GoCreate: 13, // [g, new goroutine's stack]
  GoStart: 14, // [g, seq]
  GoEnd: 15,
  GoStop: 16,
  GoSched: 17,
  GoPreempt: 18,
  GoSleep: 19,
  GoBlock: 20,
  GoUnblock: 21, // [g, seq]
  GoBlockSend: 22,
  GoBlockRecv: 23,
  GoBlockSelect: 24,
  GoBlockSync: 25,
  GoBlockCond: 26,
  GoBlockNet: 27,
  GoSysCall: 28,
  GoSysExit: 29, // [g, seq, real ticks]
  GoSysBlock: 30,
  GoWaiting: 31, // [g]
  GoInSyscall: 32, // [g]
  HeapAlloc: 33,
  HeapGoal: 34,
  TimerGoroutine: 35, // [g] — Go ≤ 1.13's timer goroutines
  FutileWakeup: 36,
  String: 37, // [id, length, bytes]
  GoStartLocal: 38, // [g]
  GoUnblockLocal: 39, // [g]
  GoSysExitLocal: 40, // [g, real ticks]
  GoStartLabel: 41, // [g, seq, label string]
  GoBlockGC: 42,
  GCMarkAssistStart: 43,
  GCMarkAssistDone: 44,
  UserTaskCreate: 45, // [task, parent, name string]
  UserTaskEnd: 46, // [task]
  UserRegion: 47, // [task, mode 0 begin / 1 end, name string]
  UserLog: 48, // [task, key string] + an inline value string
  CPUSample: 49, // [real ticks, p, g] — Go 1.19+
} as const;

export const V1_COUNT = 50;

// name, oldest header version that may contain it, stack id as last argument, argument count
// (timestamp and stack excluded).
const rows: [string, number, boolean, number][] = [
  ['None', 5, false, 0],
  ['Batch', 5, false, 2],
  ['Frequency', 5, false, 1],
  ['Stack', 5, false, 2],
  ['Gomaxprocs', 5, true, 1],
  ['ProcStart', 5, false, 1],
  ['ProcStop', 5, false, 0],
  ['GCStart', 5, true, 1],
  ['GCDone', 5, false, 0],
  ['GCSTWStart', 5, false, 1],
  ['GCSTWDone', 5, false, 0],
  ['GCSweepStart', 5, true, 0],
  ['GCSweepDone', 5, false, 2],
  ['GoCreate', 5, true, 2],
  ['GoStart', 5, false, 2],
  ['GoEnd', 5, false, 0],
  ['GoStop', 5, true, 0],
  ['GoSched', 5, true, 0],
  ['GoPreempt', 5, true, 0],
  ['GoSleep', 5, true, 0],
  ['GoBlock', 5, true, 0],
  ['GoUnblock', 5, true, 2],
  ['GoBlockSend', 5, true, 0],
  ['GoBlockRecv', 5, true, 0],
  ['GoBlockSelect', 5, true, 0],
  ['GoBlockSync', 5, true, 0],
  ['GoBlockCond', 5, true, 0],
  ['GoBlockNet', 5, true, 0],
  ['GoSysCall', 5, true, 0],
  ['GoSysExit', 5, false, 3],
  ['GoSysBlock', 5, false, 0],
  ['GoWaiting', 5, false, 1],
  ['GoInSyscall', 5, false, 1],
  ['HeapAlloc', 5, false, 1],
  ['HeapGoal', 5, false, 1],
  ['TimerGoroutine', 5, false, 1],
  ['FutileWakeup', 5, false, 0],
  ['String', 7, false, 0],
  ['GoStartLocal', 7, false, 1],
  ['GoUnblockLocal', 7, true, 1],
  ['GoSysExitLocal', 7, false, 2],
  ['GoStartLabel', 8, false, 3],
  ['GoBlockGC', 8, true, 0],
  ['GCMarkAssistStart', 9, true, 0],
  ['GCMarkAssistDone', 9, false, 0],
  ['UserTaskCreate', 11, true, 3],
  ['UserTaskEnd', 11, true, 1],
  ['UserRegion', 11, true, 3],
  ['UserLog', 11, true, 2],
  ['CPUSample', 19, true, 3],
];

export const V1_NAMES: readonly string[] = rows.map((r) => r[0]);
export const V1_MIN_VERSION = Uint8Array.from(rows, (r) => r[1]);
/** 1 when the event's last argument is a stack id. */
export const V1_HAS_STACK = Uint8Array.from(rows, (r) => (r[2] ? 1 : 0));
/**
 * Arguments an event must carry on the wire: its own, plus the stack id, plus the leading tick
 * delta for all but the untimed Batch, Frequency and TimerGoroutine (Stack is variable).
 */
export const V1_ARGNUM = Uint8Array.from(rows, (r, t) => r[3] + (r[2] ? 1 : 0) + (t === V1.Batch || t === V1.Frequency || t === V1.TimerGoroutine ? 0 : 1));

/** Header versions Go wrote for the v1 format (1.11–1.18 wrote "go 1.11", 1.19–1.20 "go 1.19"). */
export const V1_VERSIONS: readonly number[] = [11, 19, 21];

/** Events whose goroutine stops running (the batch's current goroutine becomes 0). */
export const V1_ENDS_RUNNING = new Uint8Array(V1_COUNT);
for (const t of [
  V1.GoEnd, V1.GoStop, V1.GoSched, V1.GoPreempt, V1.GoSleep, V1.GoBlock, V1.GoBlockSend, V1.GoBlockRecv,
  V1.GoBlockSelect, V1.GoBlockSync, V1.GoBlockCond, V1.GoBlockNet, V1.GoSysBlock, V1.GoBlockGC,
]) {
  V1_ENDS_RUNNING[t] = 1;
}

/** Pseudo-Ps Go's reader moves events to (timer and network unblocks, syscall exits, GC, CPU samples). */
export const TIMER_P = 1000001;
export const NETPOLL_P = 1000002;
export const SYSCALL_P = 1000003;
export const GC_P = 1000004;
export const PROFILE_P = 1000005;

/** Limits Go's v1 reader enforces (corrupt input beyond them is refused). */
export const MAX_PREFIXED_ARGS_BYTES = 2048;
export const MAX_STRING_BYTES = 1e6;
export const MAX_STACK_FRAMES = 1000;

/**
 * Why the runtime stopped the world, by the GCSTWStart kind: Go 1.21 wrote the runtime's
 * stwReason numbering (index into this list); older versions wrote 0 for mark termination and 1
 * for sweep termination.
 */
export const STW_REASONS = [
  '', 'GC mark termination', 'GC sweep termination', 'write heap dump', 'goroutine profile',
  'goroutine profile cleanup', 'all goroutine stack trace', 'read mem stats', 'AllThreadsSyscall',
  'GOMAXPROCS', 'start trace', 'stop trace', 'CountPagesInUse (test)', 'ReadMetricsSlow (test)',
  'ReadMemStatsSlow (test)', 'PageCachePagesLeaked (test)', 'ResetDebugLog (test)',
];

export function stwReason(version: number, kind: number): string {
  if (version < 21) return kind === 0 || kind === 1 ? STW_REASONS[kind + 1] : '';
  return kind < STW_REASONS.length ? STW_REASONS[kind] : '';
}

/**
 * Block reasons as Go's reader spells them when it converts v1 block events to the 1.22+ event
 * API (GoStop → "forever", GoBlockSend → "chan send", …); 0 = not a blocking event.
 */
export const BLOCK_REASON: readonly string[] = (() => {
  const r = new Array<string>(V1_COUNT).fill('');
  r[V1.GoStop] = 'forever';
  r[V1.GoSched] = 'runtime.Gosched';
  r[V1.GoPreempt] = 'preempted';
  r[V1.GoSleep] = 'sleep';
  r[V1.GoBlock] = '';
  r[V1.GoBlockSend] = 'chan send';
  r[V1.GoBlockRecv] = 'chan receive';
  r[V1.GoBlockSelect] = 'select';
  r[V1.GoBlockSync] = 'sync';
  r[V1.GoBlockCond] = 'sync.(*Cond).Wait';
  r[V1.GoBlockNet] = 'network';
  r[V1.GoBlockGC] = 'GC mark assist wait for work';
  return r;
})();
