// Reads an open document as a Profile for the bridge's loadProfile verb: content sniffing picks
// the parser (never the extension); an execution trace becomes its end state.
import { readFile, stat } from 'node:fs/promises';
import { traceEndState } from '../../analysis/trace-end-state';
import { bytesSource, ParseError, type Profile } from '../../parsers/model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';
import { parseTrace } from '../../parsers/trace/index';
import { BridgeFault, fsFault, parseFault } from './bridge-error';

/**
 * Bound on what is read into memory for one profile. Go caps debug=2 dumps at 64 MiB and the
 * text parser refuses beyond 512 MiB; traces this size parse, but not on the UI's behalf.
 */
export const MAX_PROFILE_FILE_BYTES = 512 * 1024 * 1024;

export async function loadProfileFile(path: string, name: string): Promise<Profile> {
  let bytes: Uint8Array;
  try {
    const st = await stat(path);
    if (st.size > MAX_PROFILE_FILE_BYTES) throw new BridgeFault('too-large', `${name} is ${st.size} bytes, limit ${MAX_PROFILE_FILE_BYTES}`);
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof BridgeFault) throw err;
    throw fsFault(err, path);
  }
  const src = bytesSource(name, bytes);
  try {
    switch (sniff(bytes.subarray(0, 1 << 20))) {
      case 'pprof-proto':
        return await parsePprof(src);
      case 'goroutine-debug1':
      case 'goroutine-debug2':
        return await parseGoroutineText(src);
      case 'go-trace':
        return traceEndState(await parseTrace(src));
      case 'unknown':
        throw new BridgeFault('unsupported', `${name}: not a Go profile, goroutine dump or execution trace`);
    }
  } catch (err) {
    if (err instanceof ParseError) throw parseFault(err, name);
    throw err;
  }
}
