// One door (parsers/open-input.ts): every file of the real-world corpus and of the fixtures, and a
// sample of the leak corpus, read through every caller — `leakline inspect`, `leakline report`,
// the engine and the leak hunt's evidence loader — gives the same answer: the same format, the
// same goroutine count, the same partial reason, or the same refusal. Includes a debug=2 dump
// after 100 KB of log lines (how dumps sit in service logs), which report once refused.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectCommand } from '../../cli/commands/inspect';
import { runReport } from '../../cli/commands/report';
import type { EngineMessage } from '../../contract';
import { InProcessEngine } from '../../main/engine/engine';
import { openFileSource } from '../../main/engine/file-source';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { GoState } from '../../parsers/model';
import type { Profile } from '../../parsers/model';
import { corpus, fixtures } from '../support/corpus';

/** What a caller made of one file. */
type Answer = { format: string; goroutines: number; partial: string | false } | { refused: string };

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

const profileAnswer = (p: Profile): Answer => ({ format: p.format, goroutines: p.kind === 'goroutines' ? p.total : 0, partial: p.partial?.message ?? false });

/** "…: <code> at byte 12: …" or "…: <code>: …" after the file name. */
function codeAfter(text: string, file: string): string {
  const at = text.indexOf(`${file}: `);
  if (at < 0) return `unparsed: ${text}`;
  return /^([a-z-]+)/.exec(text.slice(at + file.length + 2))?.[1] ?? `unparsed: ${text}`;
}

async function viaInspect(file: string): Promise<Answer> {
  let out = '';
  await inspectCommand({ out: (t) => void (out += t), err: () => undefined }).run([file, '--json']);
  const j = JSON.parse(out) as {
    error?: { code: string };
    format: string;
    partial?: false | { message: string };
    goroutines?: { aliveAtEnd?: number; total: number };
  };
  if (j.error) return { refused: j.error.code };
  const goroutines = j.format === 'go-trace' ? j.goroutines!.aliveAtEnd! : (j.goroutines?.total ?? 0);
  return { format: j.format, goroutines, partial: j.partial ? j.partial.message : false };
}

async function viaReport(file: string): Promise<Answer> {
  let out = '';
  let err = '';
  const code = await runReport([file, '--format', 'json'], { out: (t) => void (out += t), err: (t) => void (err += t) });
  if (code === 2) return { refused: codeAfter(err, file) };
  // The JSON report names the format; the count is the summary's, the partial reason the warning
  // said first on stderr (analysis/phrasing partialInputSentence).
  const r = JSON.parse(out) as { inputs: { format: string }[]; summary: { goroutines: number } };
  const partial = /Partial input: .* stops(?: at (?:byte|line) [\d,]+)? \((.*)\); everything here is from the part that was read/.exec(err)?.[1] ?? false;
  return { format: r.inputs[0].format, goroutines: r.summary.goroutines, partial };
}

async function viaEngine(file: string): Promise<Answer> {
  const engine = new InProcessEngine(() => openFileSource(file), basename(file), openFileSource);
  const msgs: EngineMessage[] = [];
  await new Promise<void>((resolve) => {
    engine.start((m) => {
      msgs.push(m);
      if (m.type === 'trace-chunk') engine.control({ type: 'credit', n: 1 });
      if (m.type === 'done' || m.type === 'error') resolve();
    });
    engine.control({ type: 'credit', n: 4 });
  });
  await engine.close();
  const last = msgs[msgs.length - 1];
  if (last.type === 'error') return { refused: last.error.code };
  const partial = last.type === 'done' && last.partial ? last.partial.message : false;
  const final = msgs.find((m) => m.type === 'trace-final');
  if (final?.type === 'trace-final') {
    const g = final.final.goroutines;
    let alive = 0;
    for (let r = 0; r < g.count; r++) if (g.finalState[r] !== GoState.NotExist) alive++;
    return { format: 'go-trace', goroutines: alive, partial };
  }
  const p = msgs.find((m) => m.type === 'profile');
  if (p?.type !== 'profile') throw new Error(`${file}: engine sent neither a trace nor a profile`);
  return { ...profileAnswer(p.profile), partial };
}

// The hunt's evidence loader: "Add evidence…" on an open document (its session parses the file),
// then the fused analysis's summary of that input.
const HUNT_DOCS = [fixtures('go1.26', 'select-empty', 'goroutine.pb.gz'), fixtures('go1.26', 'nil-chan-send', 'goroutine.pb.gz')];
let hunt: { service: BridgeService; docs: string[] } | undefined;
async function viaHunt(file: string): Promise<Answer> {
  if (!hunt) {
    const service = new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore() });
    hunt = { service, docs: [(await service.openPath(HUNT_DOCS[0])).id, (await service.openPath(HUNT_DOCS[1])).id] };
  }
  const { service } = hunt;
  const doc = hunt.docs[file === HUNT_DOCS[0] ? 1 : 0]; // a document is not its own evidence
  try {
    await service.handle('addEvidence', [doc, file]);
  } catch (e) {
    return { refused: codeAfter((e as Error).message, basename(file)) };
  }
  const r = await service.handle('analyzeDocument', [doc]);
  await service.handle('removeEvidence', [doc, file]);
  const i = r.inputs[1];
  return { format: i.format, goroutines: i.goroutines, partial: i.partial ?? false };
}

const CALLERS = { inspect: viaInspect, report: viaReport, engine: viaEngine, hunt: viaHunt };

async function expectOneAnswer(file: string): Promise<Answer> {
  const answers: Record<string, Answer> = {};
  for (const [name, call] of Object.entries(CALLERS)) answers[name] = await call(file);
  for (const name of Object.keys(CALLERS)) expect(answers[name], `${file} via ${name}`).toEqual(answers.inspect);
  return answers.inspect;
}

async function checkAll(list: readonly string[]): Promise<Record<string, number>> {
  const seen: Record<string, number> = {};
  for (const f of list) {
    const a = await expectOneAnswer(f);
    const k = 'refused' in a ? `refused:${a.refused}` : a.format;
    seen[k] = (seen[k] ?? 0) + 1;
  }
  return seen;
}

describe('one door: every caller reads a file the same way', () => {
  it('a debug=2 dump after 100 KB of log lines', async () => {
    const dump = readFileSync(fixtures('go1.26', 'http-handler-leak', 'goroutine.debug2.txt'), 'utf8');
    let log = '';
    for (let i = 0; log.length < 100 * 1024; i++) log += `2026/12/06 08:00:${String(i % 60).padStart(2, '0')} handler: request ${i} served in ${i % 97} ms\n`;
    const file = join(mkdtempSync(join(tmpdir(), 'leakline-door-')), 'service.log');
    writeFileSync(file, log + dump);
    const a = await expectOneAnswer(file);
    expect(a).toMatchObject({ format: 'goroutine-debug2', partial: false });
    expect((a as { goroutines: number }).goroutines).toBeGreaterThan(0);
  });

  it('every real-world trace and dump', async () => {
    const seen = await checkAll(files(corpus('realworld')));
    expect(seen['go-trace']).toBeGreaterThanOrEqual(5);
    expect(seen['goroutine-debug2']).toBeGreaterThanOrEqual(5);
    expect(seen['refused:unknown-format']).toBeGreaterThanOrEqual(2); // index.json, README.md
  }, 300_000);

  it('every fixture file', async () => {
    const seen = await checkAll(files(fixtures()));
    expect(seen['go-trace']).toBeGreaterThanOrEqual(140);
    expect(seen['pprof-proto']).toBeGreaterThanOrEqual(200);
    expect(seen['goroutine-debug1']).toBeGreaterThanOrEqual(180);
    expect(seen['goroutine-debug2']).toBeGreaterThanOrEqual(180);
    expect(seen['refused:unknown-format']).toBeGreaterThanOrEqual(100); // truth.json and friends
  }, 900_000);

  it('a sample of the leak corpus (every 25th file)', async () => {
    const seen = await checkAll(files(corpus('leaks')).filter((_f, i) => i % 25 === 0));
    expect(Object.keys(seen).length).toBeGreaterThanOrEqual(3);
  }, 300_000);
});
