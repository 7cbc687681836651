// The phrasing module (analysis/phrasing) and every sentence it and the rules build, read on the
// real corpus: each wrong phrase a user met (issue 18) is asserted absent from every explanation,
// evidence line and report the fixtures produce, on every input kind and Go version.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type AnalysisInput } from '../../../analysis/analyze';
import {
  article,
  countOf,
  describeGroup,
  emptyFileSentence,
  evidenceLabel,
  isTrimmedPath,
  LABELLED_EVIDENCE_KINDS,
  lowConfidenceSummary,
  parkedTail,
  PARTIAL_PREFIX,
  sourceNotFoundSentence,
  traceFormatLabel,
} from '../../../analysis/phrasing';
import { writeReport } from '../../../analysis/report';
import { RULES } from '../../../analysis/rules';
import type { AnalysisResult } from '../../../analysis/verdict';
import { bytesSource, type ParsedTrace } from '../../../parsers/model';
import { parseTrace } from '../../../parsers/trace/index';
import { corpus } from '../../support/corpus';
import { filesFor, FIXTURES, load, scenarios, versions } from './corpus';

/** Phrases a new user reported (issue 18), and grammar slips of the same families. */
const WRONG: readonly [RegExp, string][] = [
  [/\ba (?:IO|I\/O|[aeiou])/, 'a before a vowel sound ("a IO wait")'],
  [/\bwait wait\b/, 'doubled word'],
  [/\(s\)/, '"(s)" instead of a plural'],
  [/\b1 goroutines\b|\b1 intervals\b|\b1 minutes\b|\b1 times\b/, 'plural after 1'],
  [/\bstarted by\b|function that started\b|started at the same place/, '"started" where the creator is meant'],
  [/into the trace \(\d+% of it\)/, '"since 47 ms into the trace (89% of it)"'],
  [/last 0% of the trace/, 'a percentage that rounds to 0'],
  [/last 100% of the trace \(from/, 'a percentage that rounds to 100 after a start time'],
  [/\bit (?:wait|woken|waiting|run|are|were)\b/, 'verb not agreeing with "it"'],
  [/woke it for it|for for\b/, 'doubled object'],
  [/goroutine running \S+ (?:waiting|blocked|sleeping|in a)/, '"1 goroutine running f waiting for I/O"'],
  [/never exit\b/, '"never exit"'],
  [/ {2}/, 'double space'],
];

function sentencesOf(r: AnalysisResult): string[] {
  const out = [...r.warnings];
  for (const v of r.verdicts) {
    out.push(v.explanation);
    for (const e of v.evidence) out.push(e.detail);
  }
  return out;
}

function expectReadable(r: AnalysisResult, where: string): void {
  for (const s of sentencesOf(r)) for (const [re, why] of WRONG) expect(re.test(s), `${where}: ${why}: ${s}`).toBe(false);
  // People never see a raw evidence id in Markdown or HTML (JSON and SARIF keep them for tools).
  const md = writeReport('md', r, { name: 'Leakline', version: 'test' });
  const html = writeReport('html', r, { name: 'Leakline', version: 'test' });
  for (const v of r.verdicts)
    for (const e of v.evidence) {
      expect(md, where).not.toContain(`\`${e.kind}\``);
      expect(html, where).not.toContain(`<code>${e.kind}</code>`);
    }
}

describe('phrasing helpers', () => {
  it('articles follow the sound, not the letter', () => {
    expect(['IO wait', 'I/O wait', 'RWMutex', 'HTTP handler', 'hour', 'empty select', 'idle worker'].map((w) => `${article(w)} ${w}`)).toEqual([
      'an IO wait',
      'an I/O wait',
      'an RWMutex',
      'an HTTP handler',
      'an hour',
      'an empty select',
      'an idle worker',
    ]);
    expect(['select', 'sleep', 'user', 'unique id', 'one-shot timer', 'sync.Cond'].map((w) => `${article(w)} ${w}`)).toEqual([
      'a select',
      'a sleep',
      'a user',
      'a unique id',
      'a one-shot timer',
      'a sync.Cond',
    ]);
  });

  it('counts agree with their nouns', () => {
    expect([0, 1, 2, 1204].map((n) => countOf(n, 'interval'))).toEqual(['0 intervals', '1 interval', '2 intervals', '1,204 intervals']);
    expect(lowConfidenceSummary(1)).toBe('1 low-confidence group (parked, probably fine)');
    expect(lowConfidenceSummary(5)).toBe('5 low-confidence groups (parked, probably fine)');
  });

  it('a group without a creator names its function in brackets, not as a second verb', () => {
    const s = describeGroup({ count: 1, entryFunction: 'main.startServer.func1', waitClass: 'io' });
    expect(s).toBe('1 goroutine (startServer.func1) waiting for I/O');
  });

  it('parked time reads forwards: the share of the trace, then where it began', () => {
    expect(parkedTail(0.89, 430e6, false)).toBe('for the last 89% of the trace (from 47 ms on)');
    expect(parkedTail(0.0004, 4e9, false)).toBe('for only the last 1.6 ms of the trace');
    expect(parkedTail(0.996, 81.7e6, false)).toBe('for nearly all of the trace (from 327 µs on)');
    expect(parkedTail(1, 4e9, true)).toBe('since before the trace started');
  });

  it('every rule and series kind has words of its own; an unknown kind is still words', () => {
    for (const r of RULES) expect(LABELLED_EVIDENCE_KINDS, r.id).toContain(r.id);
    expect(LABELLED_EVIDENCE_KINDS).toEqual(expect.arrayContaining(['snapshot-growth', 'snapshot-shrink']));
    expect(evidenceLabel('blocked-at-end')).toBe('Blocked at end');
    for (const k of LABELLED_EVIDENCE_KINDS) expect(evidenceLabel(k)).not.toMatch(/-/);
  });

  it('file sentences: format not Go version, empty is not "ends early", -trimpath offers remapping', () => {
    expect(traceFormatLabel('1.26')).toBe('trace format 1.26 (Go 1.26+)');
    expect(emptyFileSentence('trace.out')).toMatch(/^trace\.out is empty \(0 bytes\)/);
    expect(emptyFileSentence('trace.out')).not.toMatch(/ends early/);
    expect(isTrimmedPath('example.com/svc/main.go')).toBe(true);
    expect(isTrimmedPath('/home/me/svc/main.go')).toBe(false);
    expect(isTrimmedPath('C:\\src\\main.go')).toBe(false);
    const trimmed = sourceNotFoundSentence('goprograms/http-handler-leak/main.go');
    expect(trimmed).toMatch(/-trimpath/);
    expect(trimmed).toMatch(/Path remapping/);
    expect(trimmed).not.toMatch(/does not exist any more/);
  });
});

describe('every sentence of the corpus reads right', () => {
  for (const version of versions())
    it(`${version}: every scenario, every input kind`, async () => {
      for (const s of scenarios(version)) {
        const dir = join(FIXTURES, version, s);
        for (const kind of ['trace', 'debug2', 'debug1', 'goroutineleak', 'series', 'all'] as const) {
          const files = filesFor(kind, dir);
          if (files.length === 0) continue;
          const { inputs } = await load(dir, files);
          if (inputs.length === 0) continue;
          expectReadable(analyze(inputs), `${version}/${s}/${kind}`);
        }
      }
    });

  it('http-handler-leak: the explanation a user reported, now in plain words', async () => {
    const dir = join(FIXTURES, 'go1.26', 'http-handler-leak');
    const { inputs } = await load(dir, ['trace.out']);
    const v = analyze(inputs).verdicts[0];
    expect(v.explanation).toMatch(/^6 goroutines created by handleItem \(main\.go:71\) blocked on chan send at main\.go:72 for the last \d+% of the trace \(from \d+ ms on\)/);
    expect(v.explanation).not.toMatch(/into the trace/);
  });
});

describe('a trace cut in half (a process that died while tracing)', () => {
  const file = corpus('leaks', 'go1.27', 'suite-watermill', 'gochannel', 'trace.out');

  async function cutInHalf(): Promise<AnalysisInput & { trace: ParsedTrace }> {
    const whole = new Uint8Array(readFileSync(file));
    const half = whole.subarray(0, whole.length >> 1);
    return { file: 'trace.out', trace: await parseTrace(bytesSource('trace.out', half)) };
  }

  it('says first that the input is partial, and no sentence claims more than the part read', async () => {
    const input = await cutInHalf();
    expect(input.trace.partial).toBeDefined();
    const r = analyze([input]);
    expect(r.warnings[0].startsWith(`${PARTIAL_PREFIX}trace.out stops at byte `)).toBe(true);
    expectReadable(r, 'cut watermill');
    for (const v of r.verdicts)
      for (const e of v.evidence) {
        // "no goroutine ever … during the trace" would be about time the file does not hold.
        if (e.kind === 'never-woken-here') expect(e.detail).toMatch(/in the part of the trace that was read$/);
        if (e.kind === 'site-never-served') expect(e.detail).toMatch(/^in the part of the trace that was read/);
        expect(e.detail).not.toMatch(/during the trace|in the whole trace/);
      }
    const md = writeReport('md', r, { name: 'Leakline', version: 'test' });
    // The partial warning comes before the first verdict in the Markdown report.
    const warnAt = md.indexOf(PARTIAL_PREFIX);
    expect(warnAt).toBeGreaterThan(0);
    for (const marker of ['| # |', '### 1.', '<details>']) if (md.includes(marker)) expect(warnAt).toBeLessThan(md.indexOf(marker));
  });

  it('a clause about the whole group never stands for a rule that held for only some of it', async () => {
    const r = analyze([await cutInHalf()]);
    for (const v of r.verdicts) {
      const never = v.fired.find((f) => f.rule === 'never-woken-here');
      if (never && never.members < v.count && /no goroutine ever/.test(v.explanation)) expect(v.explanation).toMatch(/no goroutine ever [a-z ]+ for \d/);
    }
  });
});
