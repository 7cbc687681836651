// debug=2 goroutine dumps, which share their grammar with runtime.Stack(all), panics and SIGQUIT
// tracebacks (runtime/traceback.go: goroutineheader, traceback2, printcreatedby1,
// printAncestorTraceback). Input may be noisy: logs before, register dumps after, Markdown
// indentation, terminal hard-wraps, two processes interleaved. We find headers, read the frames
// that follow, and count everything else as skipped noise (one warning per kind, with a line).
import { ParseError, type ParseWarning } from '../model/errors';
import type { CreatedBy } from '../model/profile-model';
import type { Frame } from '../model/stack';
import { parseHeader } from './header';
import { MAX_LINE_CHARS } from './limits';
import { detach, LongLine } from './text';
import type { GoroutineHeader } from './header';

export interface Ancestor {
  id: number;
  frames: Frame[];
  createdBy?: CreatedBy;
}

export interface RawGoroutine extends GoroutineHeader {
  /** 1-based line of the header. */
  line: number;
  frames: Frame[];
  /** `...N frames elided...` → N; `...additional frames elided...` → -1. */
  elided?: number;
  createdBy?: CreatedBy;
  ancestors?: Ancestor[];
  /** "goroutine running on other thread; stack unavailable" (crash dumps). */
  stackUnavailable?: boolean;
  /** The input ended inside this goroutine (a frame without its location line). */
  truncated?: boolean;
}

export interface Debug2Result {
  goroutines: RawGoroutine[];
  warnings: ParseWarning[];
  /** Lines outside any goroutine (preambles, logs, registers) and unreadable lines inside one. */
  skippedLines: number;
  /** Set when a line too long to be part of a dump stopped the reading (`too-large`, its line). */
  stoppedAt?: ParseError;
}

const ELIDED = /^\.\.\.(\d{1,15}) frames elided\.\.\.$/;
const CREATED = /^created by (.+?)(?: in goroutine (\d{1,15}))?$/;
const ORIGIN = /^\[originating from goroutine (\d{1,15})\]:$/;

/** "FILE:LINE[ +0x…][ fp=…]" → [file, line]. Suffixes carry no ':', so the last ':' before
 * the first digits-then-space/end is the line separator; Windows drive colons stay in FILE. */
export function parseLocation(text: string): [string, number] | undefined {
  let colon = text.lastIndexOf(':');
  while (colon > 0) {
    let j = colon + 1;
    while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j > colon + 1 && (j === text.length || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) {
      return [text.slice(0, colon), Number(text.slice(colon + 1, j))];
    }
    colon = text.lastIndexOf(':', colon - 1);
  }
  return undefined;
}

/**
 * "pkg.F(args)" → "pkg.F". Args never contain "(": hex words, "{…}", "...", "_", "?".
 * `confirmed`: the next line is a location line, so package-less names (cgo exports such as
 * "_cgoexp_…_goMouseButtonCB") are accepted too.
 */
export function frameFunc(text: string, confirmed = false): string | undefined {
  if (text === '' || /\s/.test(text[0])) return undefined;
  let name: string;
  if (text.endsWith(')')) {
    const open = text.lastIndexOf('(');
    if (open <= 0) return undefined;
    name = text.slice(0, open);
  } else {
    // Hard-wrapped argument list: the name ends at the first "(" that does not open "(*T)".
    const m = /^((?:[^\s(]|\(\*[^)\s]*\))+)\(/.exec(text);
    if (!m) return undefined;
    name = m[1];
  }
  // Go symbols are package-qualified ("main.f", "net/http.(*conn).serve"); "panic" is how
  // traceback prints runtime.gopanic.
  if (name === 'panic' || (/^[^\s]+$/.test(name) && (name.includes('.') || confirmed))) return name;
  return undefined;
}

/** Every goroutine of `lines` (line 1 first); the streaming Debug2Parser over an array. */
export function parseDebug2Lines(lines: readonly (string | LongLine)[], firstLine = 1): Debug2Result {
  const goroutines: RawGoroutine[] = [];
  const p = new Debug2Parser((g) => goroutines.push(g));
  for (let i = 0; i < lines.length; i++) if (!p.push(lines[i], i + firstLine)) break;
  return { goroutines, ...p.finish() };
}

/**
 * Reads a dump line by line, handing each goroutine to `onGoroutine` once it is complete (the
 * next header, a blank line or less indentation ends it), so a caller need not keep them all.
 * A line is processed when the next one arrives: a frame line without a package-qualified name
 * is a frame only if a location line follows.
 */
export class Debug2Parser {
  private readonly warnings: ParseWarning[] = [];
  private skipped = 0;
  private firstSkipped = -1;
  private innerSkipped = 0;
  private firstInner = -1;
  private stoppedAt: ParseError | undefined;

  private cur: RawGoroutine | undefined;
  private indent = '';
  /** Where frames go: the goroutine's own stack or its latest ancestor. */
  private target: Frame[] = [];
  private pendingFunc: string | undefined;
  private pendingCreator: { func: string; parentId?: number } | undefined;
  private ancestor: Ancestor | undefined;
  /** The line waiting for its successor, and its number. */
  private held: string | LongLine | undefined;
  private heldNo = 0;

  // 100k goroutines share a few hundred distinct frames: intern strings and Frame objects so the
  // model holds one copy (and not slices pinning each input chunk), and groups key on identity.
  private readonly strings = new Map<string, string>();
  private readonly frameCache = new Map<string, Frame>();

  constructor(private readonly onGoroutine: (g: RawGoroutine) => void) {}

  /** Lines before the first one pushed that were read as noise (the caller's format sniffing). */
  skippedBefore(count: number, first: number): void {
    this.skipped += count;
    if (count > 0 && this.firstSkipped < 0) this.firstSkipped = first;
  }

  /** Feeds line `lineNo`; false once reading stopped (a line too long to be part of a dump). */
  push(line: string | LongLine, lineNo: number): boolean {
    if (this.stoppedAt) return false;
    if (this.held !== undefined) this.process(this.held, this.heldNo, line);
    this.held = line;
    this.heldNo = lineNo;
    return !this.stoppedAt;
  }

  finish(): Omit<Debug2Result, 'goroutines'> {
    if (this.held !== undefined && !this.stoppedAt) this.process(this.held, this.heldNo, undefined);
    this.held = undefined;
    this.close();
    const warnings = this.warnings;
    if (this.skipped) {
      warnings.push({ code: 'skipped-lines', message: `${this.skipped} lines outside goroutine dumps skipped (first at line ${this.firstSkipped})`, offset: this.firstSkipped });
    }
    if (this.innerSkipped) {
      warnings.push({ code: 'unreadable-lines', message: `${this.innerSkipped} unreadable lines inside goroutines skipped (first at line ${this.firstInner})`, offset: this.firstInner });
    }
    return { warnings, skippedLines: this.skipped + this.innerSkipped, ...(this.stoppedAt ? { stoppedAt: this.stoppedAt } : {}) };
  }

  private intern(v: string): string {
    const have = this.strings.get(v);
    if (have !== undefined) return have;
    const copy = detach(v);
    this.strings.set(copy, copy);
    return copy;
  }

  private internFrame(func: string, locText: string): Frame {
    // Keyed without the " +0x… fp=… sp=… pc=…" tail, which differs per goroutine at level 2.
    const loc = parseLocation(locText);
    const file = loc ? loc[0] : locText;
    const line = loc ? loc[1] : 0;
    const key = `${func}\u0000${file}\u0000${line}`;
    let f = this.frameCache.get(key);
    if (f === undefined) {
      f = { func, file: this.intern(file), line };
      this.frameCache.set(detach(key), f);
    }
    return f;
  }

  /** A goroutine from its header; what the model keeps is copied, not sliced from the input chunk. */
  private start(h: GoroutineHeader, lineNo: number): RawGoroutine {
    const g: RawGoroutine = { id: h.id, state: this.intern(h.state), leaked: h.leaked, scan: h.scan, durable: h.durable, locked: h.locked, line: lineNo, frames: [] };
    if (h.minutes !== undefined) g.minutes = h.minutes;
    if (h.bubble !== undefined) g.bubble = h.bubble;
    if (h.labels) g.labels = Object.fromEntries(Object.entries(h.labels).map(([k, v]) => [this.intern(k), detach(v)]));
    if (h.unknown) g.unknown = h.unknown.map(detach);
    return g;
  }

  /**
   * A frame or creator line whose location line never came: at the end of a goroutine that is a
   * truncated copy; in the middle, the location line was unreadable.
   */
  private flushPending(atEnd: boolean): void {
    const cur = this.cur;
    if (!cur) return;
    if (this.pendingFunc !== undefined) {
      this.target.push({ func: this.pendingFunc, file: '', line: 0 });
      if (atEnd) cur.truncated = true;
      this.pendingFunc = undefined;
    }
    if (this.pendingCreator) {
      const pc = this.pendingCreator;
      const cb: CreatedBy = { func: pc.func, file: '', line: 0, ...(pc.parentId !== undefined ? { parentId: pc.parentId } : {}) };
      if (this.ancestor) this.ancestor.createdBy = cb;
      else cur.createdBy = cb;
      if (atEnd) cur.truncated = true;
      this.pendingCreator = undefined;
    }
  }

  private close(): void {
    this.flushPending(true);
    const done = this.cur;
    this.cur = undefined;
    this.ancestor = undefined;
    if (done) this.onGoroutine(done);
  }

  private skip(lineNo: number): void {
    this.skipped++;
    if (this.firstSkipped < 0) this.firstSkipped = lineNo;
  }

  private unreadable(lineNo: number): void {
    this.innerSkipped++;
    if (this.firstInner < 0) this.firstInner = lineNo;
  }

  private process(raw: string | LongLine, lineNo: number, next: string | LongLine | undefined): void {
    if (raw instanceof LongLine) {
      // Outside a goroutine it is noise like any log line; inside one it cannot be a frame, and
      // what follows cannot be trusted to belong to the dump: reading stops, partial.
      if (!this.cur) return this.skip(lineNo);
      this.close();
      this.stoppedAt = new ParseError('too-large', `line ${lineNo} is ${raw.chars} characters long, limit ${MAX_LINE_CHARS}`, lineNo, 'line');
      return;
    }
    // Cheap pre-check: headers are "goroutine " after at most a little indentation.
    let ws = 0;
    while (ws < raw.length && ws < 64 && (raw.charCodeAt(ws) === 32 || raw.charCodeAt(ws) === 9)) ws++;
    const h = raw.startsWith('goroutine ', ws) ? parseHeader(raw) : undefined;
    if (h) {
      this.close();
      const cur = this.start(h.header, lineNo);
      this.cur = cur;
      this.indent = h.indent;
      this.target = cur.frames;
      return;
    }
    const cur = this.cur;
    if (!cur) return this.skip(lineNo);
    // De-indent by the header's indentation; a line with less indentation ends the goroutine.
    let line = raw;
    const indent = this.indent;
    if (indent) {
      if (!raw.startsWith(indent)) {
        if (raw.trim() === '') {
          if (this.pendingFunc === undefined && this.pendingCreator === undefined) this.close();
          return;
        }
        this.close();
        return this.skip(lineNo);
      }
      line = raw.slice(indent.length);
    }
    if (line.trim() === '') {
      // A blank line ends the goroutine, unless an ancestor section follows (it does not here:
      // printAncestorTraceback prints right after the creator line).
      return this.close();
    }
    if (line[0] === ' ' || line[0] === '\t') {
      const text = line.trim();
      if (this.pendingFunc !== undefined) {
        this.target.push(this.internFrame(this.pendingFunc, text));
        this.pendingFunc = undefined;
        return;
      }
      const pc = this.pendingCreator;
      if (pc) {
        const loc = parseLocation(text);
        const cb: CreatedBy = {
          func: pc.func,
          file: loc ? this.intern(loc[0]) : detach(text),
          line: loc ? loc[1] : 0,
          ...(pc.parentId !== undefined ? { parentId: pc.parentId } : {}),
        };
        if (this.ancestor) this.ancestor.createdBy = cb;
        else cur.createdBy = cb;
        this.pendingCreator = undefined;
        return;
      }
      if (text === 'goroutine running on other thread; stack unavailable') {
        cur.stackUnavailable = true;
        return;
      }
      return this.unreadable(lineNo);
    }
    this.flushPending(false);
    let m: RegExpExecArray | null;
    const c0 = line.charCodeAt(0);
    if (c0 === 46 /* . */ && (m = ELIDED.exec(line))) {
      if (!this.ancestor) cur.elided = Number(m[1]);
      return;
    }
    if (c0 === 46 && line === '...additional frames elided...') {
      if (!this.ancestor) cur.elided = -1;
      return;
    }
    if (c0 === 99 /* c */ && line.startsWith('created by ') && (m = CREATED.exec(line))) {
      this.pendingCreator = { func: this.intern(m[1]), ...(m[2] !== undefined ? { parentId: Number(m[2]) } : {}) };
      return;
    }
    if (c0 === 91 /* [ */ && (m = ORIGIN.exec(line))) {
      this.ancestor = { id: Number(m[1]), frames: [] };
      (cur.ancestors ??= []).push(this.ancestor);
      this.target = this.ancestor.frames;
      return;
    }
    let fn = frameFunc(line);
    if (fn === undefined) {
      const nextIsLocation =
        typeof next === 'string' && next.startsWith(indent) && /^[ \t]/.test(next.slice(indent.length)) && parseLocation(next.trim()) !== undefined;
      if (nextIsLocation) fn = frameFunc(line, true);
    }
    if (fn !== undefined) {
      this.pendingFunc = this.intern(fn);
      return;
    }
    // Hard-wrap debris ("21903258 sp=0x… pc=0x…") and other unreadable lines inside a goroutine.
    this.unreadable(lineNo);
  }
}
