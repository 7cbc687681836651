/** One stack frame, as Go reports it. `line` is 0 when unknown. */
export interface Frame {
  readonly func: string;
  readonly file: string;
  readonly line: number;
}

/**
 * The signature that identifies "the same stack" across files and formats: function plus
 * file:line per frame, innermost first. Traces, debug=0/1/2 profiles and goroutineleak profiles
 * of one build agree on it, which is what comparison and evidence fusion join on.
 */
export function stackSignature(frames: readonly Frame[]): string {
  return frames.map((f) => `${f.func} ${f.file}:${f.line}`).join('\n');
}

/** Function-only signature, for comparing builds whose line numbers differ. */
export function functionSignature(frames: readonly Frame[]): string {
  return frames.map((f) => f.func).join('\n');
}
