// One requestAnimationFrame owner per window (Perfetto's RafScheduler): canvases register a draw
// callback and ask for a frame; however many requests arrive, each callback runs at most once per
// frame. `onIdle` lets the UI publish an idle flag (data-idle) that Playwright waits for before a
// screenshot, instead of sleeping.
export type DrawCallback = () => void;

export class FrameScheduler {
  private readonly callbacks = new Set<DrawCallback>();
  private readonly dirty = new Set<DrawCallback>();
  private handle = 0;
  private idleListeners = new Set<(idle: boolean) => void>();
  /** Last frame's draw time in ms, for the perf readout and the bench. */
  lastDrawMs = 0;
  /** Draw times of the last 4096 frames (ring buffer), read by `npm run bench:ui`. */
  readonly drawTimes = new Float64Array(4096);
  frames = 0;

  constructor(
    private readonly raf: (cb: FrameRequestCallback) => number = (cb) => requestAnimationFrame(cb),
    private readonly now: () => number = () => performance.now(),
  ) {}

  register(cb: DrawCallback): () => void {
    this.callbacks.add(cb);
    this.request(cb);
    return () => {
      this.callbacks.delete(cb);
      this.dirty.delete(cb);
    };
  }

  /** Marks one callback (or all) dirty and schedules a frame. */
  request(cb?: DrawCallback): void {
    if (cb) this.dirty.add(cb);
    else for (const c of this.callbacks) this.dirty.add(c);
    if (this.handle !== 0) return;
    const wasIdle = this.dirty.size > 0;
    this.handle = this.raf(() => this.run());
    if (wasIdle) for (const l of this.idleListeners) l(false);
  }

  get hasPendingFrames(): boolean {
    return this.handle !== 0;
  }

  onIdleChange(l: (idle: boolean) => void): () => void {
    this.idleListeners.add(l);
    return () => this.idleListeners.delete(l);
  }

  private run(): void {
    this.handle = 0;
    const t0 = this.now();
    const todo = [...this.dirty];
    this.dirty.clear();
    for (const cb of todo) if (this.callbacks.has(cb)) cb();
    this.lastDrawMs = this.now() - t0;
    this.drawTimes[this.frames++ % this.drawTimes.length] = this.lastDrawMs;
    if (this.handle === 0) for (const l of this.idleListeners) l(true);
  }
}
