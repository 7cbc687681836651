// Where a goroutine blocks and where it was created, in the user's code.
// A blocked stack reads (innermost first) runtime.gopark → runtime.chansend1 → main.leak.func1:
// the developer's line is the first frame outside the runtime and the standard library's
// blocking wrappers. Package paths decide "standard library": its top-level path element
// has no dot (std) except `main`; the list below avoids calling a dot-less module path std.
import type { Frame } from '../parsers/model';
import type { Site } from '../parsers/model/analysis-result';

export type { Site } from '../parsers/model/analysis-result';

// Top-level directories of GOROOT/src (Go 1.19–1.27). A user module without a dot in its path
// ("example/leaks") is then still user code unless it collides with one of these names.
const STD_ROOTS = new Set(
  (
    'archive bufio builtin bytes cmp compress container context crypto database debug embed encoding errors ' +
    'expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect ' +
    'regexp runtime slices sort strconv strings structs sync syscall testing text time unicode unique unsafe ' +
    'vendor weak'
  ).split(' '),
);

/** "net/http.(*conn).serve" → "net/http"; "main.worker.func1" → "main". */
export function packageOf(func: string): string {
  const slash = func.lastIndexOf('/');
  const dot = func.indexOf('.', slash + 1);
  return dot < 0 ? func : func.slice(0, dot);
}

export function isStdFunction(func: string): boolean {
  const pkg = packageOf(func);
  if (pkg === 'main') return false;
  const root = pkg.split('/')[0];
  return !root.includes('.') && STD_ROOTS.has(root);
}

export function isRuntimeFunction(func: string): boolean {
  return func.startsWith('runtime.') || func.startsWith('internal/runtime/');
}

export function frameToSite(f: Frame): Site {
  return { function: f.func, file: f.file, line: f.line };
}

/**
 * The frame a developer would fix: the innermost non-standard-library frame; when the whole stack
 * is standard library (net/http's conn goroutines), the innermost non-runtime frame.
 */
export function blockingFrame(stack: readonly Frame[]): Frame | undefined {
  const user = stack.find((f) => !isStdFunction(f.func));
  if (user) return user;
  return stack.find((f) => !PRIMITIVE_PKG.test(f.func)) ?? stack.find((f) => !isRuntimeFunction(f.func)) ?? stack[0];
}

// Packages that implement the blocking itself: in an all-std stack the caller of these is the site.
const PRIMITIVE_PKG = /^(runtime|sync|time|internal\/[^.]+|syscall)\./;

/** goleak's "top function": the innermost frame that is not runtime.* (gopark, chanrecv…). */
export function topFunction(stack: readonly Frame[]): string {
  return (stack.find((f) => !isRuntimeFunction(f.func)) ?? stack[0])?.func ?? '';
}

/** Entry function: the outermost frame that is not runtime.goexit. */
export function entryFunction(stack: readonly Frame[]): string {
  for (let i = stack.length - 1; i >= 0; i--) {
    if (stack[i].func !== 'runtime.goexit') return stack[i].func;
  }
  return '';
}

/** The go statement's site from a creator stack (trace GoCreate): skip runtime.newproc frames. */
export function creationFrame(creatorStack: readonly Frame[]): Frame | undefined {
  return creatorStack.find((f) => !isRuntimeFunction(f.func));
}

/** "notifier.go:42" — the base name keeps explanations one line long. */
export function shortSite(site: Pick<Site, 'file' | 'line'>): string {
  const base = site.file.slice(site.file.lastIndexOf('/') + 1);
  return site.line > 0 ? `${base}:${site.line}` : base || '?';
}

/** "main.handleRequest" → "handleRequest"; "pkg/x.(*T).run.func1" → "(*T).run.func1". */
export function shortFunction(func: string): string {
  const slash = func.lastIndexOf('/');
  const dot = func.indexOf('.', slash + 1);
  return dot < 0 ? func : func.slice(dot + 1);
}
