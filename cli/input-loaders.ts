// The parsers `leakline report` and `leakline diff` can use, in sniffing order. Each entry wires
// one parser from parsers/ (pure) to the CLI.
import { isGoroutineText, parseGoroutineText } from '../parsers/goroutines/index';
import { isPprof, parsePprof } from '../parsers/pprof/index';
import { isGoTrace, parseTrace } from '../parsers/trace/index';
import type { InputLoader } from './report-inputs';

export const DEFAULT_LOADERS: readonly InputLoader[] = [
  { name: 'go-trace', sniff: (head) => isGoTrace(head), load: async (src) => ({ trace: await parseTrace(src) }) },
  { name: 'goroutine-text', sniff: (head) => isGoroutineText(head), load: async (src) => ({ profile: await parseGoroutineText(src) }) },
  { name: 'pprof', sniff: (head) => isPprof(head), load: async (src) => ({ profile: await parsePprof(src) }) },
];
