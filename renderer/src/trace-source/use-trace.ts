// The timeline's data source for a document: { model, analysis, progress, error }. Today it
// parses in a Web Worker from the bytes the renderer holds (uploads, the sample); the engine's
// streaming hook takes over for documents it serves.
import { useEffect, useState } from 'react';
import type { DocumentId } from '../../../contract';
import type { AnalysisResult } from '../../../analysis/verdict';
import type { TraceModel } from '../../../parsers/model';
import { localFile, whenLocalFile } from '../bridge/local-files';
import type { WorkerReply } from './worker-protocol';

export interface TraceState {
  model: TraceModel | null;
  analysis: AnalysisResult | null;
  progress: { bytesRead: number; bytesTotal: number } | null;
  error: { code: string; message: string } | null;
}

const cache = new Map<DocumentId, TraceState>();
const NO_ENGINE = {
  code: 'no-engine',
  message: 'This document is parsed by the engine, which is not available in this build yet. Open the file in the browser (leakline serve) to view it here.',
};

export function useTrace(id: DocumentId): TraceState {
  const [state, setState] = useState<TraceState>(() => cache.get(id) ?? { model: null, analysis: null, progress: null, error: null });
  useEffect(() => {
    const cached = cache.get(id);
    if (cached?.model || cached?.error) {
      setState(cached);
      return;
    }
    let worker: Worker | null = null;
    // An upload's file arrives within its HTTP round trip; after 3 s there is none to wait for.
    const noFile = setTimeout(() => setState({ model: null, analysis: null, progress: null, error: NO_ENGINE }), 3000);
    const start = () => {
      const file = localFile(id)!;
      clearTimeout(noFile);
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
      const w = worker;
      w.onmessage = (e: MessageEvent<WorkerReply>) => {
        const r = e.data;
        if (r.kind === 'progress') setState((s) => ({ ...s, progress: { bytesRead: r.bytesRead, bytesTotal: r.bytesTotal } }));
        else {
          const s: TraceState =
            r.kind === 'done'
              ? { model: r.model, analysis: r.analysis, progress: null, error: null }
              : { model: null, analysis: null, progress: null, error: { code: r.code, message: r.message } };
          cache.set(id, s);
          setState(s);
          w.terminate();
        }
      };
      w.postMessage({ file });
    };
    const off = whenLocalFile(id, start);
    return () => {
      off();
      clearTimeout(noFile);
      worker?.terminate();
    };
  }, [id]);
  return state;
}
