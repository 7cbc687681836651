// The v1 trace's string and stack tables in the shape the model builder's interner reads (one
// Generation: Go's reader also treats a v1 trace as one large generation), plus ids for the strings
// the conversion adds: block reasons and stop-the-world kinds it names, and UserLog values, which
// v1 writes inline rather than as table entries.
import type { Generation } from '../generation';
import type { V1Index } from './index-pass';

export class V1Tables {
  readonly gen: Generation;
  private next: number;
  private readonly ids = new Map<string, number>();

  constructor(ix: V1Index) {
    this.next = ix.maxStringId + 1;
    this.gen = {
      gen: 1,
      batches: new Map(),
      batchMs: [],
      strings: ix.strings,
      stacks: ix.stacks,
      pcs: ix.pcs,
      cpuSamples: [],
      minTs: 0,
      freq: 0,
      hasClockSnapshot: false,
      startOffset: 16,
      endOffset: ix.dataEnd,
      bytes: ix.dataEnd - 16,
      stackOk: null,
      stringOk: null,
      experimentalBatches: 0,
    };
  }

  /** A table id for a string the trace does not number itself (ids above the trace's own). */
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.next++;
      this.ids.set(s, id);
      this.gen.strings.set(id, s);
    }
    return id;
  }

  /** True when `id` names a stack with frames (Go's reader drops references to any other). */
  hasStack(id: number): boolean {
    const s = this.gen.stacks.get(id);
    return s !== undefined && s.length > 0;
  }
}
