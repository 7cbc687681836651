/**
 * What parsers read to know they should stop: an AbortSignal satisfies it, and so does the
 * engine worker's view of a flag in shared memory, which the host sets while the worker is busy in
 * a synchronous loop (a message handler could only run after the loop).
 */
export interface CancelSignal {
  readonly aborted: boolean;
}
