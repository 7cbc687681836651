export * from './units';
export * from './errors';
export * from './byte-source';
export * from './stack';
export * from './goroutine-state';
export * from './trace-model';
export * from './profile-model';
export type * from './analysis-result';
export type * from './cancel';
