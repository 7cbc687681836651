// One document's session, inside its engine: after the load it keeps the model and answers the
// typed requests of contract/session.ts. Evidence files are parsed here (through the one door)
// and cached while unchanged, so adding evidence or editing ignore rules re-runs only the
// analysis, never a parser on the host. Pure: no node:*, files come through an injected opener.
import { analyze, type AnalysisInput } from '../../analysis/analyze';
import { NO_RULES } from '../../analysis/ignore';
import { writeReport } from '../../analysis/report';
import { traceEndState } from '../../analysis/trace-end-state';
import { compareSnapshots, orderSnapshots, provenByEvidence, splitLeakEvidence } from '../../analysis/compare';
import { diffFlame, flameOfProfile } from '../../analysis/flame';
import type { GoroutineProfile, Profile } from '../../parsers/model/profile-model';
import type { EvidenceFile, HuntIgnoreRules, SessionFailure, SessionReply, SessionRequest, SessionRequestKind } from '../../contract';
import type { ByteSource } from '../../parsers/model/byte-source';
import { ParseError } from '../../parsers/model/errors';
import { inputModel, openInput } from '../../parsers/open-input';

/**
 * Bound on one evidence file. Go caps debug=2 dumps at 64 MiB and the text parser refuses beyond
 * 512 MiB; a trace given as evidence streams and has no such bound.
 */
export const MAX_EVIDENCE_FILE_BYTES = 512 * 1024 * 1024;

/** A file opened for reading; `version` changes when the file does (size and mtime). */
export type SessionSource = ByteSource & { close(): Promise<void>; readonly version: string };
export type SessionOpener = (path: string, name: string) => Promise<SessionSource>;

/** A failure as plain data: ParseError names the file, fs errors the path; the rest is a bug. */
export function sessionFailure(err: unknown, file: string): SessionFailure {
  if (err instanceof SessionError) return err.failure;
  if (err instanceof ParseError) return { kind: 'parse', code: err.code, message: err.describe(file), file };
  const errno = (err as { code?: unknown } | null)?.code;
  if (typeof errno === 'string' && /^E[A-Z]+$/.test(errno)) return { kind: 'fs', errno, path: file };
  return { kind: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** Carries a SessionFailure through promise chains unchanged. */
export class SessionError extends Error {
  constructor(readonly failure: SessionFailure) {
    super('message' in failure ? failure.message : `${failure.path}: ${failure.errno}`);
  }
}

export class DocumentSession {
  private readonly doc: Promise<AnalysisInput>;
  private settle!: { resolve: (i: AnalysisInput) => void; reject: (e: unknown) => void };
  private readonly evidence = new Map<string, { version: string; input: Promise<AnalysisInput> }>();
  private closed = false;

  constructor(
    private readonly file: string,
    private readonly open: SessionOpener,
  ) {
    this.doc = new Promise<AnalysisInput>((resolve, reject) => (this.settle = { resolve, reject }));
    this.doc.catch(() => undefined); // a failed load is reported when a request asks
  }

  /** The engine's load finished: this model answers every request from now on. */
  loaded(input: AnalysisInput): void {
    this.settle.resolve(input);
  }

  /** The load failed: requests fail with its reason (the document itself is unreadable). */
  failed(err: unknown): void {
    this.settle.reject(new SessionError(sessionFailure(err, this.file)));
  }

  /** Frees the model and the parsed evidence; later requests fail as closed. */
  close(): void {
    this.closed = true;
    this.failed(new SessionError({ kind: 'closed', message: `${this.file} was closed` }));
    this.evidence.clear();
  }

  async handle<K extends SessionRequestKind>(req: SessionRequest<K>): Promise<SessionReply<K>> {
    if (this.closed) throw new SessionError({ kind: 'closed', message: `${this.file} was closed` });
    const r = req as SessionRequest;
    switch (r.kind) {
      case 'check-evidence': {
        const input = await this.loadEvidence(r.file);
        const format = 'trace' in input ? input.trace.format : input.profile.format;
        return { format } as SessionReply<K>;
      }
      case 'analyse':
        return (await this.analyse(r.evidence, r.rules)) as SessionReply<K>;
      case 'export':
        return writeReport(r.format, await this.analyse(r.evidence, r.rules), r.tool) as SessionReply<K>;
      case 'end-state': {
        const d = await this.doc;
        return ('trace' in d ? traceEndState(d.trace) : d.profile) as SessionReply<K>;
      }
      case 'flame': {
        const first = r.profiles[0];
        const last = r.profiles[r.profiles.length - 1];
        const idx = r.sampleIndex ?? undefined;
        return (r.profiles.length >= 2 && sameShape(first, last) ? diffFlame(first, last, idx) : flameOfProfile(last, idx)) as SessionReply<K>;
      }
      case 'compare': {
        // goroutineleak profiles are evidence (only leaked goroutines), never snapshots of the series.
        const { series, evidence } = splitLeakEvidence(r.snapshots.map((s, i) => ({ ...s, i })));
        const ordered = r.autoOrder ? orderSnapshots(series) : series;
        const goroutines = ordered.filter((s): s is typeof s & { profile: GoroutineProfile } => s.profile.kind === 'goroutines');
        const comparable = goroutines.length >= 2 && goroutines.length === ordered.length;
        const comparison = comparable ? compareSnapshots(goroutines, r.mode) : null;
        const proofs = evidence.flatMap((e) => (e.profile.kind === 'goroutines' ? [e.profile] : []));
        const proven = comparison ? [...provenByEvidence(comparison, proofs)] : [];
        return { order: ordered.map((s) => s.i), comparison, evidence: evidence.map((e) => e.i), proven } as SessionReply<K>;
      }
    }
  }

  private async analyse(evidence: readonly EvidenceFile[], rules: HuntIgnoreRules): Promise<ReturnType<typeof analyze>> {
    const inputs = await Promise.all([this.doc, ...evidence.map((e) => this.loadEvidence(e))]);
    // Evidence no request names any more is dropped (its model can be large).
    const named = new Set(evidence.map((e) => e.path));
    for (const p of [...this.evidence.keys()]) if (!named.has(p)) this.evidence.delete(p);
    return analyze(inputs, { rules: rules ?? NO_RULES });
  }

  /** The evidence file's input, parsed again only when its size or mtime changed. */
  private async loadEvidence(e: EvidenceFile): Promise<AnalysisInput> {
    let source: SessionSource;
    try {
      source = await this.open(e.path, e.name);
    } catch (err) {
      throw new SessionError(sessionFailure(err, e.name));
    }
    const cached = this.evidence.get(e.path);
    if (cached && cached.version === source.version) {
      await source.close();
      return cached.input;
    }
    const input = (async (): Promise<AnalysisInput> => {
      try {
        return { file: e.name, ...inputModel(await openInput(source, { maxProfileBytes: MAX_EVIDENCE_FILE_BYTES })) } as AnalysisInput;
      } catch (err) {
        throw new SessionError(sessionFailure(err, e.name));
      } finally {
        await source.close();
      }
    })();
    const entry = { version: source.version, input };
    this.evidence.set(e.path, entry);
    input.catch(() => {
      if (this.evidence.get(e.path) === entry) this.evidence.delete(e.path);
    });
    return input;
  }
}

/** Two profiles a differential flame graph can subtract: both goroutine profiles, or the same sample types. */
function sameShape(a: Profile, b: Profile): boolean {
  if (a.kind === 'goroutines' || b.kind === 'goroutines') return a.kind === b.kind;
  return a.sampleTypes.map((t) => `${t.type}/${t.unit}`).join() === b.sampleTypes.map((t) => `${t.type}/${t.unit}`).join();
}
