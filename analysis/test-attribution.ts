// Per-test attribution for `go test -trace` traces: which test's goroutine (transitively) created
// a suspect. `go test` runs every test function in its own goroutine started by
// `go tRunner(t, fn)`; with t.Parallel() several of them run at once, so "the test that was
// running" is not an answer. The creator chain is: walk parentId back from the suspect, looking at
// each creation stack (the creator's stack at its `go` statement); the first one that contains a
// `testing.tRunner` frame names the test in the frame tRunner called (the test function, or a
// closure of it for subtests and helpers: `pkg.TestLeaky.func1` → TestLeaky).
import { GoroutineSpans, type Frame, type ParsedTrace, type TraceModel } from '../parsers/model';

const TRUNNER = 'testing.tRunner';
/** Chains longer than this are cycles or corrupt parent ids; 10k is far beyond real nesting. */
const MAX_DEPTH = 10_000;

/** "goprograms/testleak.TestLeaky.func1.2" → "TestLeaky"; "pkg.(*S).TestX" → "TestX". */
export function testNameOf(func: string): string {
  const slash = func.lastIndexOf('/');
  const base = func.slice(slash + 1);
  const dot = base.indexOf('.');
  let name = dot >= 0 ? base.slice(dot + 1) : base;
  // Methods: "(*S).TestX".
  const close = name.lastIndexOf(').');
  if (name.startsWith('(') && close >= 0) name = name.slice(close + 2);
  // Closures and their nesting: ".func1", ".func1.2", ".gowrap1".
  name = name.replace(/(\.(func|gowrap)\d+|\.\d+)+$/, '');
  return name;
}

/** The test function called by testing.tRunner in `stack` (innermost first), if any. */
export function testInStack(stack: readonly Frame[]): string | undefined {
  const i = stack.findIndex((f) => f.func === TRUNNER);
  if (i <= 0) return undefined;
  // tRunner also runs the test list itself (testing.runTests.func1 → (*T).Run): not a test.
  const callee = stack[i - 1].func;
  if (callee.startsWith('testing.')) return undefined;
  return testNameOf(callee);
}

/** Row index by goroutine id, built once per trace. */
export function rowIndex(trace: TraceModel<unknown>): Map<number, number> {
  const g = trace.goroutines;
  const m = new Map<number, number>();
  for (let r = 0; r < g.count; r++) m.set(g.id[r], r);
  return m;
}

/**
 * The test that created goroutine `id` (directly, or through goroutines it created), or
 * undefined when no creator up the chain ran inside a test.
 */
export function testOfGoroutine(trace: ParsedTrace, id: number, rows: ReadonlyMap<number, number> = rowIndex(trace)): string | undefined {
  const g = trace.goroutines;
  const stacks = trace.stacks.stacks;
  let row = rows.get(id);
  const seen = new Set<number>();
  for (let depth = 0; row !== undefined && depth < MAX_DEPTH && !seen.has(row); depth++) {
    seen.add(row);
    const cs = g.creationStack[row];
    const test = cs > 0 ? testInStack(stacks[cs] ?? []) : undefined;
    if (test) return test;
    // A tRunner goroutine itself: its creation stack is t.Run's (no test frame), so the test is
    // read from the stacks it recorded while running (the test function under tRunner).
    if (trace.strings.strings[g.startFunc[row]] === TRUNNER) return testFromSpans(trace, row);
    const parent = g.parentId[row];
    if (parent < 0) return undefined;
    row = rows.get(parent);
  }
  return undefined;
}

function testFromSpans(trace: ParsedTrace, row: number): string | undefined {
  const sp = new GoroutineSpans();
  const n = trace.spans.read(row, sp);
  for (let i = 0; i < n; i++) {
    const t = testInStack(trace.stacks.stacks[sp.stack[i]] ?? []);
    if (t) return t;
  }
  return undefined;
}

/** Distinct tests of `ids`, most goroutines first (ties by name), for a verdict's `test` field. */
export function testsOfGoroutines(trace: ParsedTrace, ids: readonly number[], rows: ReadonlyMap<number, number> = rowIndex(trace)): string[] {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const t = testOfGoroutine(trace, id, rows);
    if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
}
