// debug=2 goroutine dumps, which share their grammar with runtime.Stack(all), panics and SIGQUIT
// tracebacks (runtime/traceback.go: goroutineheader, traceback2, printcreatedby1,
// printAncestorTraceback). Input may be noisy: logs before, register dumps after, Markdown
// indentation, terminal hard-wraps, two processes interleaved. We find headers, read the frames
// that follow, and count everything else as skipped noise (one warning per kind, with a line).
import type { ParseWarning } from '../model/errors';
import type { CreatedBy } from '../model/profile-model';
import type { Frame } from '../model/stack';
import { parseHeader } from './header';
import { detach, type LineList } from './text';
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

export function parseDebug2Lines(lines: LineList, firstLine = 1): Debug2Result {
  const goroutines: RawGoroutine[] = [];
  const warnings: ParseWarning[] = [];
  let skipped = 0;
  let firstSkipped = -1;
  let innerSkipped = 0;
  let firstInner = -1;

  let cur: RawGoroutine | undefined;
  let indent = '';
  // Where frames go: the goroutine's own stack or its latest ancestor.
  let target: Frame[] = [];
  let pendingFunc: string | undefined;
  let pendingCreator: { func: string; parentId?: number } | undefined;
  let ancestor: Ancestor | undefined;

  // 100k goroutines share a few hundred distinct frames: intern strings and Frame objects so the
  // model holds one copy (and not slices pinning each input line), and groups key on identity.
  const strings = new Map<string, string>();
  const intern = (v: string): string => {
    const have = strings.get(v);
    if (have !== undefined) return have;
    const copy = detach(v);
    strings.set(copy, copy);
    return copy;
  };
  const frameCache = new Map<string, Frame>();
  const internFrame = (func: string, locText: string): Frame => {
    // Keyed without the " +0x… fp=… sp=… pc=…" tail, which differs per goroutine at level 2.
    const loc = parseLocation(locText);
    const file = loc ? loc[0] : locText;
    const line = loc ? loc[1] : 0;
    const key = `${func}\u0000${file}\u0000${line}`;
    let f = frameCache.get(key);
    if (f === undefined) {
      f = { func, file: intern(file), line };
      frameCache.set(key, f);
    }
    return f;
  };

  // A frame or creator line whose location line never came: at the end of a goroutine that is a
  // truncated copy; in the middle, the location line was unreadable.
  const flushPending = (atEnd: boolean) => {
    if (!cur) return;
    if (pendingFunc !== undefined) {
      target.push({ func: pendingFunc, file: '', line: 0 });
      if (atEnd) cur.truncated = true;
      pendingFunc = undefined;
    }
    if (pendingCreator) {
      const cb: CreatedBy = { func: pendingCreator.func, file: '', line: 0, ...(pendingCreator.parentId !== undefined ? { parentId: pendingCreator.parentId } : {}) };
      if (ancestor) ancestor.createdBy = cb;
      else cur.createdBy = cb;
      if (atEnd) cur.truncated = true;
      pendingCreator = undefined;
    }
  };
  const close = () => {
    flushPending(true);
    cur = undefined;
    ancestor = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines.at(i)!;
    const lineNo = i + firstLine;
    // Cheap pre-check: headers are "goroutine " after at most a little indentation.
    let ws = 0;
    while (ws < raw.length && ws < 64 && (raw.charCodeAt(ws) === 32 || raw.charCodeAt(ws) === 9)) ws++;
    const h = raw.startsWith('goroutine ', ws) ? parseHeader(raw) : undefined;
    if (h) {
      close();
      cur = { ...h.header, line: lineNo, frames: [] };
      cur.state = intern(cur.state);
      indent = h.indent;
      target = cur.frames;
      goroutines.push(cur);
      continue;
    }
    if (!cur) {
      skipped++;
      if (firstSkipped < 0) firstSkipped = lineNo;
      continue;
    }
    // De-indent by the header's indentation; a line with less indentation ends the goroutine.
    let line = raw;
    if (indent) {
      if (!raw.startsWith(indent)) {
        if (raw.trim() === '') {
          if (pendingFunc === undefined && pendingCreator === undefined) close();
          continue;
        }
        close();
        skipped++;
        if (firstSkipped < 0) firstSkipped = lineNo;
        continue;
      }
      line = raw.slice(indent.length);
    }
    if (line.trim() === '') {
      // A blank line ends the goroutine, unless an ancestor section follows (it does not here:
      // printAncestorTraceback prints right after the creator line).
      close();
      continue;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      const text = line.trim();
      if (pendingFunc !== undefined) {
        target.push(internFrame(pendingFunc, text));
        pendingFunc = undefined;
        continue;
      }
      if (pendingCreator) {
        const loc = parseLocation(text);
        const cb: CreatedBy = {
          func: pendingCreator.func,
          file: loc ? intern(loc[0]) : text,
          line: loc ? loc[1] : 0,
          ...(pendingCreator.parentId !== undefined ? { parentId: pendingCreator.parentId } : {}),
        };
        if (ancestor) ancestor.createdBy = cb;
        else cur.createdBy = cb;
        pendingCreator = undefined;
        continue;
      }
      if (text === 'goroutine running on other thread; stack unavailable') {
        cur.stackUnavailable = true;
        continue;
      }
      innerSkipped++;
      if (firstInner < 0) firstInner = lineNo;
      continue;
    }
    flushPending(false);
    let m: RegExpExecArray | null;
    const c0 = line.charCodeAt(0);
    if (c0 === 46 /* . */ && (m = ELIDED.exec(line))) {
      if (ancestor) continue;
      cur.elided = Number(m[1]);
      continue;
    }
    if (c0 === 46 && line === '...additional frames elided...') {
      if (!ancestor) cur.elided = -1;
      continue;
    }
    if (c0 === 99 /* c */ && line.startsWith('created by ') && (m = CREATED.exec(line))) {
      pendingCreator = { func: intern(m[1]), ...(m[2] !== undefined ? { parentId: Number(m[2]) } : {}) };
      continue;
    }
    if (c0 === 91 /* [ */ && (m = ORIGIN.exec(line))) {
      ancestor = { id: Number(m[1]), frames: [] };
      (cur.ancestors ??= []).push(ancestor);
      target = ancestor.frames;
      continue;
    }
    let fn = frameFunc(line);
    if (fn === undefined) {
      const next = lines.at(i + 1);
      const nextIsLocation =
        next !== undefined && next.startsWith(indent) && /^[ \t]/.test(next.slice(indent.length)) && parseLocation(next.trim()) !== undefined;
      if (nextIsLocation) fn = frameFunc(line, true);
    }
    if (fn !== undefined) {
      pendingFunc = intern(fn);
      continue;
    }
    // Hard-wrap debris ("21903258 sp=0x… pc=0x…") and other unreadable lines inside a goroutine.
    innerSkipped++;
    if (firstInner < 0) firstInner = lineNo;
  }
  close();

  if (skipped) {
    warnings.push({ code: 'skipped-lines', message: `${skipped} lines outside goroutine dumps skipped (first at line ${firstSkipped})`, offset: firstSkipped });
  }
  if (innerSkipped) {
    warnings.push({ code: 'unreadable-lines', message: `${innerSkipped} unreadable lines inside goroutines skipped (first at line ${firstInner})`, offset: firstInner });
  }
  return { goroutines, warnings, skippedLines: skipped + innerSkipped };
}
