// Files → analysis inputs for the leak hunt, cached per file: changing an ignore rule or adding a
// profile re-runs the analysis (milliseconds) without re-parsing the trace (seconds for 100 MB).
// Content sniffing picks the parser, exactly as `leakline report` does (cli/input-loaders.ts).
import { stat } from 'node:fs/promises';
import type { AnalysisInput } from '../../analysis/analyze';
import { ParseError, type Profile, type ParsedTrace } from '../../parsers/model';
import { parseGoroutineText } from '../../parsers/goroutines/index';
import { parsePprof } from '../../parsers/pprof/index';
import { sniff } from '../../parsers/sniff';
import { parseTrace } from '../../parsers/trace/index';
import { openFileSource } from '../engine/file-source';
import { BridgeFault, fsFault, parseFault } from './bridge-error';
import { MAX_PROFILE_FILE_BYTES } from './profile-loader';

type Model = { trace: ParsedTrace } | { profile: Profile };

interface Entry {
  key: string;
  model: Promise<Model>;
}

/** Parsed inputs by absolute path; an entry is reused while the file's size and mtime are unchanged. */
export class HuntInputCache {
  private readonly entries = new Map<string, Entry>();

  /** The input for `path`, reported under `name` (reports name files as the user sees them). */
  async load(path: string, name: string): Promise<AnalysisInput> {
    let st;
    try {
      st = await stat(path);
    } catch (err) {
      throw fsFault(err, name);
    }
    if (!st.isFile()) throw new BridgeFault('not-a-file', `${name}: not a regular file`);
    const key = `${st.size}:${st.mtimeMs}`;
    let e = this.entries.get(path);
    if (!e || e.key !== key) {
      e = { key, model: parseFile(path, name, st.size) };
      this.entries.set(path, e);
      const mine = e;
      e.model.catch(() => {
        if (this.entries.get(path) === mine) this.entries.delete(path);
      });
    }
    return { file: name, ...(await e.model) } as AnalysisInput;
  }

  /** Drops files no document uses any more (their models can be large). */
  retain(paths: ReadonlySet<string>): void {
    for (const p of [...this.entries.keys()]) if (!paths.has(p)) this.entries.delete(p);
  }
}

async function parseFile(path: string, name: string, size: number): Promise<Model> {
  const fh = await openFileSource(path, name).catch((err: unknown) => Promise.reject(fsFault(err, name)));
  try {
    const format = sniff(await fh.read(0, Math.min(size, 1 << 20)));
    if (format === 'go-trace') return { trace: await parseTrace(fh) };
    if (format === 'unknown') throw new BridgeFault('unsupported', `${name}: not a Go execution trace, goroutine profile or goroutine dump`);
    if (size > MAX_PROFILE_FILE_BYTES) throw new BridgeFault('too-large', `${name} is ${size} bytes, limit ${MAX_PROFILE_FILE_BYTES}`);
    // Chunked reads: goroutine text streams through its parser, never held whole.
    return { profile: format === 'pprof-proto' ? await parsePprof(fh) : await parseGoroutineText(fh) };
  } catch (err) {
    if (err instanceof ParseError) throw parseFault(err, name);
    throw err;
  } finally {
    await fh.close();
  }
}
