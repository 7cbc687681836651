// The parsers `leakline report` can use, in sniffing order. Each entry wires one parser from
// parsers/ (pure) to the CLI; parsers land on main one by one (trace, pprof, goroutine text).
import type { InputLoader } from './report-inputs';

export const DEFAULT_LOADERS: readonly InputLoader[] = [];
