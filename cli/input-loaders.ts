// The parsers `leakline report` can use, in sniffing order. Each entry wires one parser from
// parsers/ (pure) to the CLI; parsers land on main one by one (trace, pprof, goroutine text).
import { isGoroutineText, parseGoroutineText } from '../parsers/goroutines/index';
import { isPprof, parsePprof } from '../parsers/pprof/index';
import { isGoTrace, parseTrace } from '../parsers/trace';
import type { InputLoader } from './report-inputs';

// Trace first (its magic is exact), then text (never accepts binary), then proto (accepts any gzip).
export const DEFAULT_LOADERS: readonly InputLoader[] = [
  { name: 'go-trace', sniff: isGoTrace, load: async (source) => ({ trace: await parseTrace(source) }) },
  { name: 'goroutine-text', sniff: isGoroutineText, load: async (source) => ({ profile: await parseGoroutineText(source) }) },
  { name: 'pprof-proto', sniff: isPprof, load: async (source) => ({ profile: await parsePprof(source) }) },
];
