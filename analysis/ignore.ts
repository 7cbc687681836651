// Who is never a suspect. Two layers, both applied before grouping:
// 1. Built-in: runtime and harness goroutines (GC workers, finalizer, trace reader, os/signal's
//    loop, the testing framework's waiters) — goleak's default filters (research/pprof-and-leaks.md
//    §4.3) plus Go's system goroutines by entry function.
// 2. The user's rules, with goleak's semantics so its users can paste them: IgnoreTopFunction
//    (the innermost non-runtime frame equals F), IgnoreAnyFunction (any frame equals F),
//    IgnoreCreatedBy (the `created by` function equals F). Read from `.leakline.json` and the CLI.
import type { Frame } from '../parsers/model';
import { isRuntimeFunction, topFunction } from './frames';
import { isSystemStack, type WaitClass } from './wait-class';
import type { IgnoreRules } from '../contract/project-config';

// The file's schema and parser live in contract/ (shared with main/, which may not import analysis code).
export { ConfigError, parseConfig, type FailOn, type IgnoreRules, type LeaklineConfig } from '../contract/project-config';

export const NO_RULES: IgnoreRules = { topFunction: [], anyFunction: [], createdBy: [] };

/** What the filters look at; every input kind can fill it. */
export interface GoroutineShape {
  readonly stack: readonly Frame[];
  readonly waitClass: WaitClass;
  readonly createdBy?: string;
  readonly entryFunction: string;
}

const TESTING_WAITERS = new Set([
  'testing.RunTests',
  'testing.(*T).Run',
  'testing.(*T).Parallel',
  'testing.runFuzzing',
  'testing.runFuzzTests',
  'testing.(*testContext).waitParallel',
  'testing.tRunner.func1',
]);

/** Why a goroutine is not a suspect by the built-in rules, or undefined. */
export function builtinIgnoreReason(g: GoroutineShape): string | undefined {
  if (g.waitClass === 'gc-system' || isSystemStack(g.stack)) return 'runtime system goroutine';
  if (isRuntimeFunction(g.entryFunction) && g.entryFunction !== 'runtime.main') return 'runtime system goroutine';
  const top = topFunction(g.stack);
  if (TESTING_WAITERS.has(top) && (g.waitClass === 'channel-recv' || g.waitClass === 'select' || g.waitClass === 'unknown'))
    return 'testing framework waiter';
  if (top === 'os/signal.signal_recv' || top === 'os/signal.loop' || g.stack.some((f) => f.func === 'runtime.ensureSigM'))
    return "os/signal's loop";
  if (g.stack.some((f) => f.func === 'runtime.ReadTrace' || f.func.startsWith('runtime/trace.'))) return 'trace reader';
  // The main goroutine parked in `select {}` is how servers idle; Go's own goroutineleak profile
  // exempts it too (golang/go PR #78922).
  if (g.entryFunction === 'runtime.main' && g.waitClass === 'forever') return 'main goroutine idling';
  return undefined;
}

export function userIgnoreReason(g: GoroutineShape, rules: IgnoreRules): string | undefined {
  if (rules.topFunction.length > 0) {
    const top = topFunction(g.stack);
    const innermost = g.stack[0]?.func;
    for (const f of rules.topFunction) if (f === top || f === innermost) return `ignore rule: top function ${f}`;
  }
  for (const f of rules.anyFunction) if (g.stack.some((fr) => fr.func === f)) return `ignore rule: any function ${f}`;
  if (g.createdBy !== undefined) for (const f of rules.createdBy) if (f === g.createdBy) return `ignore rule: created by ${f}`;
  return undefined;
}

export function ignoreReason(g: GoroutineShape, rules: IgnoreRules): string | undefined {
  return builtinIgnoreReason(g) ?? userIgnoreReason(g, rules);
}

export function mergeRules(...all: readonly IgnoreRules[]): IgnoreRules {
  return {
    topFunction: [...new Set(all.flatMap((r) => r.topFunction))],
    anyFunction: [...new Set(all.flatMap((r) => r.anyFunction))],
    createdBy: [...new Set(all.flatMap((r) => r.createdBy))],
  };
}
