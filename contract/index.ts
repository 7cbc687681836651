export type * from './bridge';
export * from './protocol';
export type * from './ipc-envelope';
export * from './engine';
