// `leakline report <files…>`: traces and goroutine profiles of one process → leak verdicts in
// JSON, Markdown, HTML or SARIF. Exit codes: 1 when a verdict at or above --fail-on exists (so CI
// can gate on it), 2 when an input is unusable or the usage is wrong, 0 otherwise.
import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { analyze, type AnalysisInput } from '../../analysis/analyze';
import { ConfigError, mergeRules, parseConfig, type FailOn, type IgnoreRules } from '../../analysis/ignore';
import { REPORT_FORMATS, writeReport, type ReportFormat } from '../../analysis/report';
import { mapResultPaths, parsePathMapping } from '../../analysis/report/paths';
import { atLeast } from '../../analysis/verdict';
import { version } from '../../package.json';
import type { Command } from '../command';
import { refuseInputAsOutput, writeOutput } from '../output';
import { CONFIG_FILE, readConfigText } from '../../main/service/project-config';
import { expandPaths, InputError, loadInput } from '../report-inputs';

const usage = `Usage: leakline report <files or folders…> [options]

Analyses execution traces and goroutine profiles (debug=0/1/2, goroutineleak) of one process
together and reports goroutines that look leaked, ranked by confidence. Several goroutine profiles
are read as a series of snapshots (growth between them is evidence). Folders are read one level
deep; files no parser recognises are skipped there.

Options:
  --format json|md|html|sarif  report format (default md)
  --out FILE                   write the report to FILE instead of stdout (whole or not
                               at all; never one of the files read)
  --fail-on LEVEL              exit 1 when a verdict at LEVEL or above exists:
                               proven|high|medium|low (default medium, or .leakline.json "failOn")
  --ignore-top FUNC            ignore goroutines whose top function is FUNC (repeatable)
  --ignore-any FUNC            ignore goroutines with FUNC anywhere in the stack (repeatable)
  --ignore-created-by FUNC     ignore goroutines created by FUNC (repeatable)
  --config FILE                ignore rules file (default ./.leakline.json, else the
                               .leakline.json beside the first input, when present)
  --map-path FROM=TO           rewrite source paths starting with FROM (repeatable), e.g.
                               --map-path example.com/svc=. for -trimpath builds in SARIF
  -h, --help                   show this help

A partial input (a trace cut off because the process died while tracing) is reported on: what
was read is analysed and the partial warning is printed first (stderr) and heads the report.
A trace cut inside its first generation holds nothing readable (Go writes a generation's stacks
and names at its end): exit 2 with the byte where it breaks off.

Exit status: 0 no verdict at --fail-on or above, 1 at least one, 2 unusable input or usage.`;

export class ReportUsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ReportOptions {
  files: string[];
  format: ReportFormat;
  out?: string;
  failOn?: FailOn;
  ignore: IgnoreRules;
  config?: string;
  pathMap: [string, string][];
}

const LEVELS: readonly FailOn[] = ['proven', 'high', 'medium', 'low'];

export function parseReportArgs(argv: readonly string[]): ReportOptions {
  const o: ReportOptions = { files: [], format: 'md', ignore: { topFunction: [], anyFunction: [], createdBy: [] }, pathMap: [] };
  const top: string[] = [];
  const any: string[] = [];
  const by: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      o.files.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      o.files.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const value = (): string => {
      const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new ReportUsageError(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--format': {
        const f = value();
        if (!REPORT_FORMATS.includes(f as ReportFormat)) throw new ReportUsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
        o.format = f as ReportFormat;
        break;
      }
      case '--out':
        o.out = value();
        break;
      case '--fail-on': {
        const f = value();
        if (!LEVELS.includes(f as FailOn)) throw new ReportUsageError(`--fail-on must be one of ${LEVELS.join(', ')}`);
        o.failOn = f as FailOn;
        break;
      }
      case '--ignore-top':
        top.push(value());
        break;
      case '--ignore-any':
        any.push(value());
        break;
      case '--ignore-created-by':
        by.push(value());
        break;
      case '--config':
        o.config = value();
        break;
      case '--map-path': {
        const m = parsePathMapping(value());
        if (!m) throw new ReportUsageError('--map-path needs FROM=TO');
        o.pathMap.push([m[0], m[1]]);
        break;
      }
      default:
        throw new ReportUsageError(`unknown option ${name}`);
    }
  }
  if (o.files.length === 0) throw new ReportUsageError('no input files');
  o.ignore = { topFunction: top, anyFunction: any, createdBy: by };
  return o;
}

/**
 * The rules file: `--config FILE` as named; else `.leakline.json` in the working directory, else
 * the one beside the first input — where the app saves ignore rules (main/service/hunt-service.ts),
 * so the two agree on one folder. Found files are read as the app reads them: never through a
 * symbolic link (project-config.ts).
 */
async function findConfig(explicit: string | undefined, first: string): Promise<{ path: string; text: string } | undefined> {
  if (explicit) return { path: explicit, text: await readFile(explicit, 'utf8').catch((e: Error) => Promise.reject(new InputError(`${explicit}: ${e.message}`))) };
  let beside: string | undefined;
  try {
    beside = statSync(first).isDirectory() ? first : dirname(first);
  } catch {
    beside = undefined; // reported as a missing input below
  }
  for (const dir of ['.', ...(beside ? [beside] : [])]) {
    const read = await readConfigText(dir);
    if ('error' in read) throw new InputError(dir === '.' ? read.error : `${dir}/${read.error}`);
    if (read.text !== null) return { path: join(dir, CONFIG_FILE), text: read.text };
  }
  return undefined;
}

export interface ReportIo {
  out(text: string): void;
  err(text: string): void;
}

const stdio: ReportIo = { out: (t) => void process.stdout.write(t), err: (t) => void process.stderr.write(t) };

/** The whole command with injectable streams (tests). */
export async function runReport(argv: readonly string[], io: ReportIo = stdio): Promise<number> {
  let opts: ReportOptions;
  try {
    opts = parseReportArgs(argv);
  } catch (e) {
    io.err(`leakline report: ${(e as Error).message}\n\n${usage}\n`);
    return 2;
  }
  try {
    let rules = opts.ignore;
    let failOn = opts.failOn;
    const found = await findConfig(opts.config, opts.files[0]);
    const configPath = found?.path;
    if (found) {
      const cfg = parseConfig(found.text);
      rules = mergeRules(cfg.ignore, rules);
      failOn ??= cfg.failOn;
    }
    const inputs: AnalysisInput[] = [];
    for (const { path, explicit } of await expandPaths(opts.files)) {
      const input = await loadInput(path, explicit);
      if (input) inputs.push(input);
    }
    if (inputs.length === 0) throw new InputError('no readable trace or goroutine profile among the inputs');
    if (opts.out) await refuseInputAsOutput(opts.out, [...inputs.map((i) => i.file), ...(configPath ? [configPath] : [])]);
    const result = mapResultPaths(analyze(inputs, { rules }), opts.pathMap);
    const text = writeReport(opts.format, result, { name: 'Leakline', version });
    // Warnings before the report: on a terminal the partial-input warning is the first line read.
    for (const w of result.warnings) io.err(`leakline report: warning: ${w}\n`);
    if (opts.out) await writeOutput(opts.out, text);
    else io.out(text);
    const threshold = failOn ?? 'medium';
    return result.verdicts.some((v) => atLeast(v.confidence, threshold)) ? 1 : 0;
  } catch (e) {
    if (e instanceof InputError || e instanceof ConfigError) {
      io.err(`leakline report: ${e instanceof ConfigError ? 'config: ' : ''}${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

export const report: Command = {
  name: 'report',
  summary: 'analyse traces and goroutine profiles for leaks; JSON, Markdown, HTML or SARIF',
  usage,
  run: (argv: string[]): Promise<number> => runReport(argv),
};
