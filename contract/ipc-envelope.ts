import type { BridgeError } from './bridge';

/**
 * What every Electron IPC handler resolves with. Electron flattens a rejected invoke into a
 * string ("Error invoking remote method …"), losing the code, so errors travel as data.
 */
export type IpcEnvelope<T> = { ok: true; result: T } | { ok: false; error: BridgeError };
