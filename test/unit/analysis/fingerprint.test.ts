import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../analysis/fingerprint';
import { blockingFrame, isStdFunction, shortSite } from '../../../analysis/frames';

describe('fingerprint', () => {
  it('is a versioned 64-bit hex id that depends on entry and blocking function only', () => {
    const a = fingerprint('main.fetch.func1', 'main.fetch.func1');
    expect(a).toMatch(/^llfp1:[0-9a-f]{16}$/);
    expect(fingerprint('main.fetch.func1', 'main.fetch.func1')).toBe(a);
    expect(fingerprint('main.fetch.func2', 'main.fetch.func1')).not.toBe(a);
    expect(fingerprint('main.fetch.func1', 'main.fetch')).not.toBe(a);
    // Field boundaries matter: ("a.b", "c") and ("a", "b.c") must differ.
    expect(fingerprint('a.b', 'c')).not.toBe(fingerprint('a', 'b.c'));
  });
});

describe('frames', () => {
  it('tells standard library from user code by package path', () => {
    expect(isStdFunction('net/http.(*conn).serve')).toBe(true);
    expect(isStdFunction('internal/poll.runtime_pollWait')).toBe(true);
    expect(isStdFunction('main.main')).toBe(false);
    expect(isStdFunction('github.com/acme/x.F')).toBe(false);
    expect(isStdFunction('goprograms/internal/harness.Main')).toBe(false);
  });
  it('blocks at the first user frame, not in sync or runtime', () => {
    const f = blockingFrame([
      { func: 'runtime.gopark', file: 'runtime/proc.go', line: 435 },
      { func: 'sync.(*Mutex).Lock', file: 'sync/mutex.go', line: 46 },
      { func: 'main.(*store).put', file: 'goprograms/mutex-error-path/main.go', line: 40 },
    ]);
    expect(f?.func).toBe('main.(*store).put');
    expect(shortSite({ file: 'goprograms/mutex-error-path/main.go', line: 40 })).toBe('main.go:40');
  });
});
