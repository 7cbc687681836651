// Open-addressing hash map from numeric IDs (goroutine, proc, thread IDs: any double) to small
// non-negative ints. Keys live in a Float64Array, so lookups never box a double the way a
// Map<number, …> keyed by a double-represented field does (that boxing was ~25% of parse time).

const EMPTY = -1;

export class NumIndex {
  private keys: Float64Array;
  private vals: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
  }

  private static hash(k: number): number {
    // IDs are mostly small integers; mix the low and high 32 bits.
    const lo = k | 0;
    const hi = (k / 4294967296) | 0;
    let h = Math.imul(lo ^ (hi * 0x27d4eb2d), 0x9e3779b1);
    h ^= h >>> 15;
    return h;
  }

  /** Value for key, or -1. */
  get(k: number): number {
    const mask = this.mask;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      const v = this.vals[i];
      if (v === EMPTY) return EMPTY;
      if (this.keys[i] === k) return v;
      i = (i + 1) & mask;
    }
  }

  /** Sets key → value (value ≥ 0). */
  set(k: number, value: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const mask = this.mask;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      const v = this.vals[i];
      if (v === EMPTY) {
        this.keys[i] = k;
        this.vals[i] = value;
        this.size++;
        return;
      }
      if (this.keys[i] === k) {
        this.vals[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
  }

  /** Removes key (linear probing: later entries of its probe run move back, no tombstones). */
  delete(k: number): void {
    const mask = this.mask;
    let i = NumIndex.hash(k) & mask;
    for (;;) {
      if (this.vals[i] === EMPTY) return;
      if (this.keys[i] === k) break;
      i = (i + 1) & mask;
    }
    this.vals[i] = EMPTY;
    this.size--;
    let j = i;
    for (;;) {
      j = (j + 1) & mask;
      if (this.vals[j] === EMPTY) return;
      const h = NumIndex.hash(this.keys[j]) & mask;
      // Entry j may fill the hole at i unless its home slot h lies cyclically in (i, j].
      const stays = i <= j ? i < h && h <= j : i < h || h <= j;
      if (stays) continue;
      this.keys[i] = this.keys[j];
      this.vals[i] = this.vals[j];
      this.vals[j] = EMPTY;
      i = j;
    }
  }

  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = oldK.length * 2;
    this.keys = new Float64Array(cap);
    this.vals = new Int32Array(cap).fill(EMPTY);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < oldK.length; i++) if (oldV[i] !== EMPTY) this.set(oldK[i], oldV[i]);
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
