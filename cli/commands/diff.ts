// `leakline diff <base> <target…>`: goroutine snapshots of one process aligned by stack, with
// counts per snapshot, delta and status, as JSON or a Markdown table. Exit codes: 0 done, 1 with
// --fail-on-growth when some group grew in every interval, 2 unusable input or usage.
import type { MatchMode } from '../../analysis/align';
import { compareSnapshots, naturalCompare, orderSnapshots, splitLeakEvidence, toDiffJson, type Snapshot } from '../../analysis/compare';
import { toDiffMarkdown } from '../../analysis/compare-markdown';
import { traceEndState } from '../../analysis/trace-end-state';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { processIo, type CliIo } from '../io';
import { refuseInputAsOutput, writeOutput } from '../output';
import { expandPaths, InputError, loadInput } from '../report-inputs';

const usage = `Usage: leakline diff <base> <target…> [options]

Compares goroutine snapshots of one process: goroutine profiles in any format (debug=0/1/2,
goroutineleak) or an execution trace's end state. Groups are aligned by stack (function +
file:line) or by function only (--match function, for two builds whose lines differ); each row
has its count in every snapshot, the delta (last − first) and a status: new, grown, shrunk,
vanished or same. With three or more snapshots, groups that grew in every interval are flagged.
A folder is read as a series: its goroutine profiles of the most common format, oldest first.

Options:
  --format json|md     output format (default md)
  --match stack|function
                       how groups are matched (default stack)
  --out FILE           write to FILE instead of stdout (whole or not at all; never
                       one of the snapshots read)
  --fail-on-growth     exit 1 when some group grew in every interval
  -h, --help           show this help`;

const SPEC = { '--format': 'string', '--match': 'string', '--out': 'string', '--fail-on-growth': 'boolean' } as const;

interface Loaded extends Snapshot {
  readonly explicit: boolean;
  readonly folder?: string;
  /** The file read (for the --out check). */
  readonly path: string;
}

async function loadSnapshots(paths: readonly string[]): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const p of paths) {
    const files = await expandPaths([p]);
    const loaded: Loaded[] = [];
    for (const { path, explicit } of files) {
      const input = await loadInput(path, explicit);
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!input) continue;
      if ('trace' in input) {
        if (explicit) loaded.push({ name, profile: traceEndState(input.trace), explicit, path });
        continue;
      }
      if (input.profile.kind !== 'goroutines') {
        if (explicit) throw new InputError(`${path}: a ${input.profile.profileType} profile has no goroutines to compare`);
        continue;
      }
      loaded.push({ name, profile: input.profile, explicit, path });
    }
    if (files.length === 1 && files[0].explicit) {
      out.push(...loaded);
      continue;
    }
    // A folder: one series of plain goroutine profiles in the format it has most of, so three
    // renderings of one moment (pb.gz, debug1, debug2) are not read as three snapshots.
    const byFormat = new Map<string, Loaded[]>();
    for (const l of loaded) {
      if (l.profile.profileType !== 'goroutine') continue;
      byFormat.set(l.profile.format, [...(byFormat.get(l.profile.format) ?? []), l]);
    }
    // Ties go to the proto form: it records capture times, the text forms do not.
    const rank = (l: Loaded[]) => l.length * 2 + (l[0].profile.format === 'pprof-proto' ? 1 : 0);
    const best = [...byFormat.values()].sort((a, b) => rank(b) - rank(a))[0] ?? [];
    if (best.length === 0) throw new InputError(`${p}: no goroutine profile in this folder`);
    out.push(...orderSnapshots([...best].sort((a, b) => naturalCompare(a.name, b.name))));
  }
  return out;
}

/** The whole command with injectable io (tests). */
export async function runDiff(argv: string[], io: CliIo = processIo): Promise<number> {
  const { flags, positionals } = parseArgs(argv, SPEC);
  const format = (flags['--format'] as string | undefined) ?? 'md';
  if (format !== 'json' && format !== 'md') throw new UsageError('--format must be json or md');
  const match = (flags['--match'] as string | undefined) ?? 'stack';
  if (match !== 'stack' && match !== 'function') throw new UsageError('--match must be stack or function');
  if (positionals.length === 0) throw new UsageError('no input files');
  const out = flags['--out'] as string | undefined;
  let snaps: Loaded[];
  try {
    const loaded = await loadSnapshots(positionals);
    // goroutineleak profiles list leaked goroutines only: evidence, never a snapshot of the series.
    const split = splitLeakEvidence(loaded);
    snaps = split.series;
    for (const e of split.evidence)
      io.err(`leakline diff: ${e.name} is a goroutineleak profile: evidence (only leaked goroutines), not a snapshot; left out of the comparison (\`leakline report\` uses it as proof)\n`);
    if (snaps.length < 2) throw new InputError(`need at least two snapshots to compare, got ${snaps.length}`);
    if (out) await refuseInputAsOutput(out, snaps.map((s) => s.path));
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`leakline diff: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const c = compareSnapshots(snaps, match as MatchMode);
  const text = format === 'json' ? JSON.stringify(toDiffJson(c), null, 2) + '\n' : toDiffMarkdown(c);
  if (out) await writeOutput(out, text);
  else io.out(text);
  for (const s of snaps) if (s.profile.partial) io.err(`leakline diff: warning: ${s.name} is partial (${s.profile.partial.message})\n`);
  return flags['--fail-on-growth'] && c.suspects.length > 0 ? 1 : EXIT.ok;
}

export const diff: Command = {
  name: 'diff',
  summary: 'compare goroutine snapshots: aligned groups, delta, new/grown/shrunk/vanished',
  usage,
  run: (argv) => runDiff(argv),
};
