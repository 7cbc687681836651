// debug=1 goroutine / goroutineleak profiles (runtime/pprof printCountProfile + printStackRecord):
//   goroutine profile: total N
//   COUNT @ 0xPC 0xPC …
//   # labels: {"k":"v", …}                       (optional, Go-quoted, keys sorted)
//   #<tabs>0xPC<tabs>FUNC+0xOFF<tabs>FILE:LINE    (one per frame, inlined frames expanded)
//   #<tabs>0xPC                                  (unsymbolized PC)
//   <blank>
// Columns come from a tabwriter, so separators are runs of tabs.
import type { ParseWarning } from '../model/errors';
import type { GoroutineGroup } from '../model/profile-model';
import { stackSignature } from '../model/stack';
import type { Frame } from '../model/stack';
import { parseQuotedLabelMap } from './go-quote';
import { labelSuffix } from './group';
import type { LineList } from './text';

export const DEBUG1_HEADER = /^(goroutine|goroutineleak) profile: total (\d+)\s*$/;
const RECORD = /^(\d+) @((?: 0x[0-9a-fA-F]+)*)\s*$/;

export interface Debug1Result {
  profileType: 'goroutine' | 'goroutineleak';
  declaredTotal: number;
  total: number;
  groups: GoroutineGroup[];
  warnings: ParseWarning[];
  /** 1-based line where the input ended inside a record, if it did. */
  truncatedAt?: number;
}

export function parseDebug1Lines(lines: LineList, start: number): Debug1Result {
  const hm = DEBUG1_HEADER.exec(lines.at(start) ?? '');
  if (!hm) throw new Error('parseDebug1Lines: no header at start');
  const profileType = hm[1] as 'goroutine' | 'goroutineleak';
  const warnings: ParseWarning[] = [];
  const groups: GoroutineGroup[] = [];
  const byKey = new Map<string, GoroutineGroup & { count: number }>();
  let bad = 0;
  let firstBad = -1;
  let total = 0;
  let truncatedAt: number | undefined;

  let count = -1;
  let frames: Frame[] = [];
  let labels: Record<string, string> | undefined;
  let recordLine = 0;
  const finish = () => {
    if (count < 0) return;
    const signature = stackSignature(frames) + labelSuffix(labels);
    const prev = byKey.get(signature);
    total += count;
    if (prev) {
      // Distinct PC lists can symbolize to the same lines (different call sites on one line).
      (prev as { count: number }).count += count;
    } else {
      const g = { signature, count, stack: frames, ...(labels ? { labels } : {}), ...(profileType === 'goroutineleak' ? { leaked: true } : {}) };
      byKey.set(signature, g);
      groups.push(g);
    }
    count = -1;
  };
  const badLine = (n: number) => {
    bad++;
    if (firstBad < 0) firstBad = n;
  };

  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines.at(i)!;
    const n = i + 1;
    if (line.trim() === '') {
      finish();
      continue;
    }
    if (DEBUG1_HEADER.test(line)) {
      warnings.push({ code: 'concatenated', message: `another profile starts at line ${n}; only the first is read`, offset: n });
      break;
    }
    const rm = RECORD.exec(line);
    if (rm && !Number.isSafeInteger(Number(rm[1]))) {
      // A count beyond 2^53 cannot be a real goroutine count: treat the record as unreadable.
      finish();
      badLine(n);
      continue;
    }
    if (rm) {
      finish();
      count = Number(rm[1]);
      frames = [];
      labels = undefined;
      recordLine = n;
      continue;
    }
    if (count < 0) {
      badLine(n);
      continue;
    }
    if (line.startsWith('# labels: {') && line.endsWith('}')) {
      const parsed = parseQuotedLabelMap(line.slice('# labels: {'.length, -1));
      if (parsed && Object.keys(parsed).length) labels = parsed;
      else if (!parsed) badLine(n);
      continue;
    }
    if (line.startsWith('#')) {
      const cols = line.split(/\t+/);
      // ["#", "0xPC", "FUNC+0xOFF", "FILE:LINE"] or ["#", "0xPC"]
      if (cols[0] !== '#' || !/^0x[0-9a-fA-F]+$/.test(cols[1] ?? '')) {
        badLine(n);
        continue;
      }
      if (cols.length === 2) {
        frames.push({ func: cols[1], file: '', line: 0 });
        continue;
      }
      const func = (cols[2] ?? '').replace(/\+0x[0-9a-fA-F]+$/, '');
      const loc = /^(.*):(\d+)$/.exec(cols.slice(3).join('\t').trim());
      frames.push({ func, file: loc ? loc[1] : '', line: loc ? Number(loc[2]) : 0 });
      if (!loc) badLine(n);
      continue;
    }
    badLine(n);
  }
  // A record with its PC line but no frame lines at the very end: the copy was cut.
  if (count >= 0 && frames.length === 0 && i >= lines.length) truncatedAt = recordLine;
  finish();
  if (bad) warnings.push({ code: 'unreadable-lines', message: `${bad} unreadable lines skipped (first at line ${firstBad})`, offset: firstBad });
  const declaredTotal = Number(hm[2]);
  if (declaredTotal !== total) {
    warnings.push({ code: 'total-mismatch', message: `header says total ${declaredTotal}, records sum to ${total}`, offset: start + 1 });
  }
  return { profileType, declaredTotal, total, groups, warnings, ...(truncatedAt !== undefined ? { truncatedAt } : {}) };
}
