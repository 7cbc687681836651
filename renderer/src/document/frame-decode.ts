// Decodes browser mode's binary stream frames (layout: ColumnFrameHeader in contract/engine.ts;
// encoder: main/serve/stream-frames.ts). Columns become views on the frame's buffer: no copy.
import type { ColumnFrameHeader, EngineMessage } from '../../../contract';

const NUMS: Record<string, number> = { NaN: NaN, Inf: Infinity, '-Inf': -Infinity };

export function decodeFrame(buf: ArrayBuffer): EngineMessage {
  const dv = new DataView(buf);
  if (buf.byteLength < 4) throw new Error('stream frame shorter than its header length');
  const headLen = dv.getUint32(0, true);
  if (4 + headLen > buf.byteLength) throw new Error('stream frame header overruns the frame');
  const text = new TextDecoder().decode(new Uint8Array(buf, 4, headLen));
  const dataStart = (4 + headLen + 7) & ~7;
  const raw = JSON.parse(text) as ColumnFrameHeader;
  const cols = raw.columns.map((c) => {
    const at = dataStart + c.offset;
    const size = c.kind === 'f64' ? 8 : c.kind === 'u32' ? 4 : 1;
    if (at + c.length * size > buf.byteLength) throw new Error('stream frame column overruns the frame');
    return c.kind === 'f64' ? new Float64Array(buf, at, c.length) : c.kind === 'u32' ? new Uint32Array(buf, at, c.length) : new Uint8Array(buf, at, c.length);
  });
  const revive = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(revive);
    const o = v as Record<string, unknown>;
    if (typeof o['$col'] === 'number' && Object.keys(o).length === 1) {
      const c = cols[o['$col']];
      if (!c) throw new Error('stream frame names a missing column');
      return c;
    }
    if (typeof o['$num'] === 'string' && Object.keys(o).length === 1) return NUMS[o['$num']] ?? NaN;
    for (const k of Object.keys(o)) o[k] = revive(o[k]);
    return o;
  };
  return revive(raw.json) as EngineMessage;
}
