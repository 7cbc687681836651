// Amplified profiles (test/unit/fuzz/amplify.ts) through the paths that parse on the host thread
// today — compare (loadProfile), add evidence, the combined analysis — and through the CLI.
// Each ends in a typed too-large refusal naming the file and byte offset, instead of 4 GB and an
// out-of-heap crash of `leakline serve` (or Electron's main process). Moving these paths into
// workers is the engine issue's (#15); the bounds make the host safe until then, and after.
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiff } from '../../../cli/commands/diff';
import { runReport } from '../../../cli/commands/report';
import { BridgeService } from '../../../main/service/bridge-service';
import { memoryRecentStore } from '../../../main/service/recent-store';
import { fixtures } from '../../support/corpus';
import { amplifiedProfile } from '../fuzz/amplify';

const dir = mkdtempSync(join(tmpdir(), 'leakline-hostile-'));
const hostile = join(dir, 'amplified.pb.gz');
const trace = join(dir, 'trace.out');
/** 20,000 samples × 1,000 location ids: refused while decoding, at the id past 2^24. */
const REFUSAL = /^amplified\.pb\.gz: too-large at byte \d+: more than 16777216 location ids in samples$/;

beforeAll(async () => {
  writeFileSync(hostile, await amplifiedProfile('go1.26/chan-recv-no-sender/goroutine.pb.gz', { linesPerLocation: 100, refsPerSample: 1000, samples: 20_000 }));
  copyFileSync(fixtures('go1.26/chan-recv-no-sender/trace.out'), trace);
});

const service = () => new BridgeService({ appInfo: { name: 'Leakline', version: '0', mode: 'browser', versions: {} }, recent: memoryRecentStore() });

describe('amplified profile on the host thread', () => {
  it('is 2·10⁹ frames in a few hundred KiB', () => {
    expect(statSync(hostile).size).toBeLessThan(512 << 10);
  });

  it('compare (loadProfile): too-large, with the file and offset', async () => {
    const s = service();
    const doc = await s.openPath(hostile);
    const p = s.loadProfile(doc.id);
    await expect(p).rejects.toMatchObject({ code: 'too-large' });
    await expect(p).rejects.toThrow(REFUSAL);
  });

  it('add evidence: refused, and the hunt is unchanged', async () => {
    const s = service();
    const doc = await s.openPath(trace);
    const p = s.handle('addEvidence', [doc.id, hostile]);
    await expect(p).rejects.toMatchObject({ code: 'too-large' });
    await expect(p).rejects.toThrow(REFUSAL);
    expect((await s.hunt.state(doc.id)).evidence).toEqual([]);
  });

  it('combined analysis of the profile as a document: too-large', async () => {
    const s = service();
    const doc = await s.openPath(hostile);
    await expect(s.handle('analyzeDocument', [doc.id])).rejects.toMatchObject({ code: 'too-large' });
  });

  it('leakline report and diff: exit 2 with the reason', async () => {
    let err = '';
    const io = { out: () => {}, err: (t: string) => void (err += t) };
    expect(await runReport([trace, hostile], io)).toBe(2);
    expect(err).toMatch(/amplified\.pb\.gz: too-large at byte \d+/);
    err = '';
    expect(await runDiff([hostile, hostile], io)).toBe(2);
    expect(err).toMatch(/amplified\.pb\.gz: too-large at byte \d+/);
  });
});
