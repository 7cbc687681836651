// Numeric memo keys for the per-goroutine loops: a million goroutines must not build a million
// strings just to look up facts shared by a few hundred stacks and go statements.

/** Ids below this pack two to a number exactly (2 × 26 bits < 53). */
const LIMIT = 1 << 26;

/** `a` and `b` as one exact number, or undefined when either is too large to pack. */
export function pack(a: number, b: number): number | undefined {
  return a >= 0 && b >= 0 && a < LIMIT && b < LIMIT ? a * LIMIT + b : undefined;
}

/** A map keyed by two packed pairs of ids. */
export class QuadMap<V> {
  private readonly m = new Map<number, Map<number, V>>();
  get(k1: number, k2: number): V | undefined {
    return this.m.get(k1)?.get(k2);
  }
  set(k1: number, k2: number, v: V): void {
    let inner = this.m.get(k1);
    if (!inner) this.m.set(k1, (inner = new Map()));
    inner.set(k2, v);
  }
}

/** Strings → small dense ids. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(s, id);
      this.values.push(s);
    }
    return id;
  }
}
