export declare const ELECTRON_DOWNLOAD_NODE: readonly [number, number];
export declare function installedElectron(electronDir: string): string | undefined;
export declare function ensureElectron(deps: {
  electronDir: string;
  download: () => number;
  nodeVersion: string;
  log: (line: string) => void;
}): { binary: string } | { error: string };
