import type { AnalysisResult } from '../../../analysis/verdict';
import type { TraceModel } from '../../../parsers/model';

export interface WorkerRequest {
  file: Blob & { name: string };
}

export type WorkerReply =
  | { kind: 'progress'; bytesRead: number; bytesTotal: number }
  | { kind: 'done'; model: TraceModel; analysis: AnalysisResult }
  | { kind: 'error'; code: string; message: string };
