// The loadProfile bridge verb: validated in main, parses the document's file by content, and
// turns a trace into its end state. Real corpus files; errors cross the bridge as codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { validateArgs } from '../../../main/service/validate';
import { countCreatedBy, fixture, headerCount, truth, versionsWith } from './corpus';

const service = () => new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore() });
const V = versionsWith('growing-leak', 'trace.out').pop()!;

describe('loadProfile', () => {
  it('validates its one argument as a document id', () => {
    expect(validateArgs('loadProfile', ['doc-3'])).toEqual(['doc-3']);
    for (const bad of [[], ['doc-1', 'doc-2'], [3], ['../etc/passwd'], ['doc-'], ['doc-1234567890123']]) {
      expect(() => validateArgs('loadProfile', bad)).toThrow(expect.objectContaining({ code: 'bad-request' }));
    }
  });

  it('a debug=2 snapshot: groups and total as in the file', async () => {
    const s = service();
    const file = fixture(V, 'growing-leak', 'goroutine-2.debug2.txt');
    const doc = await s.openPath(file);
    const p = await s.handle('loadProfile', [doc.id]);
    expect(p.kind).toBe('goroutines');
    if (p.kind !== 'goroutines') return;
    expect(p.total).toBe(headerCount(file));
    const leak = p.groups.find((g) => g.stack[0]?.func === 'main.subscribe.func1');
    expect(leak?.count).toBe(countCreatedBy(file, 'main.subscribe'));
    // Parsed once: the second call returns the same object.
    expect(await s.handle('loadProfile', [doc.id])).toBe(p);
  });

  // The v1 format (Go 1.19, 1.21) and the newest.
  for (const v of [...versionsWith('growing-leak', 'trace.out').filter((x) => /^go1\.(19|21)$/.test(x)), V]) {
    it(`${v}: a trace: its end state, with the leaked goroutines and their ids`, async () => {
      const s = service();
      const doc = await s.openPath(fixture(v, 'growing-leak', 'trace.out'));
      const p = await s.handle('loadProfile', [doc.id]);
      expect(p).toMatchObject({ kind: 'goroutines', format: 'trace-end-state' });
      if (p.kind !== 'goroutines') return;
      const t = truth(v, 'growing-leak') as unknown as { leaks: { count: number; ids: number[]; traceReason: string }[] };
      const leak = p.groups.find((g) => g.stack.some((f) => f.func === 'main.subscribe.func1'))!;
      expect(leak.count).toBe(t.leaks[0].count);
      const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);
      expect(sorted(leak.ids ?? [])).toEqual(sorted(t.leaks[0].ids));
      expect(leak.state).toBe(t.leaks[0].traceReason);
    });
  }

  it('a heap profile: the SampleProfile', async () => {
    const hv = versionsWith('http-handler-leak', 'heap.pb.gz').pop()!;
    const s = service();
    const doc = await s.openPath(fixture(hv, 'http-handler-leak', 'heap.pb.gz'));
    const p = await s.handle('loadProfile', [doc.id]);
    expect(p).toMatchObject({ kind: 'samples', profileType: 'heap' });
  });

  it('refuses a file that is not a profile, a truncated profile and an unknown document, with codes', async () => {
    const s = service();
    const dir = mkdtempSync(join(tmpdir(), 'leakline-load-'));
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some notes\n');
    const doc = await s.openPath(text);
    await expect(s.handle('loadProfile', [doc.id])).rejects.toMatchObject({ code: 'unsupported' });
    // Targeted corruption: the first 40 bytes of a real gzip profile.
    const { readFileSync } = await import('node:fs');
    const cut = join(dir, 'cut.pb.gz');
    writeFileSync(cut, readFileSync(fixture(V, 'growing-leak', 'goroutine-1.pb.gz')).subarray(0, 40));
    const cutDoc = await s.openPath(cut);
    await expect(s.handle('loadProfile', [cutDoc.id])).rejects.toMatchObject({ code: 'unsupported' });
    await expect(s.handle('loadProfile', ['doc-999'])).rejects.toMatchObject({ code: 'not-found' });
  });
});
