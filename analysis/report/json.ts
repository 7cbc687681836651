// The JSON report: the stable, documented shape (docs/report-schema.md). Keys appear in a fixed
// order and fields an input kind cannot know are omitted (no nulls), so diffs between runs only
// show real changes.
import type { Site } from '../frames';
import { CONFIDENCES, type AnalysisResult, type Confidence, type Verdict } from '../verdict';

export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

export interface JsonSite {
  function: string;
  file: string;
  line: number;
}

export interface JsonLeak {
  fingerprint: string;
  confidence: Confidence;
  count: number;
  waitReason: string;
  startFunction: string;
  test?: string;
  createdBy?: JsonSite;
  blockedAt?: JsonSite;
  stack: JsonSite[];
  goroutineIds?: number[];
  blockedForNs?: { min: number; max: number };
  waitMinutes?: { min: number; max: number };
  /** The model's probability that the group leaked (omitted where no model applied). */
  probability?: number;
  /** The rules behind the confidence, strongest first (docs/analysis.md). */
  fired: JsonFiredRule[];
  explanation: string;
  evidence: { kind: string; detail: string }[];
}

export interface JsonFiredRule {
  rule: string;
  kind: 'weighted' | 'floor' | 'cap' | 'series';
  weight: number;
  members: number;
  contribution: number;
  bound?: Confidence;
  detail: string;
}

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function jsonFired(v: Verdict): JsonFiredRule[] {
  return v.fired.map((r) => ({
    rule: r.rule,
    kind: r.kind,
    weight: round(r.weight),
    members: r.members,
    contribution: round(r.contribution),
    ...(r.bound ? { bound: r.bound } : {}),
    detail: r.detail,
  }));
}

export interface JsonReport {
  tool: ToolInfo;
  /** `partial`: why the input stops early (only for inputs that do); the report covers what was read. */
  inputs: { file: string; format: string; partial?: string }[];
  summary: { goroutines: number; suspects: number; byConfidence: Record<Confidence, number> };
  leaks: JsonLeak[];
}

const site = (s: Site): JsonSite => ({ function: s.function, file: s.file, line: s.line });

function leak(v: Verdict): JsonLeak {
  const out: JsonLeak = {
    fingerprint: v.fingerprint,
    confidence: v.confidence,
    count: v.count,
    waitReason: v.waitReason,
    startFunction: v.startFunction,
    stack: v.stack.map(site),
    fired: [],
    explanation: v.explanation,
    evidence: v.evidence.map((e) => ({ kind: e.kind, detail: e.detail })),
  };
  // Rebuilt in schema order with the optional fields in place.
  return {
    fingerprint: out.fingerprint,
    confidence: out.confidence,
    count: out.count,
    waitReason: out.waitReason,
    startFunction: out.startFunction,
    ...(v.test ? { test: v.test } : {}),
    ...(v.createdBy ? { createdBy: site(v.createdBy) } : {}),
    ...(v.blockedAt ? { blockedAt: site(v.blockedAt) } : {}),
    stack: out.stack,
    ...(v.goroutineIds ? { goroutineIds: [...v.goroutineIds] } : {}),
    ...(v.blockedForNs ? { blockedForNs: { min: v.blockedForNs.min, max: v.blockedForNs.max } } : {}),
    ...(v.waitMinutes ? { waitMinutes: { min: v.waitMinutes.min, max: v.waitMinutes.max } } : {}),
    ...(Number.isNaN(v.probability) ? {} : { probability: round(v.probability) }),
    fired: jsonFired(v),
    explanation: out.explanation,
    evidence: out.evidence,
  };
}

export function byConfidence(verdicts: readonly Verdict[]): Record<Confidence, number> {
  const out = Object.fromEntries(CONFIDENCES.map((c) => [c, 0])) as Record<Confidence, number>;
  for (const v of verdicts) out[v.confidence]++;
  return out;
}

export function toJsonReport(result: AnalysisResult, tool: ToolInfo): JsonReport {
  return {
    tool: { name: tool.name, version: tool.version },
    inputs: result.inputs.map((i) => (i.partial ? { file: i.file, format: i.format, partial: i.partial } : { file: i.file, format: i.format })),
    summary: { goroutines: result.goroutines, suspects: result.verdicts.length, byConfidence: byConfidence(result.verdicts) },
    leaks: result.verdicts.map(leak),
  };
}

export function writeJson(result: AnalysisResult, tool: ToolInfo): string {
  return JSON.stringify(toJsonReport(result, tool), null, 2) + '\n';
}
