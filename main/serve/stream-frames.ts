// Browser mode's binary stream frames (layout: ColumnFrameHeader in contract/engine.ts). Typed
// arrays travel as raw little-endian bytes after a JSON header, so a chunk of a million spans
// costs one memcpy per column here and zero copies in the browser (views on the frame).
import type { ColumnFrameHeader, ColumnKind, EngineMessage } from '../../contract';

type Column = Float64Array | Uint32Array | Uint8Array;

const KIND: [ColumnKind, { new (...a: never[]): Column }][] = [
  ['f64', Float64Array],
  ['u32', Uint32Array],
  ['u8', Uint8Array],
];

const align8 = (n: number) => (n + 7) & ~7;

/** JSON has no NaN or ±Infinity (start times of goroutines that predate the trace are NaN). */
function encodeNumber(v: number): unknown {
  if (Number.isNaN(v)) return { $num: 'NaN' };
  if (v === Infinity) return { $num: 'Inf' };
  if (v === -Infinity) return { $num: '-Inf' };
  return v;
}

export function encodeFrame(msg: EngineMessage): Uint8Array {
  const cols: Column[] = [];
  const json = JSON.stringify(msg, function (_key, value: unknown) {
    if (ArrayBuffer.isView(value)) {
      const kind = KIND.find(([, C]) => value instanceof C);
      if (!kind) throw new Error(`unsupported column type ${value.constructor.name}`);
      cols.push(value as Column);
      return { $col: cols.length - 1 };
    }
    return typeof value === 'number' ? encodeNumber(value) : value;
  });
  const header: ColumnFrameHeader = { json: null, columns: [] };
  let offset = 0;
  for (const c of cols) {
    header.columns.push({ kind: KIND.find(([, C]) => c instanceof C)![0], offset, length: c.length });
    offset = align8(offset + c.byteLength);
  }
  // The message JSON is spliced in as text to avoid parsing it back.
  const headText = JSON.stringify(header).replace('"json":null', `"json":${json}`);
  const head = new TextEncoder().encode(headText);
  const dataStart = align8(4 + head.length);
  const out = new Uint8Array(dataStart + offset);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  cols.forEach((c, i) => out.set(new Uint8Array(c.buffer, c.byteOffset, c.byteLength), dataStart + header.columns[i].offset));
  return out;
}
