// The parsers `leakline report` can use, in sniffing order. Each entry wires one parser from
// parsers/ (pure) to the CLI.
import { isGoroutineText, parseGoroutineText } from '../parsers/goroutines/index';
import { isPprof, parsePprof } from '../parsers/pprof/index';
import { isGoTrace, parseTrace } from '../parsers/trace';
import type { InputLoader } from './report-inputs';

const goTrace: InputLoader = { name: 'go-trace', sniff: isGoTrace, load: async (source) => ({ trace: await parseTrace(source) }) };

const goroutineText: InputLoader = {
  name: 'goroutine-text',
  sniff: isGoroutineText,
  load: async (source) => ({ profile: await parseGoroutineText(source) }),
};

const pprofProto: InputLoader = {
  name: 'pprof-proto',
  sniff: isPprof,
  load: async (source) => ({ profile: await parsePprof(source) }),
};

// Trace first (exact header); text before proto: the proto check accepts any gzip, text checks
// never accept binary.
export const DEFAULT_LOADERS: readonly InputLoader[] = [goTrace, goroutineText, pprofProto];
