// Go execution trace parser (v2 format, Go 1.22–1.26; v1 format, Go 1.11–1.21, in v1/). See README.md.
export { isGoTrace, readHeader, SUPPORTED_VERSIONS } from './header';
export { parseTrace, type ParseTraceOptions } from './parse-trace';
export { expandSpans } from './expand-spans';
export type { GoroutineTransitionRecord } from './model-builder';
export { EventStream, Step } from './event-stream';
export { TraceEvent } from './event';
export { Ev, EVENT_NAMES, NONE } from './spec';
export { GoTransition, ProcTransition, goTransition, procTransition, eventStack, eventKind, EVENT_KIND_NAMES, GO_STATE_STRINGS } from './transition';
