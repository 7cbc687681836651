// debug=1 goroutine / goroutineleak profiles (runtime/pprof printCountProfile + printStackRecord):
//   goroutine profile: total N
//   COUNT @ 0xPC 0xPC …
//   # labels: {"k":"v", …}                       (optional, Go-quoted, keys sorted)
//   #<tabs>0xPC<tabs>FUNC+0xOFF<tabs>FILE:LINE    (one per frame, inlined frames expanded)
//   #<tabs>0xPC                                  (unsymbolized PC)
//   <blank>
// Columns come from a tabwriter, so separators are runs of tabs.
import { ParseError, type ParseWarning } from '../model/errors';
import type { GoroutineGroup } from '../model/profile-model';
import { stackSignature } from '../model/stack';
import type { Frame } from '../model/stack';
import { parseQuotedLabelMap } from './go-quote';
import { labelSuffix } from './group';
import { MAX_GOROUTINES, MAX_LINE_CHARS } from './limits';
import { detach, LongLine } from './text';

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
  /** Set when a line too long to be part of a profile stopped the reading (`too-large`, its line). */
  stoppedAt?: ParseError;
}

/**
 * Reads a debug=1 profile line by line from its header line on (`push`), grouping records as
 * they end; `finish` gives the result.
 */
export class Debug1Parser {
  readonly profileType: 'goroutine' | 'goroutineleak';
  private readonly declaredText: string;
  private readonly headerLine: number;
  private readonly warnings: ParseWarning[] = [];
  private readonly groups: GoroutineGroup[] = [];
  private readonly byKey = new Map<string, GoroutineGroup & { count: number }>();
  private readonly strings = new Map<string, string>();
  private bad = 0;
  private firstBad = -1;
  private overflow = 0;
  private firstOverflow = -1;
  /** Inside a record whose count was unusable: its frame lines belong to it, not to "unreadable". */
  private skippingRecord = false;
  private total = 0;
  private count = -1;
  private frames: Frame[] = [];
  private labels: Record<string, string> | undefined;
  private recordLine = 0;
  private ended = false;
  private stoppedAt: ParseError | undefined;

  constructor(header: string, lineNo: number) {
    const hm = DEBUG1_HEADER.exec(header);
    if (!hm) throw new Error('Debug1Parser: not a header line');
    this.profileType = hm[1] as 'goroutine' | 'goroutineleak';
    this.declaredText = hm[2];
    this.headerLine = lineNo;
  }

  private intern(v: string): string {
    const have = this.strings.get(v);
    if (have !== undefined) return have;
    const copy = detach(v);
    this.strings.set(copy, copy);
    return copy;
  }

  private finishRecord(): void {
    if (this.count < 0) return;
    const frames = this.frames;
    const labels = this.labels;
    const signature = stackSignature(frames) + labelSuffix(labels);
    const prev = this.byKey.get(signature);
    if (prev) {
      // Distinct PC lists can symbolize to the same lines (different call sites on one line).
      prev.count += this.count;
      this.total += this.count;
    } else if (this.groups.length >= MAX_GOROUTINES) {
      this.stoppedAt = new ParseError('too-large', `more than ${MAX_GOROUTINES} distinct records; the first ${MAX_GOROUTINES} are read`, this.recordLine, 'line');
      this.ended = true;
    } else {
      this.total += this.count;
      const g = { signature, count: this.count, stack: frames, ...(labels ? { labels } : {}), ...(this.profileType === 'goroutineleak' ? { leaked: true as const } : {}) };
      this.byKey.set(signature, g);
      this.groups.push(g);
    }
    this.count = -1;
  }

  private badLine(n: number): void {
    this.bad++;
    if (this.firstBad < 0) this.firstBad = n;
  }

  /** Feeds the line after the header (then the next…); false once the profile ended. */
  push(line: string | LongLine, n: number): boolean {
    if (this.ended) return false;
    const more = this.read(line, n);
    return more && !this.ended;
  }

  private read(line: string | LongLine, n: number): boolean {
    if (line instanceof LongLine) {
      this.finishRecord();
      this.stoppedAt = new ParseError('too-large', `line ${n} is ${line.chars} characters long, limit ${MAX_LINE_CHARS}`, n, 'line');
      this.ended = true;
      return false;
    }
    if (line.trim() === '') {
      this.finishRecord();
      this.skippingRecord = false;
      return true;
    }
    if (DEBUG1_HEADER.test(line)) {
      this.warnings.push({ code: 'concatenated', message: `another profile starts at line ${n}; only the first is read`, offset: n });
      this.ended = true;
      return false;
    }
    const rm = RECORD.exec(line);
    if (rm && !Number.isSafeInteger(Number(rm[1]))) {
      // A count beyond 2^53 (2^64 in a corrupt copy) is no goroutine count: the record is
      // skipped, and said so, rather than read as a wrong number.
      this.finishRecord();
      this.overflow++;
      if (this.firstOverflow < 0) this.firstOverflow = n;
      this.skippingRecord = true;
      return true;
    }
    if (rm) {
      this.finishRecord();
      this.skippingRecord = false;
      this.count = Number(rm[1]);
      this.frames = [];
      this.labels = undefined;
      this.recordLine = n;
      return true;
    }
    if (this.skippingRecord && line.startsWith('#')) return true;
    if (this.count < 0) {
      this.badLine(n);
      return true;
    }
    if (line.startsWith('# labels: {') && line.endsWith('}')) {
      const parsed = parseQuotedLabelMap(line.slice('# labels: {'.length, -1));
      if (parsed && Object.keys(parsed).length) this.labels = Object.fromEntries(Object.entries(parsed).map(([k, v]) => [this.intern(k), detach(v)]));
      else if (!parsed) this.badLine(n);
      return true;
    }
    if (line.startsWith('#')) {
      const cols = line.split(/\t+/);
      // ["#", "0xPC", "FUNC+0xOFF", "FILE:LINE"] or ["#", "0xPC"]
      if (cols[0] !== '#' || !/^0x[0-9a-fA-F]+$/.test(cols[1] ?? '')) {
        this.badLine(n);
        return true;
      }
      if (cols.length === 2) {
        this.frames.push({ func: detach(cols[1]), file: '', line: 0 });
        return true;
      }
      const func = this.intern((cols[2] ?? '').replace(/\+0x[0-9a-fA-F]+$/, ''));
      const loc = /^(.*):(\d+)$/.exec(cols.slice(3).join('\t').trim());
      this.frames.push({ func, file: loc ? this.intern(loc[1]) : '', line: loc ? Number(loc[2]) : 0 });
      if (!loc) this.badLine(n);
      return true;
    }
    this.badLine(n);
    return true;
  }

  finish(): Debug1Result {
    // A record with its PC line but no frame lines at the very end: the copy was cut.
    const truncatedAt = !this.ended && this.count >= 0 && this.frames.length === 0 ? this.recordLine : undefined;
    this.finishRecord();
    const warnings = this.warnings;
    if (this.overflow) {
      warnings.push({
        code: 'count-overflow',
        message: `${this.overflow} records with a goroutine count beyond 2^53 skipped, not counted (first at line ${this.firstOverflow})`,
        offset: this.firstOverflow,
      });
    }
    if (this.bad) warnings.push({ code: 'unreadable-lines', message: `${this.bad} unreadable lines skipped (first at line ${this.firstBad})`, offset: this.firstBad });
    const declaredTotal = Number(this.declaredText);
    if (declaredTotal !== this.total) {
      // The header's own text: a total beyond 2^53 would print rounded as a number.
      warnings.push({ code: 'total-mismatch', message: `header says total ${this.declaredText}, records sum to ${this.total}`, offset: this.headerLine });
    }
    return {
      profileType: this.profileType,
      declaredTotal,
      total: this.total,
      groups: this.groups,
      warnings,
      ...(truncatedAt !== undefined ? { truncatedAt } : {}),
      ...(this.stoppedAt ? { stoppedAt: this.stoppedAt } : {}),
    };
  }
}
