import type { PreloadApi } from '../../../contract';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    readonly leakline?: PreloadApi;
  }
}
