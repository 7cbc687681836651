// Comparison of goroutine snapshots (issue 9): alignProfiles does the matching; this adds what a
// reader of the comparison needs per row and in total — growth %, growth rate, the snapshots'
// order and times — and the `leakline diff` JSON shape. Pure: runs in the CLI and the renderer.
import type { GoroutineProfile } from '../parsers/model';
import { alignKey, alignProfiles, isLeakedGroup, PROFILE_WRITER_KEY, type Alignment, type MatchMode } from './align';
import type { Site } from './frames';

export interface Snapshot {
  /** File name (or any label) shown for this snapshot. */
  readonly name: string;
  readonly profile: GoroutineProfile;
}

export type { ComparedGroup, Comparison, TotalsRow } from '../parsers/model/compare-result';
import type { ComparedGroup, Comparison } from '../parsers/model/compare-result';

export function growthPct(first: number, last: number): number {
  if (first === 0) return last === 0 ? 0 : Infinity;
  return ((last - first) / first) * 100;
}

/**
 * Snapshots in capture order: by proto time_nanos when every snapshot has one, otherwise as
 * given (the CLI keeps the user's order; the renderer sorts names naturally before calling).
 */
export function orderSnapshots<T extends { readonly profile: { readonly timeNanos?: number } }>(snaps: readonly T[]): T[] {
  if (snaps.length > 1 && snaps.every((s) => s.profile.timeNanos !== undefined)) {
    return [...snaps].sort((a, b) => (a.profile.timeNanos ?? 0) - (b.profile.timeNanos ?? 0));
  }
  return [...snaps];
}

/** "goroutine-2" before "goroutine-10": names compared with digit runs as numbers. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

export function compareSnapshots(snaps: readonly Snapshot[], mode: MatchMode = 'stack'): Comparison {
  const al: Alignment = alignProfiles(
    snaps.map((s) => s.profile),
    mode,
  );
  const n = snaps.length;
  const times = snaps.map((s) => s.profile.timeNanos);
  const timed = times.every((t) => t !== undefined) && n >= 2;
  const elapsedNs = timed ? (times[n - 1] as number) - (times[0] as number) : undefined;
  const groups: ComparedGroup[] = al.groups.map((g) => {
    const first = g.counts[0] ?? 0;
    const last = g.counts[n - 1] ?? 0;
    return {
      ...g,
      growthPct: growthPct(first, last),
      perInterval: n >= 2 ? g.delta / (n - 1) : 0,
      // Per minute only over at least a second: snapshots milliseconds apart (tests, scripted
      // captures) would turn +10 goroutines into a meaningless +20,000/min.
      perMinute: elapsedNs !== undefined && elapsedNs >= 1e9 ? g.delta / (elapsedNs / 60e9) : undefined,
      profileWriter: g.signature.startsWith(PROFILE_WRITER_KEY),
    };
  });
  const first = al.totals[0] ?? 0;
  const last = al.totals[n - 1] ?? 0;
  return {
    mode,
    snapshots: snaps.map((s, i) => ({ name: s.name, goroutines: al.totals[i], timeNanos: times[i] })),
    groups,
    totalDelta: last - first,
    totalGrowthPct: growthPct(first, last),
    elapsedNs,
    suspects: n >= 3 ? groups.filter((g) => g.growsEveryInterval && !g.profileWriter) : [],
  };
}

// ---- `leakline diff --format json` ----

export interface DiffJsonGroup {
  readonly signature: string;
  readonly function: string;
  readonly blockedAt?: Site;
  readonly counts: readonly number[];
  readonly delta: number;
  readonly status: ComparedGroup['status'];
  readonly growthPct: number | null;
  readonly growsEveryInterval: boolean;
  readonly perMinute?: number;
  readonly states: readonly (readonly string[])[];
  readonly waitMinutes: readonly ({ readonly min: number; readonly max: number } | null)[];
  readonly leaked: readonly number[];
}

export interface DiffJson {
  readonly match: MatchMode;
  readonly snapshots: readonly { readonly name: string; readonly goroutines: number; readonly time?: string }[];
  readonly groups: readonly DiffJsonGroup[];
  /** Goroutines per snapshot. */
  readonly totals: readonly number[];
  readonly elapsedSeconds?: number;
}

export function toDiffJson(c: Comparison): DiffJson {
  return {
    match: c.mode,
    snapshots: c.snapshots.map((s) => ({
      name: s.name,
      goroutines: s.goroutines,
      ...(s.timeNanos !== undefined ? { time: new Date(s.timeNanos / 1e6).toISOString() } : {}),
    })),
    groups: c.groups.map((g) => ({
      signature: g.signature,
      function: g.function,
      ...(g.blockedAt ? { blockedAt: g.blockedAt } : {}),
      counts: g.counts,
      delta: g.delta,
      status: g.status,
      // JSON has no Infinity: a new group's growth is null.
      growthPct: Number.isFinite(g.growthPct) ? Math.round(g.growthPct * 10) / 10 : null,
      growsEveryInterval: g.growsEveryInterval,
      ...(g.perMinute !== undefined ? { perMinute: Math.round(g.perMinute * 100) / 100 } : {}),
      states: g.states,
      waitMinutes: g.waitMinutes.map((m) => m ?? null),
      leaked: g.leaked,
    })),
    totals: c.snapshots.map((s) => s.goroutines),
    ...(c.elapsedNs !== undefined ? { elapsedSeconds: c.elapsedNs / 1e9 } : {}),
  };
}

/**
 * A goroutineleak profile is evidence, not a snapshot: it lists the goroutines the GC proved
 * leaked (debug=0/1) or marks them (debug=2), so putting it in a series makes every healthy group
 * "vanish" and the total drop. It is kept out of the series and proves groups instead.
 */
export function isLeakEvidence(p: { readonly profileType: string }): boolean {
  return p.profileType === 'goroutineleak';
}

export function splitLeakEvidence<T extends { readonly profile: { readonly profileType: string } }>(snaps: readonly T[]): { series: T[]; evidence: T[] } {
  return { series: snaps.filter((s) => !isLeakEvidence(s.profile)), evidence: snaps.filter((s) => isLeakEvidence(s.profile)) };
}

/** Goroutines each compared group has proven leaked by the evidence, by group signature. */
export function provenByEvidence(c: Comparison, evidence: readonly GoroutineProfile[]): ReadonlyMap<string, number> {
  const proven = new Map<string, number>();
  const wanted = new Set(c.groups.map((g) => g.signature));
  for (const p of evidence)
    for (const g of p.groups) {
      if (!isLeakedGroup(p, g)) continue;
      const key = alignKey(g.stack, c.mode);
      if (wanted.has(key)) proven.set(key, (proven.get(key) ?? 0) + g.count);
    }
  return proven;
}
