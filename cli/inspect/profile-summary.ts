// Profile model → the `leakline inspect <profile> --json` object (issue 5) and a readable text
// form. Pure: no I/O, so it is tested on models parsed from real files.
import type { ParseWarning } from '../../parsers/model/errors';
import type { GoroutineProfile, Profile, SampleProfile } from '../../parsers/model/profile-model';

export interface ProfileSummary {
  file: string;
  format: Profile['format'];
  profileType: Profile['profileType'];
  goVersion?: string;
  sampleTypes: { type: string; unit: string }[];
  goroutines?: {
    total: number;
    groups: number;
    /** Only where the format carries states (debug=2 and tracebacks). */
    byState?: Record<string, number>;
    /** Goroutines the runtime proved leaked (goroutineleak profile or `(leaked)` headers). */
    leaked: number;
  };
  samples?: {
    count: number;
    stacks: number;
    /** Sum per sample type, exact decimal text (sums of int64 can pass 2^53). */
    totals: Record<string, string>;
  };
  timeNanos?: string;
  warnings: { code: string; message: string; line?: number; offset?: number }[];
  partial?: { code: string; message: string; line?: number; offset?: number };
}

function where(kind: 'line' | 'byte', at: number | undefined) {
  if (at === undefined || at < 0) return {};
  return kind === 'line' ? { line: at } : { offset: at };
}

export function summarizeProfile(file: string, p: Profile): ProfileSummary {
  const lineBased = p.format !== 'pprof-proto';
  const warnings = p.warnings.map((w: ParseWarning) => ({ code: w.code, message: w.message, ...where(lineBased ? 'line' : 'byte', w.offset) }));
  const base = {
    file,
    format: p.format,
    profileType: p.profileType,
    ...(p.kind === 'goroutines' && p.goVersion ? { goVersion: p.goVersion } : {}),
    sampleTypes: (p.kind === 'samples' ? p.sampleTypes : (p.sampleTypes ?? [])).map((t) => ({ type: t.type, unit: t.unit })),
  };
  const partial = p.partial ? { code: p.partial.code, message: p.partial.message, ...where(p.partial.offsetKind, p.partial.offset) } : undefined;
  const time = p.timeNanosExact ? { timeNanos: p.timeNanosExact } : {};
  if (p.kind === 'goroutines') return { ...base, goroutines: goroutineSection(p), ...time, warnings, ...(partial ? { partial } : {}) };
  return { ...base, samples: sampleSection(p), ...time, warnings, ...(partial ? { partial } : {}) };
}

function goroutineSection(p: GoroutineProfile): NonNullable<ProfileSummary['goroutines']> {
  let leaked = 0;
  let byState: Record<string, number> | undefined;
  for (const g of p.groups) {
    if (g.leaked) leaked += g.count;
    if (g.state !== undefined) {
      byState ??= {};
      const key = g.leaked ? `${g.state} (leaked)` : g.state;
      byState[key] = (byState[key] ?? 0) + g.count;
    }
  }
  if (byState) byState = Object.fromEntries(Object.entries(byState).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { total: p.total, groups: p.groups.length, ...(byState ? { byState } : {}), leaked };
}

function sampleSection(p: SampleProfile): NonNullable<ProfileSummary['samples']> {
  const sums = p.sampleTypes.map(() => 0n);
  for (const s of p.samples) {
    for (let i = 0; i < sums.length; i++) {
      const exact = s.exactValues?.[i];
      sums[i] += exact !== undefined ? BigInt(exact) : BigInt(s.values[i] ?? 0);
    }
  }
  const totals: Record<string, string> = {};
  p.sampleTypes.forEach((t, i) => (totals[`${t.type}/${t.unit}`] = sums[i].toString()));
  return { count: p.samples.length, stacks: p.stacks.length, totals };
}

/** Readable form of the same summary, for a terminal. */
export function renderProfileSummary(s: ProfileSummary): string {
  const out: string[] = [];
  out.push(`${s.file}: ${s.format}, ${s.profileType} profile${s.goVersion ? ` (${s.goVersion})` : ''}`);
  if (s.sampleTypes.length) out.push(`  sample types: ${s.sampleTypes.map((t) => `${t.type}/${t.unit}`).join(', ')}`);
  if (s.goroutines) {
    const g = s.goroutines;
    out.push(`  goroutines: ${g.total} in ${g.groups} groups${g.leaked ? `, ${g.leaked} leaked` : ''}`);
    if (g.byState) {
      const width = Math.max(...Object.values(g.byState).map((n) => String(n).length));
      for (const [state, n] of Object.entries(g.byState)) out.push(`    ${String(n).padStart(width)}  ${state}`);
    }
  }
  if (s.samples) {
    out.push(`  samples: ${s.samples.count} over ${s.samples.stacks} stacks`);
    for (const [t, v] of Object.entries(s.samples.totals)) out.push(`    total ${t}: ${v}`);
  }
  for (const w of s.warnings) out.push(`  warning ${w.code}${w.line ? ` (line ${w.line})` : ''}: ${w.message}`);
  if (s.partial) out.push(`  PARTIAL ${s.partial.code}${s.partial.line ? ` at line ${s.partial.line}` : s.partial.offset !== undefined ? ` at byte ${s.partial.offset}` : ''}: ${s.partial.message}`);
  return out.join('\n');
}
