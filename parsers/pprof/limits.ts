// Bounds on how far a profile may expand. A location's inlined lines and a sample's location ids
// cost a few bytes each on the wire but become one stack frame each in the model, so a 232 KiB
// `.pb.gz` whose samples point 1,000 times at a 100-line location expands to 2·10⁹ frames (the
// audit's file: 4.3 GB and out of heap). Each bound sits far beyond what Go writes, and a
// profile past one is refused as a `too-large` ParseError at the offending message's offset.

/**
 * Inlined lines of one location. Go's inliner works within a budget of 80 IR nodes per function
 * (2,000 for PGO-hot calls), so an inlined chain is a handful of calls — tens at the very most;
 * 1,024 leaves a wide margin and keeps `push(...lines)`-style expansion far from V8's argument
 * limit (~120k), which a 200,000-line location hit as an untyped RangeError.
 */
export const MAX_LINES_PER_LOCATION = 1024;

/**
 * Frames of one sample once inlined lines are expanded. The runtime records at most 1,024
 * physical frames per stack (GODEBUG profstackdepth's ceiling since Go 1.23; 32–64 before), and
 * real stacks are tens deep: 65,536 is 64 lines for every one of 1,024 frames.
 */
export const MAX_FRAMES_PER_SAMPLE = 65_536;

/**
 * Frames of all samples together, counted before identical stacks are merged (the work done).
 * The largest profile we measure, the 64k-sample benchmark (npm run bench:profiles), has 4.5 M;
 * 2^24 ≈ 16.8 M is 3.7 times that and bounds the stack arrays at ~134 MB (8 bytes a frame).
 */
export const MAX_TOTAL_FRAMES = 2 ** 24;

/**
 * Messages decoded, whatever they expand to: a 4-byte Sample costs ~1 KB of heap once decoded
 * and modelled (measured: 2 M such samples, an 8 MiB file, passed 2 GiB), so the protobuf's
 * 256 MiB size cap alone would let a file ask for tens of GB. Counted while decoding, before
 * anything is built for the message past the bound.
 */
export const MAX_MESSAGES = {
  /** 8 times the 64k samples of the benchmark profile (~0.5 GB of model at ~1 KB each). */
  sample: 2 ** 19,
  /** Distinct code locations; the benchmark profile has ~400, a large heap profile ~10^5. */
  location: 2 ** 20,
  function: 2 ** 20,
  /** Loaded objects of a process (binary, shared libraries): dozens in practice. */
  mapping: 2 ** 16,
  /** Inlined lines of all locations together. */
  line: 2 ** 21,
  /** Label entries of all samples (goroutine labels: a few per sample). */
  label: 2 ** 22,
  /** String table entries: function, file and label texts. */
  string: 2 ** 21,
} as const;

export type MessageKind = keyof typeof MAX_MESSAGES;
