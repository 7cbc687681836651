// Global string and stack interning across generations. Wire string/stack IDs are per
// generation; each generation gets a small cache from its IDs to the global ones.
import type { Frame } from '../model/stack';
import type { Generation } from './generation';

export class Interner {
  readonly strings: string[] = [''];
  private readonly stringIds = new Map<string, number>([['', 0]]);
  readonly stacks: Frame[][] = [[]];
  private readonly stackIds = new Map<string, number>([['', 0]]);
  private readonly frames = new Map<string, Frame>();
  private gen: Generation | null = null;
  // Generation-local ID → global ID, 0 = not cached yet (global 0 is never cached: id 0 short-cuts).
  // Arrays for the dense small IDs the runtime writes; a Map for anything above 1<<20.
  private genStrings: number[] = [];
  private genStacks: number[] = [];
  private genStringsBig = new Map<number, number>();
  private genStacksBig = new Map<number, number>();

  intern(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  private use(gen: Generation): void {
    if (gen === this.gen) return;
    this.gen = gen;
    this.genStrings = [];
    this.genStacks = [];
    this.genStringsBig = new Map();
    this.genStacksBig = new Map();
  }

  /** Global string ID of a generation-local one (0 stays 0). */
  str(gen: Generation, id: number): number {
    if (id === 0) return 0;
    if (gen !== this.gen) this.use(gen);
    if (id < 1 << 20) {
      const c = this.genStrings[id];
      if (c !== undefined) return c;
      return (this.genStrings[id] = this.intern(gen.strings.get(id) ?? ''));
    }
    let g = this.genStringsBig.get(id);
    if (g === undefined) {
      g = this.intern(gen.strings.get(id) ?? '');
      this.genStringsBig.set(id, g);
    }
    return g;
  }

  /** Global stack ID of a generation-local one (0 stays 0). */
  stack(gen: Generation, id: number): number {
    if (id === 0) return 0;
    if (gen !== this.gen) this.use(gen);
    if (id < 1 << 20) {
      const c = this.genStacks[id];
      if (c !== undefined) return c;
      return (this.genStacks[id] = this.resolveStack(gen, id));
    }
    let g = this.genStacksBig.get(id);
    if (g === undefined) {
      g = this.resolveStack(gen, id);
      this.genStacksBig.set(id, g);
    }
    return g;
  }

  private resolveStack(gen: Generation, id: number): number {
    const pcs = gen.stacks.get(id);
    if (pcs === undefined || pcs.length === 0) return 0;
    const frames: Frame[] = [];
    let key = '';
    for (const pc of pcs) {
      const f = gen.pcs.get(pc);
      const func = f ? (gen.strings.get(f.funcId) ?? '') : '';
      const file = f ? (gen.strings.get(f.fileId) ?? '') : '';
      const line = f ? f.line : 0;
      const fk = `${func}\u0000${file}\u0000${line}`;
      let frame = this.frames.get(fk);
      if (frame === undefined) {
        frame = { func, file, line };
        this.frames.set(fk, frame);
      }
      frames.push(frame);
      key += fk + '\u0001';
    }
    let g = this.stackIds.get(key);
    if (g === undefined) {
      g = this.stacks.length;
      this.stacks.push(frames);
      this.stackIds.set(key, g);
    }
    return g;
  }
}
