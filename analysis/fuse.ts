// Several inputs' views of one fingerprint → the levels its goroutines end up at. Shared by the
// analysis (analyze.ts) and the evaluation (score/evaluate.ts), so what is measured is what runs.
//
// Inputs that name goroutines (a trace, a debug=2 dump, a goroutineleak dump) are joined on the
// goroutine id: each goroutine takes the highest level any of them gives it. A proof without ids
// (a goroutineleak profile in proto form: "N goroutines at this stack") lifts the N most suspect
// goroutines of the fingerprint to proven. Inputs without ids (debug=0/1 profiles) decide only
// fingerprints that no input with ids saw; then the richest of them speaks.
import type { InputKind } from './verdict';

/** One input's goroutines of one fingerprint at one level. */
export interface Part<T> {
  /** Goroutine ids, when the input has them. */
  readonly ids?: readonly number[];
  readonly count: number;
  /** 0 low … 3 proven. */
  readonly level: number;
  readonly probability: number;
  readonly kind: InputKind;
  /** The input file, and its position in a snapshot series (later snapshots speak first). */
  readonly source: string;
  readonly order: number;
  /** A GC proof (goroutineleak profile). */
  readonly proof: boolean;
  readonly payload: T;
}

/** The fused result: goroutines of the fingerprint at one level, and the part that speaks for them. */
export interface Fused<T> {
  readonly level: number;
  readonly ids?: readonly number[];
  readonly count: number;
  readonly lead: Part<T>;
}

export const KIND_PREFERENCE: Record<InputKind, number> = { trace: 5, debug2: 4, goroutineleak: 3, debug1: 2, debug0: 1 };

/** Higher level, then the richer kind, then the higher probability. */
function better<T>(a: Part<T>, b: Part<T>): boolean {
  return a.level !== b.level ? a.level > b.level : a.kind !== b.kind ? KIND_PREFERENCE[a.kind] > KIND_PREFERENCE[b.kind] : a.probability > b.probability;
}

export function fuseParts<T>(parts: readonly Part<T>[]): Fused<T>[] {
  const named = parts.filter((p) => p.ids && p.ids.length > 0);
  if (named.length === 0) {
    // Only counts: the richest input speaks (one view of one moment per format); a proof lifts it.
    let richest: Part<T> | undefined;
    for (const p of parts)
      if (!richest || KIND_PREFERENCE[p.kind] > KIND_PREFERENCE[richest.kind] || (p.kind === richest.kind && p.order > richest.order)) richest = p;
    if (!richest) return [];
    const source = richest.source;
    const fromRichest = parts.filter((p) => p.source === source);
    const proof = parts.find((p) => p.proof && p.level === 3);
    return fromRichest.map((p) => (proof && p.level < 3 ? { level: 3, count: p.count, lead: proof } : { level: p.level, count: p.count, lead: p }));
  }
  const best = new Map<number, Part<T>>();
  for (const p of named) for (const id of p.ids!) {
    const cur = best.get(id);
    if (!cur || better(p, cur)) best.set(id, p);
  }
  const level = new Map<number, number>();
  const lead = new Map<number, Part<T>>();
  for (const [id, p] of best) {
    level.set(id, p.level);
    lead.set(id, p);
  }
  // Proofs without ids: lift that many of the most suspect goroutines not yet proven.
  for (const proof of parts.filter((p) => p.proof && p.level === 3 && !(p.ids && p.ids.length > 0))) {
    const open = [...best.entries()].filter(([id]) => level.get(id)! < 3).sort((a, b) => (better(a[1], b[1]) ? -1 : better(b[1], a[1]) ? 1 : a[0] - b[0]));
    for (const [id] of open.slice(0, proof.count)) {
      level.set(id, 3);
      lead.set(id, proof);
    }
  }
  const byLevel = new Map<number, number[]>();
  for (const [id, lv] of level) {
    const list = byLevel.get(lv);
    if (list) list.push(id);
    else byLevel.set(lv, [id]);
  }
  const out: Fused<T>[] = [];
  for (const [lv, ids] of byLevel) {
    ids.sort((a, b) => a - b);
    // The part covering most of these goroutines speaks for them (ties: the better part).
    const votes = new Map<Part<T>, number>();
    for (const id of ids) votes.set(lead.get(id)!, (votes.get(lead.get(id)!) ?? 0) + 1);
    let speaker: Part<T> | undefined;
    for (const [p, n] of votes) if (!speaker || n > votes.get(speaker)! || (n === votes.get(speaker)! && better(p, speaker))) speaker = p;
    out.push({ level: lv, ids, count: ids.length, lead: speaker! });
  }
  return out.sort((a, b) => b.level - a.level);
}
