// The leak hunt's Node side on real corpus files (test/fixtures, written by test/goprograms):
// evidence fused with a trace, ignore rules written to the project's .leakline.json and read back
// by `leakline report`, exports from the CLI's writers, and the bridge validation of every verb.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runReport } from '../../../cli/commands/report';
import type { AnalysisResult } from '../../../analysis/verdict';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { reportFileName } from '../../../main/service/hunt-service';
import { FIXTURES } from '../analysis/corpus';

const SCENARIO = join(FIXTURES, 'go1.26/http-handler-leak');
const truth = JSON.parse(readFileSync(join(SCENARIO, 'truth.json'), 'utf8')) as { leaks: { startFunc: string; ids: number[]; inLeakProfile: boolean }[] };

function service(extra: Partial<ConstructorParameters<typeof BridgeService>[0]> = {}) {
  return new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore(), ...extra });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leakline-hunt-'));
  for (const f of ['trace.out', 'goroutineleak.pb.gz', 'goroutine.debug2.txt']) copyFileSync(join(SCENARIO, f), join(dir, f));
});

describe('evidence', () => {
  it('a goroutineleak profile proves the trace suspect; its ids stay the trace goroutines', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    const alone = (await s.handle('analyzeDocument', [doc.id])) as AnalysisResult;
    const leak = truth.leaks.find((l) => l.inLeakProfile)!;
    const before = alone.verdicts.find((v) => v.startFunction === leak.startFunc)!;
    expect(before.confidence).not.toBe('proven');
    const st = await s.handle('addEvidence', [doc.id, join(dir, 'goroutineleak.pb.gz')]);
    expect(st.evidence).toEqual([{ path: join(dir, 'goroutineleak.pb.gz'), name: 'goroutineleak.pb.gz' }]);
    const fused = (await s.handle('analyzeDocument', [doc.id])) as AnalysisResult;
    expect(fused.inputs.map((i) => i.file)).toEqual(['trace.out', 'goroutineleak.pb.gz']);
    expect(fused.verdicts[0].startFunction).toBe(leak.startFunc);
    expect(fused.verdicts[0].confidence).toBe('proven');
    expect(fused.verdicts[0].goroutineIds).toEqual([...leak.ids].sort((a, b) => a - b));
    expect(fused.verdicts[0].evidence.some((e) => e.kind === 'gc-proven')).toBe(true);
    // Removing it goes back to the trace's own verdict.
    await s.handle('removeEvidence', [doc.id, join(dir, 'goroutineleak.pb.gz')]);
    expect(((await s.handle('analyzeDocument', [doc.id])) as AnalysisResult).verdicts.find((v) => v.startFunction === leak.startFunc)!.confidence).toBe(before.confidence);
  });

  it('snapshots that shrink downgrade the trace suspect, with the reason as evidence', async () => {
    // growing-leak's snapshots given newest first read as a series that shrinks 15 → 10 → 5.
    const g = join(FIXTURES, 'go1.26/growing-leak');
    for (const f of ['trace.out', 'goroutine-1.debug1.txt', 'goroutine-2.debug1.txt', 'goroutine-3.debug1.txt']) copyFileSync(join(g, f), join(dir, `g-${f}`));
    const s = service();
    const doc = await s.openPath(join(dir, 'g-trace.out'));
    const alone = (await s.handle('analyzeDocument', [doc.id])) as AnalysisResult;
    for (const n of [3, 2, 1]) await s.handle('addEvidence', [doc.id, join(dir, `g-goroutine-${n}.debug1.txt`)]);
    const fused = (await s.handle('analyzeDocument', [doc.id])) as AnalysisResult;
    const a = alone.verdicts[0];
    const b = fused.verdicts.find((v) => v.fingerprint === a.fingerprint)!;
    const shrink = b.evidence.find((e) => e.kind === 'snapshot-shrink');
    expect(shrink?.detail).toContain('15 → 10 → 5');
    expect(['high', 'medium', 'low'].indexOf(b.confidence)).toBe(['high', 'medium', 'low'].indexOf(a.confidence) + 1);
  });

  it('refuses a file that is not a profile, naming it', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    writeFileSync(join(dir, 'notes.txt'), 'not a profile\n');
    await expect(s.handle('addEvidence', [doc.id, join(dir, 'notes.txt')])).rejects.toMatchObject({ code: 'unsupported', message: expect.stringContaining('notes.txt') });
    expect((await s.handle('huntState', [doc.id])).evidence).toEqual([]);
  });
});

describe('ignore rules in .leakline.json', () => {
  it('written beside the opened file; `leakline report` on that folder then drops the group', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    const leak = truth.leaks[0];
    expect((await s.handle('huntState', [doc.id])).projectFolder).toBe(dir);
    const cli = async () => {
      let out = '';
      await runReport([join(dir, 'trace.out'), '--format', 'json'], { out: (t) => (out += t), err: () => {} });
      return JSON.parse(out) as { leaks: { startFunction: string }[] };
    };
    expect((await cli()).leaks.map((l) => l.startFunction)).toContain(leak.startFunc);
    const st = await s.handle('setIgnoreRules', [doc.id, { topFunction: [], anyFunction: [leak.startFunc], createdBy: [] }]);
    expect(st.rules.anyFunction).toEqual([leak.startFunc]);
    expect(JSON.parse(readFileSync(join(dir, '.leakline.json'), 'utf8'))).toEqual({ ignore: { anyFunction: [leak.startFunc] } });
    const after = (await s.handle('analyzeDocument', [doc.id])) as AnalysisResult;
    expect(after.verdicts.map((v) => v.startFunction)).not.toContain(leak.startFunc);
    expect((await cli()).leaks.map((l) => l.startFunction)).not.toContain(leak.startFunc);
  });

  it('keeps failOn and refuses to overwrite an invalid file', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    writeFileSync(join(dir, '.leakline.json'), JSON.stringify({ failOn: 'high', ignore: { topFunction: ['a.b'] } }));
    await s.handle('setIgnoreRules', [doc.id, { topFunction: ['a.b', 'c.d'], anyFunction: [], createdBy: [] }]);
    expect(JSON.parse(readFileSync(join(dir, '.leakline.json'), 'utf8'))).toEqual({ ignore: { topFunction: ['a.b', 'c.d'] }, failOn: 'high' });
    writeFileSync(join(dir, '.leakline.json'), '{"ignore": {"top": []}}');
    expect((await s.handle('huntState', [doc.id])).configError).toContain('unknown key "ignore.top"');
    await expect(s.handle('setIgnoreRules', [doc.id, { topFunction: ['x.y'], anyFunction: [], createdBy: [] }])).rejects.toMatchObject({ code: 'bad-request' });
    expect(readFileSync(join(dir, '.leakline.json'), 'utf8')).toBe('{"ignore": {"top": []}}');
  });

  it('an upload has no project folder until one is chosen', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'), { displayName: 'trace.out' });
    expect((await s.handle('huntState', [doc.id])).projectFolder).toBeNull();
    await expect(s.handle('setIgnoreRules', [doc.id, { topFunction: ['x.y'], anyFunction: [], createdBy: [] }])).rejects.toMatchObject({ code: 'bad-request' });
    await expect(s.handle('setProjectFolder', [doc.id, join(dir, 'trace.out')])).rejects.toMatchObject({ code: 'not-a-file' });
    expect((await s.handle('setProjectFolder', [doc.id, dir])).projectFolder).toBe(dir);
  });
});

describe('export', () => {
  it('every format comes from the CLI writers; saveReport writes where the dialog says', async () => {
    const saved = join(dir, 'out.sarif');
    let asked = '';
    const s = service({
      pickSavePath: async (name) => {
        asked = name;
        return saved;
      },
    });
    const doc = await s.openPath(join(dir, 'trace.out'));
    const json = JSON.parse(await s.handle('exportReport', [{ documentId: doc.id, format: 'json' }])) as { inputs: { file: string }[]; leaks: unknown[] };
    expect(json.inputs).toEqual([{ file: 'trace.out', format: 'go-trace' }]);
    expect(json.leaks.length).toBeGreaterThan(0);
    expect(await s.handle('exportReport', [{ documentId: doc.id, format: 'md' }])).toMatch(/^## Leakline: /);
    expect(await s.handle('exportReport', [{ documentId: doc.id, format: 'html' }])).toMatch(/^<!doctype html>/);
    const sarif = await s.handle('exportReport', [{ documentId: doc.id, format: 'sarif' }]);
    expect(await s.handle('saveReport', [{ documentId: doc.id, format: 'sarif' }])).toBe(saved);
    expect(asked).toBe('trace.leakline.sarif');
    expect(readFileSync(saved, 'utf8')).toBe(sarif);
    expect(reportFileName('goroutine.pb.gz', 'md')).toBe('goroutine.leakline.md');
  });

  it('saveReport without a dialog (browser mode) is refused', async () => {
    const s = service();
    const doc = await s.openPath(join(dir, 'trace.out'));
    await expect(s.handle('saveReport', [{ documentId: doc.id, format: 'md' }])).rejects.toMatchObject({ code: 'bad-request' });
  });
});

describe('validation of the hunt verbs', () => {
  const bad = async (verb: Parameters<BridgeService['handle']>[0], args: unknown) => {
    await expect(service().handle(verb, args)).rejects.toMatchObject({ code: 'bad-request' });
  };
  it('refuses malformed payloads before the service sees them', async () => {
    await bad('exportReport', [{ documentId: 'doc-1', format: 'pdf' }]);
    await bad('exportReport', [{ documentId: '../etc', format: 'md' }]);
    await bad('exportReport', [{ documentId: 'doc-1', format: 'md', path: '/tmp/x' }]);
    await bad('exportReport', []);
    await bad('addEvidence', ['doc-1', 'relative/path']);
    await bad('addEvidence', ['doc-1', '/a\0b']);
    await bad('setProjectFolder', ['doc-1']);
    await bad('setIgnoreRules', ['doc-1', { topFunction: 'x' }]);
    await bad('setIgnoreRules', ['doc-1', { topFunction: [''] }]);
    await bad('setIgnoreRules', ['doc-1', { topFunction: ['a\nb'] }]);
    await bad('setIgnoreRules', ['doc-1', { topFunction: new Array(501).fill('f') }]);
    await bad('setIgnoreRules', ['doc-1', { top: [] }]);
    await bad('huntState', ['doc-1', 'extra']);
  });
  it('unknown documents are not-found', async () => {
    await expect(service().handle('huntState', ['doc-99'])).rejects.toMatchObject({ code: 'not-found' });
  });
});
