// How the runtime shows a debug=0 (proto) stack in the text formats, so one capture's three
// encodings can be compared (see test/differential/goroutine-formats.test.ts).
import type { Frame } from '../../parsers/model/stack';

const isRuntime = (f: string) => f.startsWith('runtime.') || f.startsWith('internal/runtime/');

function exportedRuntime(func: string): boolean {
  const rest = func.slice('runtime.'.length);
  const last = rest.slice(rest.lastIndexOf('.') + 1);
  return /^[A-Z]/.test(last);
}

/** runtime/pprof printStackRecord: leading runtime frames and runtime.goexit hidden. */
export function debug1View(stack: readonly Frame[]): Frame[] {
  const pass = (all: boolean) => {
    let show = all;
    const out: Frame[] = [];
    for (const f of stack) {
      if (/^0x/.test(f.func)) {
        show = true;
        out.push(f);
      } else if (f.func !== 'runtime.goexit' && (show || !isRuntime(f.func))) {
        show = true;
        out.push(f);
      }
    }
    return show ? out : undefined;
  };
  return pass(false) ?? pass(true)!;
}

/** runtime traceback showfuncinfo at level 1: unexported runtime.* frames hidden anywhere. */
export function debug2View(stack: readonly Frame[]): Frame[] {
  const shown = stack.filter(
    (f) => f.func.includes('.') && (!f.func.startsWith('runtime.') || exportedRuntime(f.func) || f.func === 'runtime.runFinalizers' || f.func === 'runtime.runCleanups'),
  );
  return shown.length ? shown : stack.filter((f) => f.func !== 'runtime.goexit');
}

export const sig = (frames: readonly Frame[]) => frames.map((f) => `${f.func} ${f.file}:${f.line}`).join(' | ');
export const isWriter = (frames: readonly Frame[]) =>
  frames.some((f) => /^runtime\/pprof\.(writeGoroutine|writeRuntimeProfile|writeGoroutineStacks|writeGoroutineLeak)/.test(f.func) || f.func.startsWith('runtime/trace.'));

export function tally(entries: { frames: readonly Frame[]; count: number; labels?: Readonly<Record<string, string>> }[], withLabels: boolean): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) {
    if (isWriter(e.frames)) continue;
    const k = sig(e.frames) + (withLabels && e.labels ? ` ${JSON.stringify(Object.entries(e.labels).sort())}` : '');
    out[k] = (out[k] ?? 0) + e.count;
  }
  return Object.fromEntries(Object.entries(out).sort());
}

