// The parsers `leakline report` can use, in sniffing order. Each entry wires one parser from
// parsers/ (pure) to the CLI; parsers land on main one by one (trace, pprof, goroutine text).
import { isGoroutineText, parseGoroutineText } from '../parsers/goroutines/index';
import { isPprof, parsePprof } from '../parsers/pprof/index';
import type { InputLoader } from './report-inputs';

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

// Text before proto: the proto check accepts any gzip, text checks never accept binary.
export const DEFAULT_LOADERS: readonly InputLoader[] = [goroutineText, pprofProto];
