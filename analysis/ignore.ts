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

export interface IgnoreRules {
  readonly topFunction: readonly string[];
  readonly anyFunction: readonly string[];
  readonly createdBy: readonly string[];
}

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

export type FailOn = 'proven' | 'high' | 'medium' | 'low';

export interface LeaklineConfig {
  readonly ignore: IgnoreRules;
  readonly failOn?: FailOn;
}

/** Thrown for a `.leakline.json` that is not the documented schema (docs/analysis.md). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function stringList(v: unknown, where: string): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === ''))
    throw new ConfigError(`${where} must be an array of non-empty strings`);
  return v as string[];
}

/** Parses `.leakline.json` text. Unknown keys are errors: a typo must not silently ignore nothing. */
export function parseConfig(text: string): LeaklineConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`not JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError('top level must be an object');
  const obj = raw as Record<string, unknown>;
  for (const k of Object.keys(obj)) if (k !== 'ignore' && k !== 'failOn' && k !== '$schema') throw new ConfigError(`unknown key "${k}"`);
  const ig = obj.ignore ?? {};
  if (typeof ig !== 'object' || ig === null || Array.isArray(ig)) throw new ConfigError('"ignore" must be an object');
  const igo = ig as Record<string, unknown>;
  for (const k of Object.keys(igo))
    if (k !== 'topFunction' && k !== 'anyFunction' && k !== 'createdBy') throw new ConfigError(`unknown key "ignore.${k}"`);
  const failOn = obj.failOn;
  if (failOn !== undefined && !['proven', 'high', 'medium', 'low'].includes(failOn as string))
    throw new ConfigError('"failOn" must be one of proven, high, medium, low');
  return {
    ignore: {
      topFunction: stringList(igo.topFunction, 'ignore.topFunction'),
      anyFunction: stringList(igo.anyFunction, 'ignore.anyFunction'),
      createdBy: stringList(igo.createdBy, 'ignore.createdBy'),
    },
    failOn: failOn as FailOn | undefined,
  };
}
