// Open-addressing hash map from numeric IDs (goroutine, proc, thread IDs: any double) to small
// non-negative ints. Keys live in a typed array, so lookups never box a double the way a
// Map<number, …> keyed by a double-represented field does (that boxing was ~25% of parse time).

const EMPTY = -1;

export class NumIndex {
  // Key and value side by side ([2i] key, [2i + 1] value or EMPTY) in 32 bits each: a lookup in a
  // table of millions of goroutines misses the cache once, not once for the value and again for
  // the key, and a slot costs 8 bytes. Keys that are not 32-bit integers (never seen in real
  // traces, but ids are 64-bit on the wire) live in a Map beside it.
  private slots: Int32Array;
  private mask: number;
  private readonly wide = new Map<number, number>();
  private inSlots = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = NumIndex.empty(cap);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.inSlots + this.wide.size;
  }

  private static empty(cap: number): Int32Array {
    const s = new Int32Array(cap * 2);
    for (let i = 1; i < s.length; i += 2) s[i] = EMPTY;
    return s;
  }

  private static hash(k: number): number {
    const h = Math.imul(k, 0x9e3779b1);
    return h ^ (h >>> 15);
  }

  /** Value for key, or -1. */
  get(k: number): number {
    if ((k | 0) !== k) return this.wide.get(k) ?? EMPTY;
    const mask = this.mask;
    const s = this.slots;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      const v = s[2 * i + 1];
      if (v === EMPTY) return EMPTY;
      if (s[2 * i] === k) return v;
      i = (i + 1) & mask;
    }
  }

  /** Sets key → value (0 ≤ value < 2^31). */
  set(k: number, value: number): void {
    if ((k | 0) !== k) {
      this.wide.set(k, value);
      return;
    }
    if ((this.inSlots + 1) * 2 > this.mask + 1) this.grow();
    const mask = this.mask;
    const s = this.slots;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      const v = s[2 * i + 1];
      if (v === EMPTY) {
        s[2 * i] = k;
        s[2 * i + 1] = value;
        this.inSlots++;
        return;
      }
      if (s[2 * i] === k) {
        s[2 * i + 1] = value;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes key (linear probing: later entries of its probe run move back, no tombstones). */
  delete(k: number): void {
    if ((k | 0) !== k) {
      this.wide.delete(k);
      return;
    }
    const mask = this.mask;
    const s = this.slots;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      if (s[2 * i + 1] === EMPTY) return;
      if (s[2 * i] === k) break;
      i = (i + 1) & mask;
    }
    s[2 * i + 1] = EMPTY;
    this.inSlots--;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (s[2 * j + 1] === EMPTY) return;
      const h = NumIndex.hash(s[2 * j]) & mask;
      // Entry j may fill the hole at i unless its home slot h lies cyclically in (i, j].
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (stays) continue;
      s[2 * i] = s[2 * j];
      s[2 * i + 1] = s[2 * j + 1];
      s[2 * j + 1] = EMPTY;
      i = j;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = NumIndex.empty(cap);
    this.mask = cap - 1;
    this.inSlots = 0;
    for (let i = 0; i < old.length; i += 2) if (old[i + 1] !== EMPTY) this.set(old[i], old[i + 1]);
  }
}

/** NumIndex-backed map to objects; deleting keeps the key's slot (reused if the key returns). */
export class IdMap<V> {
  private readonly index = new NumIndex();
  private readonly vals: (V | undefined)[] = [];

  get(k: number): V | undefined {
    const i = this.index.get(k);
    return i < 0 ? undefined : this.vals[i];
  }

  has(k: number): boolean {
    return this.get(k) !== undefined;
  }

  set(k: number, v: V): void {
    const i = this.index.get(k);
    if (i >= 0) this.vals[i] = v;
    else {
      this.index.set(k, this.vals.length);
      this.vals.push(v);
    }
  }

  delete(k: number): void {
    const i = this.index.get(k);
    if (i >= 0) this.vals[i] = undefined;
  }
}

/** Bits for ids below this (16 MiB of bitset at most); a NumIndex above (ids are small in practice). */
const BITSET_IDS = 1 << 27;

/** A set of numeric ids (goroutine ids): a growable bitset for small ids, a NumIndex for the rest. */
export class IdSet {
  private bits = new Uint8Array(1 << 10);
  private readonly big = new NumIndex(16);

  add(id: number): void {
    if (id >= 0 && id < BITSET_IDS && Number.isInteger(id)) {
      const byte = id >>> 3;
      if (byte >= this.bits.length) {
        let cap = this.bits.length * 2;
        while (cap <= byte) cap *= 2;
        const next = new Uint8Array(cap);
        next.set(this.bits);
        this.bits = next;
      }
      this.bits[byte] |= 1 << (id & 7);
    } else this.big.set(id, 1);
  }

  /** Removes id; true when it was in the set. */
  delete(id: number): boolean {
    if (id >= 0 && id < BITSET_IDS && Number.isInteger(id)) {
      const byte = id >>> 3;
      const bit = 1 << (id & 7);
      if (byte >= this.bits.length || (this.bits[byte] & bit) === 0) return false;
      this.bits[byte] &= ~bit;
      return true;
    }
    if (this.big.get(id) < 0) return false;
    this.big.delete(id);
    return true;
  }
}
