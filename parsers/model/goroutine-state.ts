/**
 * Goroutine states as Go's trace reader defines them (golang.org/x/exp/trace GoState), so
 * differential tests compare numbers directly. Stored in Uint8Array columns.
 */
export const GoState = {
  Undetermined: 0,
  NotExist: 1,
  Runnable: 2,
  Running: 3,
  Waiting: 4,
  Syscall: 5,
} as const;
export type GoState = (typeof GoState)[keyof typeof GoState];

export const GO_STATE_NAMES: readonly string[] = ['undetermined', 'notexist', 'runnable', 'running', 'waiting', 'syscall'];
