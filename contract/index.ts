export type * from './bridge';
export * from './protocol';
export type * from './ipc-envelope';
export * from './engine';
export type * from './hunt';
export { HUNT_REPORT_FORMATS } from './hunt';
export type * from './session';
export * from './project-config';
