// Source paths as the Go build recorded them are rarely repository paths: -trimpath gives
// "<module path>/<dir>/file.go", a plain build the builder's absolute path. Code-scanning UIs
// need repository-relative paths, so reports can rewrite prefixes (`--map-path FROM=TO`).
import type { Site } from '../frames';
import type { AnalysisResult, Verdict } from '../verdict';

export type PathMap = readonly (readonly [from: string, to: string])[];

export function mapPath(file: string, map: PathMap): string {
  for (const [from, to] of map) {
    if (file === from) return to;
    const prefix = from.endsWith('/') ? from : `${from}/`;
    if (file.startsWith(prefix)) return to === '' ? file.slice(prefix.length) : `${to.replace(/\/$/, '')}/${file.slice(prefix.length)}`;
  }
  return file;
}

function site(s: Site, map: PathMap): Site {
  return { ...s, file: mapPath(s.file, map) };
}

function verdict(v: Verdict, map: PathMap): Verdict {
  return {
    ...v,
    createdBy: v.createdBy && site(v.createdBy, map),
    blockedAt: v.blockedAt && site(v.blockedAt, map),
    stack: v.stack.map((s) => site(s, map)),
  };
}

/** The result with every source path rewritten by the first matching prefix. */
export function mapResultPaths(result: AnalysisResult, map: PathMap): AnalysisResult {
  return map.length === 0 ? result : { ...result, verdicts: result.verdicts.map((v) => verdict(v, map)) };
}

/** "goprograms=test/goprograms" → ["goprograms", "test/goprograms"]. */
export function parsePathMapping(spec: string): readonly [string, string] | undefined {
  const eq = spec.indexOf('=');
  if (eq <= 0) return undefined;
  return [spec.slice(0, eq), spec.slice(eq + 1)];
}
