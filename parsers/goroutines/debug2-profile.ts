// A debug=2 dump (or panic / SIGQUIT traceback) → GoroutineProfile, fed line by line: the
// Debug2Parser hands over each finished goroutine, which is grouped at once and dropped, so
// memory holds the records and groups of the model, not the text and not a parsed copy of every
// goroutine. A repeated goroutine id starts a second dump (repeated SIGQUITs, appended logs):
// the first is kept, the others are only located for the warning.
import { ParseError, type ParseWarning } from '../model/errors';
import type { GoroutineProfile } from '../model/profile-model';
import { Debug2Parser, type RawGoroutine } from './debug2';
import { GoroutineGrouper } from './group';
import { MAX_GOROUTINES } from './limits';
import { goVersionFromPath, type LongLine } from './text';


/** Paths repeat; the first few hundred goroutines tell the Go version as well as all of them. */
const VERSION_PROBE_GOROUTINES = 200;

export class Debug2ProfileBuilder {
  private readonly parser: Debug2Parser;
  private readonly grouper = new GoroutineGrouper();
  /** Ids of the dump being read (a repeat means the next dump starts). */
  private readonly seen = new Set<number>();
  private readonly laterDumps: number[] = [];
  private tooMany: ParseError | undefined;
  /** Later dumps are only located; past MAX_GOROUTINES ids of one of them, not even that. */
  private stopScanning = false;
  private unknownParts = 0;
  private firstUnknown: number | undefined;
  private unavailable = 0;
  private leaked = false;
  private goVersion: string | undefined;
  private last: RawGoroutine | undefined;

  /** `skippedBefore`: lines before the first header, read as noise while sniffing the format. */
  constructor(skippedBefore: number) {
    this.parser = new Debug2Parser((g) => this.take(g));
    this.parser.skippedBefore(skippedBefore, 1);
  }

  /** Feeds the next line (the first header first); false once reading stopped. */
  push(line: string | LongLine, lineNo: number): boolean {
    if (this.tooMany || this.stopScanning) return false;
    return this.parser.push(line, lineNo) && !this.tooMany && !this.stopScanning;
  }

  private take(g: RawGoroutine): void {
    if (this.tooMany || this.stopScanning) return;
    if (this.seen.has(g.id)) {
      this.laterDumps.push(g.line);
      this.seen.clear();
    }
    this.seen.add(g.id);
    if (this.laterDumps.length > 0) {
      if (this.seen.size > MAX_GOROUTINES) this.stopScanning = true;
      return;
    }
    if (this.grouper.count >= MAX_GOROUTINES) {
      this.tooMany = new ParseError('too-large', `more than ${MAX_GOROUTINES} goroutines in one dump; the first ${MAX_GOROUTINES} are read`, g.line, 'line');
      return;
    }
    if (g.unknown) {
      this.unknownParts++;
      this.firstUnknown ??= g.line;
    }
    if (g.stackUnavailable) this.unavailable++;
    if (g.leaked) this.leaked = true;
    if (this.goVersion === undefined && this.grouper.count < VERSION_PROBE_GOROUTINES) {
      for (const f of g.frames) if ((this.goVersion = goVersionFromPath(f.file))) break;
    }
    this.grouper.add(g);
    this.last = g;
  }

  finish(): GoroutineProfile {
    const r = this.parser.finish();
    const warnings: ParseWarning[] = [...r.warnings];
    const starts = this.laterDumps;
    if (starts.length) {
      warnings.push({
        code: 'concatenated',
        message: `${starts.length + 1} dumps found; read the first, others start at lines ${starts.slice(0, 5).join(', ')}${starts.length > 5 ? '…' : ''}`,
        offset: starts[0],
      });
    }
    if (this.unknownParts) warnings.push({ code: 'header-parts', message: `${this.unknownParts} headers with unrecognised parts (kept in the state)`, offset: this.firstUnknown });
    if (this.unavailable) warnings.push({ code: 'stack-unavailable', message: `${this.unavailable} goroutines running on other threads: stack unavailable` });
    const { groups, records } = this.grouper.finish();
    const last = this.last;
    const partial = r.stoppedAt ?? this.tooMany ?? (last?.truncated ? new ParseError('truncated', `input ends inside goroutine ${last.id}`, last.line, 'line') : undefined);
    return {
      kind: 'goroutines',
      format: 'goroutine-debug2',
      profileType: this.leaked ? 'goroutineleak' : 'goroutine',
      ...(this.goVersion ? { goVersion: this.goVersion } : {}),
      total: records.length,
      groups,
      goroutines: records,
      warnings,
      ...(partial ? { partial } : {}),
    };
  }
}
