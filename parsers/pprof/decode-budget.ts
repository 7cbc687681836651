// Enforces limits.ts while a profile decodes. Top-level messages (samples, locations, functions,
// mappings, strings) are counted by a scan of the top-level tags before decoding — no
// allocation, so a file of millions of 4-byte samples is refused at the first one past the
// bound. Nested ones (inlined lines, labels, location ids) are counted by the decoders as they
// go: protobufjs decodes synchronously, so one budget per decode is "current" while it runs.
import { ParseError } from '../model/errors';
import { MAX_MESSAGES, MAX_TOTAL_FRAMES, type MessageKind } from './limits';

/** profile.proto field numbers of the top-level repeated messages and strings. */
const TOP_LEVEL: Partial<Record<number, MessageKind>> = { 2: 'sample', 3: 'mapping', 4: 'location', 5: 'function', 6: 'string' };

export class DecodeBudget {
  private readonly counts: Record<MessageKind, number> = { sample: 0, location: 0, function: 0, mapping: 0, line: 0, label: 0, string: 0 };
  private ids = 0;

  take(kind: MessageKind, offset: number): void {
    if (++this.counts[kind] > MAX_MESSAGES[kind]) {
      throw new ParseError('too-large', `more than ${MAX_MESSAGES[kind]} ${kind} entries`, offset);
    }
  }

  /** Location ids of samples: each is at least one stack frame once expanded. */
  takeId(offset: number): void {
    if (++this.ids > MAX_TOTAL_FRAMES) throw new ParseError('too-large', `more than ${MAX_TOTAL_FRAMES} location ids in samples`, offset);
  }
}

let current: DecodeBudget | null = null;

/** The budget of the decode running now (null outside decodeProfileBytes). */
export function currentBudget(): DecodeBudget | null {
  return current;
}

/** Runs a synchronous decode with a fresh budget, after counting its top-level messages. */
export function withDecodeBudget<T>(bytes: Uint8Array, decode: () => T): T {
  const budget = new DecodeBudget();
  scanTopLevel(bytes, budget);
  const outer = current;
  current = budget;
  try {
    return decode();
  } finally {
    current = outer;
  }
}

/** Walks the top-level fields, counting the repeated ones; stops quietly where the wire format breaks (the decoder then says how). */
function scanTopLevel(b: Uint8Array, budget: DecodeBudget): void {
  let pos = 0;
  const varint = (): number => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= b.length) return -1;
      const byte = b[pos++];
      v += (byte & 0x7f) * mul;
      if (byte < 0x80) return v;
      mul *= 128;
    }
    return -1;
  };
  while (pos < b.length) {
    const start = pos;
    const tag = varint();
    if (tag < 0) return;
    const kind = TOP_LEVEL[Math.floor(tag / 8)];
    switch (tag % 8) {
      case 0:
        if (varint() < 0) return;
        break;
      case 1:
        pos += 8;
        break;
      case 2: {
        const len = varint();
        if (len < 0) return;
        pos += len;
        if (kind) budget.take(kind, start);
        break;
      }
      case 5:
        pos += 4;
        break;
      default:
        return; // groups: rare and malformed here; left to the decoder
    }
  }
}
