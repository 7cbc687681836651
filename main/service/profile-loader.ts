// Reads an open document as a Profile for the bridge's loadProfile verb, through the one door
// (parsers/open-input.ts); an execution trace becomes its end state.
import { traceEndState } from '../../analysis/trace-end-state';
import { ParseError, type Profile } from '../../parsers/model';
import { openInput } from '../../parsers/open-input';
import { openFileSource } from '../engine/file-source';
import { BridgeFault, fsFault, parseFault } from './bridge-error';

/**
 * Bound on what is read into memory for one profile. Go caps debug=2 dumps at 64 MiB and the
 * text parser refuses beyond 512 MiB; traces this size parse, but not on the UI's behalf.
 */
export const MAX_PROFILE_FILE_BYTES = 512 * 1024 * 1024;

export async function loadProfileFile(path: string, name: string): Promise<Profile> {
  let source;
  try {
    source = await openFileSource(path, name);
  } catch (err) {
    throw fsFault(err, path);
  }
  try {
    if (source.size > MAX_PROFILE_FILE_BYTES) throw new BridgeFault('too-large', `${name} is ${source.size} bytes, limit ${MAX_PROFILE_FILE_BYTES}`);
    // Read in chunks: goroutine text streams through its parser, never held whole.
    const input = await openInput(source);
    return input.kind === 'trace' ? traceEndState(input.trace) : input.profile;
  } catch (err) {
    if (err instanceof ParseError) throw parseFault(err, name);
    if (err instanceof BridgeFault) throw err;
    // Read errors (EIO, a file truncated under us) name the file; anything else is a bug.
    if (typeof (err as NodeJS.ErrnoException | null)?.code === 'string') throw fsFault(err, path);
    throw err;
  } finally {
    await source.close();
  }
}
