// debug=2 goroutine dumps, which share their grammar with runtime.Stack(all), panics and SIGQUIT
// tracebacks (runtime/traceback.go: goroutineheader, traceback2, printcreatedby1,
// printAncestorTraceback). Input may be noisy: logs before, register dumps after, Markdown
// indentation, terminal hard-wraps, two processes interleaved. We find headers, read the frames
// that follow, and count everything else as skipped noise (one warning per kind, with a line).
import type { ParseWarning } from '../model/errors';
import type { CreatedBy } from '../model/profile-model';
import type { Frame } from '../model/stack';
import { parseHeader } from './header';
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

const ELIDED = /^\.\.\.(\d+) frames elided\.\.\.$/;
const CREATED = /^created by (.+?)(?: in goroutine (\d+))?$/;
const ORIGIN = /^\[originating from goroutine (\d+)\]:$/;
// File then line; `+0x…`, `fp= sp= pc=` (level ≥2) and hard-wrap debris may follow. Lazy so a
// Windows drive colon ("C:/Program Files/…") stays in the file name.
const LOCATION = /^(.+?):(\d+)(?=\s|$)/;

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

export function parseDebug2Lines(lines: readonly string[], firstLine = 1): Debug2Result {
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
    const raw = lines[i];
    const lineNo = i + firstLine;
    const h = parseHeader(raw);
    if (h) {
      close();
      cur = { ...h.header, line: lineNo, frames: [] };
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
        const loc = LOCATION.exec(text);
        target.push(loc ? { func: pendingFunc, file: loc[1], line: Number(loc[2]) } : { func: pendingFunc, file: text, line: 0 });
        pendingFunc = undefined;
        continue;
      }
      if (pendingCreator) {
        const loc = LOCATION.exec(text);
        const cb: CreatedBy = {
          func: pendingCreator.func,
          file: loc ? loc[1] : text,
          line: loc ? Number(loc[2]) : 0,
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
    if ((m = ELIDED.exec(line))) {
      if (ancestor) continue;
      cur.elided = Number(m[1]);
      continue;
    }
    if (line === '...additional frames elided...') {
      if (!ancestor) cur.elided = -1;
      continue;
    }
    if ((m = CREATED.exec(line))) {
      pendingCreator = { func: m[1], ...(m[2] !== undefined ? { parentId: Number(m[2]) } : {}) };
      continue;
    }
    if ((m = ORIGIN.exec(line))) {
      ancestor = { id: Number(m[1]), frames: [] };
      (cur.ancestors ??= []).push(ancestor);
      target = ancestor.frames;
      continue;
    }
    const next = lines[i + 1];
    const nextIsLocation = next !== undefined && next.startsWith(indent) && /^[ \t]/.test(next.slice(indent.length)) && LOCATION.test(next.trim());
    const fn = frameFunc(line, nextIsLocation);
    if (fn !== undefined) {
      pendingFunc = fn;
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
