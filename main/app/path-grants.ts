// Which paths the Electron renderer may name. The path-taking verbs (openPath, addEvidence,
// setProjectFolder) used to accept any absolute path, so a compromised renderer (an XSS in a
// trace's strings, say) could open any file the user can read and read its stacks back. Now a
// path must have come from the user in this session: a native dialog, a drop (the preload turns
// a dropped File into its path with webUtils.getPathForFile — a page cannot make such a File up),
// the command line or the OS (argv, open-file), or the recent list. Folders: one picked in a
// dialog, or the folder of a file granted or open.
import { dirname, resolve } from 'node:path';

export class PathGrants {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(private readonly recent: () => readonly { path: string }[] = () => []) {}

  grantFile(path: string): void {
    this.files.add(resolve(path));
  }

  grantFolder(path: string): void {
    this.folders.add(resolve(path));
  }

  allowsFile(path: string): boolean {
    const p = resolve(path);
    return this.files.has(p) || this.recent().some((r) => resolve(r.path) === p);
  }

  allowsFolder(path: string): boolean {
    const p = resolve(path);
    if (this.folders.has(p)) return true;
    for (const f of this.files) if (dirname(f) === p) return true;
    return false;
  }
}

/** The verbs that name a path, and which of their arguments it is. */
export const PATH_ARGUMENT: Partial<Record<string, { index: number; kind: 'file' | 'folder' }>> = {
  openPath: { index: 0, kind: 'file' },
  addEvidence: { index: 1, kind: 'file' },
  setProjectFolder: { index: 1, kind: 'folder' },
};

/** Null when `verb(args)` names only granted paths, else why not. */
export function checkPathGrant(grants: PathGrants, verb: string, args: readonly unknown[]): string | null {
  const spec = PATH_ARGUMENT[verb];
  if (!spec) return null;
  const path = args[spec.index];
  if (typeof path !== 'string') return null; // validation reports the shape
  const ok = spec.kind === 'file' ? grants.allowsFile(path) : grants.allowsFolder(path);
  return ok ? null : `${verb}: ${path} was not chosen in a dialog, dropped, given on the command line or in the recent list`;
}
