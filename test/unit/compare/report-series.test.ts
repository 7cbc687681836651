// Snapshot growth feeds `leakline report`: several goroutine profiles of one process are read as
// a series, and a group that grew in every interval gets the snapshot-growth evidence.
import { describe, expect, it } from 'vitest';
import { runReport } from '../../../cli/commands/report';
import { countCreatedBy, fixture, truth, versionsWith } from './corpus';

interface JsonReport {
  leaks: { startFunction: string; confidence: string; count: number; evidence: { kind: string; detail: string }[] }[];
}

async function report(argv: string[]): Promise<JsonReport> {
  let out = '';
  await runReport([...argv, '--format', 'json'], { out: (t) => void (out += t), err: () => {} });
  return JSON.parse(out) as JsonReport;
}

describe('leakline report with several snapshots', () => {
  const versions = versionsWith('growing-leak', 'goroutine-3.pb.gz');
  it('the corpus has the scenario', () => expect(versions.length).toBeGreaterThan(0));
  for (const v of versions) {
    it(`${v}: three proto snapshots → the leaking group has snapshot-growth evidence with the series`, async () => {
      const files = [1, 2, 3].map((i) => fixture(v, 'growing-leak', `goroutine-${i}.pb.gz`));
      const r = await report(files);
      const t = truth(v, 'growing-leak').leaks[0];
      const lead = r.leaks.find((x) => x.startFunction === t.startFunc)!;
      expect(lead).toBeDefined();
      const counts = [1, 2, 3].map((i) => countCreatedBy(fixture(v, 'growing-leak', `goroutine-${i}.debug2.txt`), 'main.subscribe'));
      const growth = lead.evidence.find((e) => e.kind === 'snapshot-growth');
      expect(growth?.detail).toContain(counts.join(' → '));
      expect(['high', 'proven']).toContain(lead.confidence);
      // One snapshot alone carries no growth evidence.
      const single = await report([files[2]]);
      expect(single.leaks.find((x) => x.startFunction === t.startFunc)?.evidence.some((e) => e.kind === 'snapshot-growth')).toBe(false);
    });
  }
});
