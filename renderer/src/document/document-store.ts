// One open document's data on the renderer side: the engine's messages go in, immutable
// snapshots (a new object and version per change) come out, so React re-renders only when there
// is something new. The trace model of a snapshot is built on first access and memoised, so a
// component that shows only progress never pays for grouping millions of spans.
import type { EngineError, EngineFormat, EngineMessage, EngineProgress } from '../../../contract';
import type { AnalysisResult, Verdict } from '../../../analysis/verdict';
import type { Profile } from '../../../parsers/model/profile-model';
import type { TraceModel } from '../../../parsers/model/trace-model';
import { TraceAccumulator } from './trace-accumulator';

export type DocumentStatus = 'connecting' | 'loading' | 'analysing' | 'done' | 'error';

export interface DocumentSnapshot {
  readonly version: number;
  readonly status: DocumentStatus;
  readonly file: string;
  readonly format: EngineFormat | null;
  readonly progress: EngineProgress | null;
  /** Trace documents: the model so far (provisional rows until `status` leaves 'loading'). */
  readonly model: TraceModel | null;
  /** Profile documents (pprof, goroutine dumps). */
  readonly profile: Profile | null;
  readonly analysis: AnalysisResult | null;
  readonly verdicts: readonly Verdict[];
  /** Why the data is incomplete ("stopped at byte N because …"), when it is. */
  readonly partial: EngineError | null;
  /** Why the load failed; data that arrived before stays in `model`/`profile`. */
  readonly error: EngineError | null;
  readonly analysisError: EngineError | null;
  /** Trace chunks received (the e2e test checks rows appear while this grows). */
  readonly chunks: number;
}

type Listener = () => void;
const NO_VERDICTS: readonly Verdict[] = [];

export class DocumentStore {
  private readonly trace = new TraceAccumulator();
  private snap: DocumentSnapshot;
  private readonly listeners = new Set<Listener>();
  private status: DocumentStatus = 'connecting';
  private format: EngineFormat | null = null;
  private progress: EngineProgress | null = null;
  private profile: Profile | null = null;
  private analysis: AnalysisResult | null = null;
  private partial: EngineError | null = null;
  private error: EngineError | null = null;
  private analysisError: EngineError | null = null;
  private isTrace = false;

  constructor(private readonly file: string) {
    this.snap = this.build(0);
  }

  getSnapshot = (): DocumentSnapshot => this.snap;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  /** Applies one engine message; returns false when it was the last one. */
  apply(msg: EngineMessage): boolean {
    let more = true;
    switch (msg.type) {
      case 'start':
        this.format = msg.format;
        this.isTrace = msg.format === 'go-trace';
        this.status = 'loading';
        this.progress = { phase: 'read', bytesRead: 0, bytesTotal: msg.bytesTotal, goroutinesSoFar: 0, generation: 0 };
        break;
      case 'progress':
        this.progress = msg.progress;
        if (msg.progress.phase === 'analyse') this.status = 'analysing';
        break;
      case 'trace-chunk': {
        this.trace.applyChunk(msg.chunk);
        const c = msg.chunk;
        this.progress = { phase: 'read', bytesRead: c.bytesRead, bytesTotal: c.bytesTotal, goroutinesSoFar: c.goroutinesSoFar, generation: c.generation };
        break;
      }
      case 'trace-final':
        this.trace.applyFinal(msg.final);
        if (msg.final.partial) this.partial = msg.final.partial;
        this.progress = { phase: 'read', bytesRead: msg.final.bytes, bytesTotal: msg.final.bytes, goroutinesSoFar: msg.final.goroutines.count, generation: msg.final.generations };
        break;
      case 'profile':
        this.profile = msg.profile;
        break;
      case 'analysis':
        this.analysis = msg.result;
        break;
      case 'done':
        this.status = 'done';
        if (msg.partial) this.partial = msg.partial;
        if (msg.analysisError) this.analysisError = msg.analysisError;
        // A partial load (cancelled, damaged) read up to where it stopped, not the whole file.
        if (this.progress) {
          const cut = this.partial && this.partial.offsetKind === 'byte' && this.partial.offset >= 0 ? this.partial.offset : this.progress.bytesTotal;
          this.progress = { ...this.progress, phase: 'read', bytesRead: cut };
        }
        more = false;
        break;
      case 'error':
        this.fail(msg.error);
        more = false;
        break;
    }
    this.publish();
    return more;
  }

  /** The stream ended or broke before its last message (engine crash, lost connection). */
  fail(error: EngineError): void {
    this.status = 'error';
    this.error = error;
    if (this.isTrace && this.trace.chunks > 0 && !this.trace.final) {
      this.trace.markStopped(error.code, error.message);
      this.partial = { ...error, offset: this.trace.bytesRead, offsetKind: 'byte' };
    }
    this.publish();
  }

  private publish(): void {
    this.snap = this.build(this.snap.version + 1);
    for (const l of this.listeners) l();
  }

  private build(version: number): DocumentSnapshot {
    const trace = this.trace;
    const hasTrace = this.isTrace && (trace.chunks > 0 || trace.final !== null);
    const base = {
      version,
      status: this.status,
      file: this.file,
      format: this.format,
      progress: this.progress,
      profile: this.profile,
      analysis: this.analysis,
      verdicts: this.analysis?.verdicts ?? NO_VERDICTS,
      partial: this.partial,
      error: this.error,
      analysisError: this.analysisError,
      chunks: trace.chunks,
    };
    // `model` is computed on first read and memoised by the accumulator, which holds one model
    // at a time: snapshots do not pin models of their own (React's previous fiber keeps the
    // previous snapshot alive, and a model of a 50 MB trace is ~350 MB of columns). A snapshot
    // read after a newer one was published therefore shows the newer data: rows only get added.
    const snap = Object.defineProperty(base as DocumentSnapshot, 'model', {
      enumerable: true,
      get: () => (hasTrace ? trace.snapshot() : null),
    });
    return Object.freeze(snap);
  }
}
