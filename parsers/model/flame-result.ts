// A flame graph as data, types only (analysis/flame.ts builds it and re-exports these): the compare
// view draws a differential tree that the document's session built.
export interface FlameNode {
  /** Function name; the root is "all". */
  readonly name: string;
  /** File:line of the first frame merged into this node (for tooltips). */
  file: string;
  line: number;
  /** Value of the samples passing through this node. */
  total: number;
  /** Value of the samples whose innermost frame is this node. */
  self: number;
  /** Differential trees only: the base profile's values (total and self hold the target's). */
  baseTotal: number;
  baseSelf: number;
  children: FlameNode[];
  readonly depth: number;
}

export interface FlameTree {
  readonly root: FlameNode;
  /** "goroutines", "inuse_space (bytes)", … */
  readonly valueLabel: string;
  readonly unit: string;
  readonly differential: boolean;
  /** Deepest node depth (root is 0). */
  readonly maxDepth: number;
}
