// Who else is inside the function a goroutine is parked in. A goroutine waiting for a lock, a
// WaitGroup or a channel inside f is usually waiting on another goroutine that is also inside f
// (the lock holder past its Lock, the worker that will call Done, the other end of a local
// channel). If one of those is running, runnable, in a syscall, reading a socket or sleeping, the
// wait can still end; if every other goroutine inside f is itself parked waiting on a goroutine,
// they are a stuck cohort (a lock-order inversion, a missed signal between instances).
// Counted over the user's functions on each live goroutine's stack, once per goroutine.
import type { Frame } from '../../parsers/model';
import { isStdFunction } from '../frames';

export interface FunctionActivity {
  /** Live goroutines with `func` on their stack that are not parked on another goroutine. */
  active(func: string): number;
  /** Live goroutines with `func` on their stack that are parked on another goroutine. */
  parked(func: string): number;
}

export class FunctionActivityBuilder {
  private readonly activeCount = new Map<string, number>();
  private readonly parkedCount = new Map<string, number>();
  private readonly memo = new Map<readonly Frame[], readonly string[]>();

  /** Records `n` live goroutines with this stack, and whether they wait on another goroutine. */
  add(stack: readonly Frame[], waitsOnGoroutine: boolean, n = 1): void {
    let funcs = this.memo.get(stack);
    if (!funcs) {
      funcs = [...new Set(stack.filter((f) => !isStdFunction(f.func)).map((f) => f.func))];
      this.memo.set(stack, funcs);
    }
    const m = waitsOnGoroutine ? this.parkedCount : this.activeCount;
    for (const f of funcs) m.set(f, (m.get(f) ?? 0) + n);
  }

  build(): FunctionActivity {
    return { active: (f) => this.activeCount.get(f) ?? 0, parked: (f) => this.parkedCount.get(f) ?? 0 };
  }
}
