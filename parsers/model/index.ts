export * from './units';
export * from './errors';
export * from './byte-source';
export * from './stack';
export * from './goroutine-state';
export * from './trace-model';
export * from './span-store';
export * from './profile-model';
