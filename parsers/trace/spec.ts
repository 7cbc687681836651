// Event-type table of the v2 wire format (Go 1.22–1.26). Numbers, argument counts and which
// arguments are stack / string IDs follow golang.org/x/exp/trace/internal/tracev2/events.go; the
// table is append-only across versions, and like Go's reader we decode timed events with the full
// table whatever the header says (version only gates structural events).

export const Ev = {
  EventBatch: 1,
  Stacks: 2,
  Stack: 3,
  Strings: 4,
  String: 5,
  CPUSamples: 6,
  CPUSample: 7,
  Frequency: 8,
  ProcsChange: 9,
  ProcStart: 10,
  ProcStop: 11,
  ProcSteal: 12,
  ProcStatus: 13,
  GoCreate: 14,
  GoCreateSyscall: 15,
  GoStart: 16,
  GoDestroy: 17,
  GoDestroySyscall: 18,
  GoStop: 19,
  GoBlock: 20,
  GoUnblock: 21,
  GoSyscallBegin: 22,
  GoSyscallEnd: 23,
  GoSyscallEndBlocked: 24,
  GoStatus: 25,
  STWBegin: 26,
  STWEnd: 27,
  GCActive: 28,
  GCBegin: 29,
  GCEnd: 30,
  GCSweepActive: 31,
  GCSweepBegin: 32,
  GCSweepEnd: 33,
  GCMarkAssistActive: 34,
  GCMarkAssistBegin: 35,
  GCMarkAssistEnd: 36,
  HeapAlloc: 37,
  HeapGoal: 38,
  GoLabel: 39,
  UserTaskBegin: 40,
  UserTaskEnd: 41,
  UserRegionBegin: 42,
  UserRegionEnd: 43,
  UserLog: 44,
  GoSwitch: 45,
  GoSwitchDestroy: 46,
  GoCreateBlocked: 47,
  GoStatusStack: 48,
  ExperimentalBatch: 49,
  Sync: 50,
  ClockSnapshot: 51,
  EndOfGeneration: 52,
  // Experimental AllocFree events (GODEBUG=traceallocfree=1).
  Span: 128,
  SpanAlloc: 129,
  SpanFree: 130,
  HeapObject: 131,
  HeapObjectAlloc: 132,
  HeapObjectFree: 133,
  GoroutineStack: 134,
  GoroutineStackAlloc: 135,
  GoroutineStackFree: 136,
  /** Reader-level Sync event (not on the wire), 255 like Go's evSync. */
  SyncOut: 255,
} as const;

interface SpecRow {
  name: string;
  args: string[];
  timed?: boolean;
  /** 1-based positions in `args` (position 0 is dt) of stack IDs; the first is Event.Stack(). */
  stacks?: number[];
  strings?: number[];
  startEv?: number;
  hasData?: boolean;
  isStack?: boolean;
}

const rows: Record<number, SpecRow> = {
  1: { name: 'EventBatch', args: ['gen', 'm', 'time', 'size'] },
  2: { name: 'Stacks', args: [] },
  3: { name: 'Stack', args: ['id', 'nframes'], isStack: true },
  4: { name: 'Strings', args: [] },
  5: { name: 'String', args: ['id'], hasData: true },
  6: { name: 'CPUSamples', args: [] },
  7: { name: 'CPUSample', args: ['time', 'm', 'p', 'g', 'stack'] },
  8: { name: 'Frequency', args: ['freq'] },
  9: { name: 'ProcsChange', args: ['dt', 'procs_value', 'stack'], timed: true, stacks: [2] },
  10: { name: 'ProcStart', args: ['dt', 'p', 'p_seq'], timed: true },
  11: { name: 'ProcStop', args: ['dt'], timed: true },
  12: { name: 'ProcSteal', args: ['dt', 'p', 'p_seq', 'm'], timed: true },
  13: { name: 'ProcStatus', args: ['dt', 'p', 'pstatus'], timed: true },
  14: { name: 'GoCreate', args: ['dt', 'new_g', 'new_stack', 'stack'], timed: true, stacks: [3, 2] },
  15: { name: 'GoCreateSyscall', args: ['dt', 'new_g'], timed: true },
  16: { name: 'GoStart', args: ['dt', 'g', 'g_seq'], timed: true },
  17: { name: 'GoDestroy', args: ['dt'], timed: true },
  18: { name: 'GoDestroySyscall', args: ['dt'], timed: true },
  19: { name: 'GoStop', args: ['dt', 'reason_string', 'stack'], timed: true, stacks: [2], strings: [1] },
  20: { name: 'GoBlock', args: ['dt', 'reason_string', 'stack'], timed: true, stacks: [2], strings: [1] },
  21: { name: 'GoUnblock', args: ['dt', 'g', 'g_seq', 'stack'], timed: true, stacks: [3] },
  22: { name: 'GoSyscallBegin', args: ['dt', 'p_seq', 'stack'], timed: true, stacks: [2] },
  23: { name: 'GoSyscallEnd', args: ['dt'], timed: true, startEv: 22 },
  24: { name: 'GoSyscallEndBlocked', args: ['dt'], timed: true, startEv: 22 },
  25: { name: 'GoStatus', args: ['dt', 'g', 'm', 'gstatus'], timed: true },
  26: { name: 'STWBegin', args: ['dt', 'kind_string', 'stack'], timed: true, stacks: [2], strings: [1] },
  27: { name: 'STWEnd', args: ['dt'], timed: true, startEv: 26 },
  28: { name: 'GCActive', args: ['dt', 'gc_seq'], timed: true, startEv: 29 },
  29: { name: 'GCBegin', args: ['dt', 'gc_seq', 'stack'], timed: true, stacks: [2] },
  30: { name: 'GCEnd', args: ['dt', 'gc_seq'], timed: true, startEv: 29 },
  31: { name: 'GCSweepActive', args: ['dt', 'p'], timed: true, startEv: 32 },
  32: { name: 'GCSweepBegin', args: ['dt', 'stack'], timed: true, stacks: [1] },
  33: { name: 'GCSweepEnd', args: ['dt', 'swept_value', 'reclaimed_value'], timed: true, startEv: 32 },
  34: { name: 'GCMarkAssistActive', args: ['dt', 'g'], timed: true, startEv: 35 },
  35: { name: 'GCMarkAssistBegin', args: ['dt', 'stack'], timed: true, stacks: [1] },
  36: { name: 'GCMarkAssistEnd', args: ['dt'], timed: true, startEv: 35 },
  37: { name: 'HeapAlloc', args: ['dt', 'heapalloc_value'], timed: true },
  38: { name: 'HeapGoal', args: ['dt', 'heapgoal_value'], timed: true },
  39: { name: 'GoLabel', args: ['dt', 'label_string'], timed: true, strings: [1] },
  40: { name: 'UserTaskBegin', args: ['dt', 'task', 'parent_task', 'name_string', 'stack'], timed: true, stacks: [4], strings: [3] },
  41: { name: 'UserTaskEnd', args: ['dt', 'task', 'stack'], timed: true, stacks: [2] },
  42: { name: 'UserRegionBegin', args: ['dt', 'task', 'name_string', 'stack'], timed: true, stacks: [3], strings: [2] },
  43: { name: 'UserRegionEnd', args: ['dt', 'task', 'name_string', 'stack'], timed: true, stacks: [3], strings: [2], startEv: 42 },
  44: { name: 'UserLog', args: ['dt', 'task', 'key_string', 'value_string', 'stack'], timed: true, stacks: [4], strings: [2, 3] },
  45: { name: 'GoSwitch', args: ['dt', 'g', 'g_seq'], timed: true },
  46: { name: 'GoSwitchDestroy', args: ['dt', 'g', 'g_seq'], timed: true },
  47: { name: 'GoCreateBlocked', args: ['dt', 'new_g', 'new_stack', 'stack'], timed: true, stacks: [3, 2] },
  48: { name: 'GoStatusStack', args: ['dt', 'g', 'm', 'gstatus', 'stack'], timed: true, stacks: [4] },
  49: { name: 'ExperimentalBatch', args: ['exp', 'gen', 'm', 'time'], hasData: true },
  50: { name: 'Sync', args: [] },
  51: { name: 'ClockSnapshot', args: ['dt', 'mono', 'sec', 'nsec'], timed: true },
  52: { name: 'EndOfGeneration', args: [] },
  128: { name: 'Span', args: ['dt', 'id', 'npages_value', 'kindclass'], timed: true },
  129: { name: 'SpanAlloc', args: ['dt', 'id', 'npages_value', 'kindclass'], timed: true },
  130: { name: 'SpanFree', args: ['dt', 'id'], timed: true },
  131: { name: 'HeapObject', args: ['dt', 'id', 'type'], timed: true },
  132: { name: 'HeapObjectAlloc', args: ['dt', 'id', 'type'], timed: true },
  133: { name: 'HeapObjectFree', args: ['dt', 'id'], timed: true },
  134: { name: 'GoroutineStack', args: ['dt', 'id', 'order'], timed: true },
  135: { name: 'GoroutineStackAlloc', args: ['dt', 'id', 'order'], timed: true },
  136: { name: 'GoroutineStackFree', args: ['dt', 'id'], timed: true },
};

/** Highest defined event type + 1 (Go: len(tracev2.Specs())). */
export const NUM_SPECS = 137;

export const EVENT_NAMES: string[] = new Array<string>(256).fill('');
/** Number of uvarints after the type byte for timed events (dt included); 0 = not a timed event. */
export const TIMED_ARGC = new Uint8Array(256);
/** Index into the decoded args array (dt excluded) of Event.Stack(), or 255 for none. */
export const STACK_ARG = new Uint8Array(256).fill(255);
/** Args (dt excluded) that must be valid stack IDs / string IDs, as bitmasks. */
export const STACK_ARG_MASK = new Uint8Array(256);
export const STRING_ARG_MASK = new Uint8Array(256);
/** Begin event type of a range-end / range-active event, 0 for none. */
export const START_EV = new Uint8Array(256);
export const SPEC_ARGS: string[][] = new Array<string[]>(256).fill([]);
export const SPEC_HAS_DATA = new Uint8Array(256);
export const SPEC_IS_STACK = new Uint8Array(256);

for (const [key, row] of Object.entries(rows)) {
  const t = Number(key);
  EVENT_NAMES[t] = row.name;
  SPEC_ARGS[t] = row.args;
  if (row.timed) TIMED_ARGC[t] = row.args.length;
  if (row.stacks) {
    STACK_ARG[t] = row.stacks[0] - 1;
    for (const s of row.stacks) STACK_ARG_MASK[t] |= 1 << (s - 1);
  }
  if (row.strings) for (const s of row.strings) STRING_ARG_MASK[t] |= 1 << (s - 1);
  if (row.startEv) START_EV[t] = row.startEv;
  if (row.hasData) SPEC_HAS_DATA[t] = 1;
  if (row.isStack) SPEC_IS_STACK[t] = 1;
}
EVENT_NAMES[Ev.SyncOut] = 'Sync';

export const EVENT_TYPE_BY_NAME: ReadonlyMap<string, number> = new Map(
  Object.entries(rows).map(([k, r]) => [r.name, Number(k)]),
);

/** Wire goroutine statuses (tracev2.GoStatus). */
export const WireGo = { Bad: 0, Runnable: 1, Running: 2, Syscall: 3, Waiting: 4 } as const;
/** Wire proc statuses (tracev2.ProcStatus). */
export const WireProc = { Bad: 0, Running: 1, Idle: 2, Syscall: 3, SyscallAbandoned: 4 } as const;

/** Reader GoState for each wire status (index = wire status), like Go's tracev2GoStatus2GoState. */
export const WIRE_GO_TO_STATE = [0, 2, 3, 5, 4];
/** Reader ProcState (0 Undetermined, 1 NotExist, 2 Running, 3 Idle) per wire proc status. */
export const WIRE_PROC_TO_STATE = [0, 2, 3, 2, 3];

/** Trace-format limits (tracev2): batch data, string length, frames per stack. */
export const MAX_BATCH_SIZE = 64 << 10;
export const MAX_STRING_SIZE = 1024;
export const MAX_FRAMES_PER_STACK = 128;

/** Go's -1 sentinels (NoThread, NoProc, NoGoroutine) as this parser represents them. */
export const NONE = -1;
/** 2^64−1 decoded into a double rounds to 2^64; the wire form of Go's -1. */
export const WIRE_NONE = 18446744073709551616;
