// Flame graph model: stacks of one profile (goroutine, heap, CPU, block, mutex…) merged into a
// call tree at function granularity (pprof's default for flame graphs), and a differential tree
// for a comparison. Pure data; renderer/src/flame draws it.
import type { Frame, Profile, SampleProfile } from '../parsers/model';
import { normalizeStack } from './align';

export type { FlameNode, FlameTree } from '../parsers/model/flame-result';
import type { FlameNode, FlameTree } from '../parsers/model/flame-result';

export interface WeightedStack {
  /** Innermost first, as every parser in this project stores stacks. */
  readonly stack: readonly Frame[];
  readonly value: number;
}

function node(name: string, depth: number, f?: Frame): FlameNode {
  return { name, file: f?.file ?? '', line: f?.line ?? 0, total: 0, self: 0, baseTotal: 0, baseSelf: 0, children: [], depth };
}

class Builder {
  readonly root = node('all', 0);
  private readonly index = new Map<FlameNode, Map<string, FlameNode>>();
  maxDepth = 0;

  /** `inverted`: bottom-up, the innermost frame at the root (where the time is spent, then its callers). */
  add(stack: readonly Frame[], value: number, base: boolean, inverted = false): void {
    if (value === 0) return;
    let cur = this.root;
    this.bump(cur, value, base, stack.length === 0);
    const n = stack.length;
    for (let k = n - 1; k >= 0; k--) {
      const i = inverted ? n - 1 - k : k;
      const f = stack[i];
      let kids = this.index.get(cur);
      if (!kids) {
        kids = new Map();
        this.index.set(cur, kids);
      }
      let next = kids.get(f.func);
      if (!next) {
        next = node(f.func, cur.depth + 1, f);
        kids.set(f.func, next);
        cur.children.push(next);
        if (next.depth > this.maxDepth) this.maxDepth = next.depth;
      }
      cur = next;
      this.bump(cur, value, base, k === 0);
    }
  }

  private bump(n: FlameNode, value: number, base: boolean, leaf: boolean): void {
    if (base) {
      n.baseTotal += value;
      if (leaf) n.baseSelf += value;
    } else {
      n.total += value;
      if (leaf) n.self += value;
    }
  }

  /** Children by name, as flame graphs order them, so two trees line up visually. */
  finish(): FlameNode {
    const stack = [this.root];
    while (stack.length) {
      const n = stack.pop()!;
      n.children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      stack.push(...n.children);
    }
    return this.root;
  }
}

export function buildFlame(stacks: Iterable<WeightedStack>): { root: FlameNode; maxDepth: number } {
  const b = new Builder();
  for (const s of stacks) b.add(s.stack, s.value, false);
  return { root: b.finish(), maxDepth: b.maxDepth };
}

/** The sample type pprof would show by default: default_sample_type, else the last one. */
export function defaultSampleIndex(p: SampleProfile): number {
  if (p.defaultSampleType) {
    const i = p.sampleTypes.findIndex((t) => t.type === p.defaultSampleType);
    if (i >= 0) return i;
  }
  return Math.max(0, p.sampleTypes.length - 1);
}

/** Sample-type choices for a picker: "inuse_space (bytes)". Goroutine profiles have one. */
export function sampleTypeLabels(p: Profile): string[] {
  if (p.kind === 'goroutines') return ['goroutines'];
  return p.sampleTypes.map((t) => `${t.type} (${t.unit})`);
}

function* profileStacks(p: Profile, sampleIndex: number, normalize: boolean): Generator<WeightedStack> {
  if (p.kind === 'goroutines') {
    for (const g of p.groups) yield { stack: normalize ? normalizeStack(g.stack) : g.stack, value: g.count };
    return;
  }
  for (const s of p.samples) {
    const v = s.values[sampleIndex] ?? 0;
    if (v !== 0) yield { stack: normalize ? normalizeStack(p.stacks[s.stack]) : p.stacks[s.stack], value: v };
  }
}

function labelOf(p: Profile, sampleIndex: number): { valueLabel: string; unit: string } {
  if (p.kind === 'goroutines') return { valueLabel: 'goroutines', unit: 'count' };
  const t = p.sampleTypes[sampleIndex];
  return t ? { valueLabel: `${t.type} (${t.unit})`, unit: t.unit } : { valueLabel: 'value', unit: '' };
}

/** Flame tree of one profile; `sampleIndex` picks the value column of a SampleProfile. */
export function flameOfProfile(p: Profile, sampleIndex = p.kind === 'samples' ? defaultSampleIndex(p) : 0, inverted = false): FlameTree {
  const b = new Builder();
  for (const s of profileStacks(p, sampleIndex, false)) b.add(s.stack, s.value, false, inverted);
  return { root: b.finish(), maxDepth: b.maxDepth, differential: false, ...labelOf(p, sampleIndex) };
}

/**
 * Nodes whose function matches `query` (case-insensitive substring, or /regex/), and the value
 * they cover: a match inside a matched node is not counted twice (as speedscope and pprof do).
 */
export function searchFlame(root: FlameNode, query: string, differential = false): { matches: Set<FlameNode>; value: number } {
  const matches = new Set<FlameNode>();
  let value = 0;
  const q = query.trim();
  if (!q) return { matches, value };
  let test: (name: string) => boolean;
  const re = /^\/(.+)\/$/.exec(q);
  try {
    const rx = re ? new RegExp(re[1], 'i') : null;
    const lower = q.toLowerCase();
    test = rx ? (name) => rx.test(name) : (name) => name.toLowerCase().includes(lower);
  } catch {
    return { matches, value };
  }
  const walk = (n: FlameNode, inside: boolean) => {
    const hit = n !== root && test(n.name);
    if (hit) {
      matches.add(n);
      if (!inside) value += flameWidth(n, differential);
    }
    for (const c of n.children) walk(c, inside || hit);
  };
  walk(root, false);
  return { matches, value };
}

/**
 * Differential tree: `baseTotal` from `base`, `total` from `target`, merged by function path.
 * Goroutine profiles are normalised first (align.ts), so debug=0 against debug=2 lines up.
 */
export function diffFlame(base: Profile, target: Profile, sampleIndex = target.kind === 'samples' ? defaultSampleIndex(target) : 0): FlameTree {
  const b = new Builder();
  const normalize = base.kind === 'goroutines' || target.kind === 'goroutines';
  for (const s of profileStacks(base, sampleIndex, normalize)) b.add(s.stack, s.value, true);
  for (const s of profileStacks(target, sampleIndex, normalize)) b.add(s.stack, s.value, false);
  return { root: b.finish(), maxDepth: b.maxDepth, differential: true, ...labelOf(target, sampleIndex) };
}

/** Width a node gets: one profile's value, or in a differential tree base + target (additive). */
export function flameWidth(n: FlameNode, differential: boolean): number {
  return differential ? n.baseTotal + n.total : n.total;
}

/** −1 (vanished: only in base) … 0 (unchanged) … +1 (new: only in target). */
export function flameChange(n: FlameNode): number {
  const sum = n.baseTotal + n.total;
  return sum === 0 ? 0 : (n.total - n.baseTotal) / sum;
}

/**
 * Per-function flat and cumulative values, as `go tool pprof -top` reports them: cum counts a
 * sample once per function even when the function recurses (nodes under an ancestor of the same
 * name are skipped).
 */
export function functionTotals(root: FlameNode): Map<string, { flat: number; cum: number }> {
  const out = new Map<string, { flat: number; cum: number }>();
  const onPath = new Map<string, number>();
  const visit = (n: FlameNode) => {
    const e = out.get(n.name) ?? { flat: 0, cum: 0 };
    e.flat += n.self;
    if (!onPath.get(n.name)) e.cum += n.total;
    out.set(n.name, e);
    onPath.set(n.name, (onPath.get(n.name) ?? 0) + 1);
    for (const c of n.children) visit(c);
    onPath.set(n.name, onPath.get(n.name)! - 1);
  };
  for (const c of root.children) visit(c);
  return out;
}

export interface FlameRect {
  readonly node: FlameNode;
  /** 0…1 of the root's width. */
  readonly x: number;
  readonly w: number;
  readonly depth: number;
}

/**
 * Lays the tree out left to right; nodes narrower than `minFraction` of the root (and their
 * subtrees) are dropped, which bounds the rectangle count by the pixels available.
 */
export function layoutFlame(tree: FlameTree, minFraction = 0, focus: FlameNode = tree.root): FlameRect[] {
  const rects: FlameRect[] = [];
  const rootW = flameWidth(focus, tree.differential);
  if (rootW <= 0) return rects;
  const walk = (n: FlameNode, x: number, depth: number) => {
    const w = flameWidth(n, tree.differential) / rootW;
    if (w < minFraction) return;
    rects.push({ node: n, x, w, depth });
    let cx = x;
    for (const c of n.children) {
      walk(c, cx, depth + 1);
      cx += flameWidth(c, tree.differential) / rootW;
    }
  };
  walk(focus, 0, 0);
  return rects;
}

/**
 * Sandwich view of one function (speedscope's, pprof's "peek"): every sample with `fn` on its
 * stack, as two trees rooted at `fn` — its callers (bottom-up from the innermost call of `fn`)
 * and its callees (top-down from the outermost call, so recursion is counted once). Both roots'
 * totals are `fn`'s cumulative value.
 */
export function sandwichOfProfile(p: Profile, sampleIndex: number, fn: string): { callers: FlameTree; callees: FlameTree } {
  const up = new Builder();
  const down = new Builder();
  for (const s of profileStacks(p, sampleIndex, false)) {
    const st = s.stack;
    let inner = -1;
    let outer = -1;
    for (let i = 0; i < st.length; i++) {
      if (st[i].func !== fn) continue;
      if (inner < 0) inner = i;
      outer = i;
    }
    if (inner < 0) continue;
    // Callers: fn then what called it, outward (the inverted builder puts st[inner] at the root).
    up.add(st.slice(inner), s.value, false, true);
    // Callees: fn then what it called, inward (st[0..outer], outermost fn at the root).
    down.add(st.slice(0, outer + 1), s.value, false);
  }
  const label = labelOf(p, sampleIndex);
  return {
    callers: { root: up.finish(), maxDepth: up.maxDepth, differential: false, ...label },
    callees: { root: down.finish(), maxDepth: down.maxDepth, differential: false, ...label },
  };
}
