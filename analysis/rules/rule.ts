// A leak rule: one fact about a parked goroutine that makes a leak more or less likely, with the
// words that say so. Rules are data: `applies` reads the fact columns, the model's fitted weight
// (analysis/model/weights.json, `npm run fit:rules`) says how much it counts, and the verdict's
// explanation and evidence are written from the rules that fired and nothing else.
// Three kinds: `weighted` (its log-odds weight is fitted), `floor` (at least this confidence:
// GC proof, `select {}`), `cap` (at most this confidence: a sleep or an I/O wait ends by itself).
import type { ParkedFacts, GroupInfo } from '../facts/parked';
import type { Confidence, InputKind } from '../verdict';

export type RuleKind = 'weighted' | 'floor' | 'cap';

/** What a rule's words may use: the group, how many members it fired for, and the facts. */
export interface RuleContext {
  readonly group: GroupInfo;
  /** Goroutines the rule fired for (weighted: a debug=0 row stands for its count). */
  readonly members: number;
  /** Goroutines in the group. */
  readonly total: number;
  readonly facts: ParkedFacts;
  /** Fact rows where the rule fired (the first few, for examples in the words). */
  readonly rows: readonly number[];
}

export interface Rule {
  /** Stable id; also the evidence kind its sentence is filed under (JSON, SARIF). */
  readonly id: string;
  readonly kind: RuleKind;
  /** For floors and caps: the bound. */
  readonly bound?: Confidence;
  /** Input kinds whose facts can make it fire (the others never evaluate it). */
  readonly inputs: readonly InputKind[];
  /** Whether it holds for fact row `i`. */
  applies(f: ParkedFacts, i: number): boolean;
  /** One evidence sentence ("3 of 10 … never woken at this line"). */
  detail(c: RuleContext): string;
  /** A short clause for the one-line explanation ("nothing received afterwards"), if it reads well there. */
  clause?(c: RuleContext): string;
}

export const TRACE_ONLY: readonly InputKind[] = ['trace'];
export const WITH_CREATOR: readonly InputKind[] = ['trace', 'debug2', 'goroutineleak'];
export const EVERY_INPUT: readonly InputKind[] = ['trace', 'debug2', 'debug1', 'debug0', 'goroutineleak'];
