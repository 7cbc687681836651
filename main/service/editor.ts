// "Open this frame in my editor": validation of what the renderer asks for, path remapping for
// traces recorded on another machine, and the editor command line. No shell is involved: the
// command and its arguments go to spawn() as an argv array, and the file must be absolute, so a
// path can never start with '-' and be read as an option (`code -g`, `goland --line`).
import { spawn as nodeSpawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EditorKind, EditorSettings, EditorTarget, PathRemap } from '../../contract';
import { writeFileAtomicSync } from './atomic-write';
import { BridgeFault } from './bridge-error';
import { readOwnJson } from './settings-file';
import { MAX_PATH_CHARS } from './validate';

const isAbsolute = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');

const EDITORS: readonly EditorKind[] = ['vscode', 'goland', 'env'];
/** Go line numbers are int32 in the runtime's tables; 10^7 lines is beyond any real file. */
const MAX_LINE = 10_000_000;
/** Remaps are typed by hand in settings; 64 is far more than a person maintains. */
const MAX_REMAPS = 64;

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { editor: 'vscode', remaps: [] };

const bad = (msg: string) => new BridgeFault('bad-request', msg);

function exactKeys(v: object, keys: readonly string[], what: string): void {
  for (const k of Object.keys(v)) if (!keys.includes(k)) throw bad(`${what}: unexpected field ${k}`);
}

export function validateEditorTarget(value: unknown): EditorTarget {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('target must be an object');
  const v = value as Record<string, unknown>;
  exactKeys(v, ['file', 'line'], 'target');
  // Relative paths are allowed here: binaries built with -trimpath record module paths
  // ("example.com/svc/main.go") that only a remapping turns into a file; openInEditor checks
  // the remapped path is absolute. A leading '-' could pass for an editor option: refused.
  const file = v.file;
  if (typeof file !== 'string' || file.length === 0 || file.length > MAX_PATH_CHARS) throw bad('file must be a non-empty path');
  if (file.includes('\0')) throw bad('path contains a NUL character');
  if (/[\r\n]/.test(file)) throw bad('path contains a line break');
  if (file.startsWith('-')) throw bad('path must not start with -');
  const line = v.line;
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1 || line > MAX_LINE) throw bad('line must be an integer from 1');
  return { file, line };
}

function validateRemap(value: unknown): PathRemap {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('remap must be an object');
  const v = value as Record<string, unknown>;
  exactKeys(v, ['from', 'to'], 'remap');
  for (const k of ['from', 'to'] as const) {
    const s = v[k];
    if (typeof s !== 'string' || s.length === 0 || s.length > MAX_PATH_CHARS || s.includes('\0')) throw bad(`remap.${k} must be a non-empty path prefix`);
  }
  return { from: v.from as string, to: v.to as string };
}

export function validateEditorSettings(value: unknown): EditorSettings {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw bad('settings must be an object');
  const v = value as Record<string, unknown>;
  exactKeys(v, ['editor', 'remaps'], 'settings');
  if (!EDITORS.includes(v.editor as EditorKind)) throw bad(`editor must be one of ${EDITORS.join(', ')}`);
  if (!Array.isArray(v.remaps) || v.remaps.length > MAX_REMAPS) throw bad(`remaps must be a list of at most ${MAX_REMAPS}`);
  return { editor: v.editor as EditorKind, remaps: v.remaps.map(validateRemap) };
}

/** Rewrites the longest matching prefix; Windows-recorded paths ('\\') are normalised to '/' when mapped to a POSIX prefix. */
export function remapPath(file: string, remaps: readonly PathRemap[]): string {
  let best: PathRemap | undefined;
  for (const r of remaps) if (file.startsWith(r.from) && (!best || r.from.length > best.from.length)) best = r;
  if (!best) return file;
  let rest = file.slice(best.from.length);
  if (best.to.startsWith('/')) rest = rest.replace(/\\/g, '/');
  const sep = best.to.endsWith('/') || best.to.endsWith('\\') || rest.startsWith('/') || rest.startsWith('\\') || rest === '' ? '' : '/';
  return best.to + sep + rest;
}

/** Splits $EDITOR the way shells do for simple values ("code --wait", "emacsclient -n"); quotes are not interpreted. */
function splitCommand(s: string): string[] {
  return s.trim().split(/\s+/).filter(Boolean);
}

export interface EditorCommand {
  command: string;
  args: string[];
}

export function editorCommand(kind: EditorKind, file: string, line: number, env: Record<string, string | undefined>): EditorCommand {
  switch (kind) {
    case 'vscode':
      return { command: 'code', args: ['-g', `${file}:${line}`] };
    case 'goland':
      return { command: 'goland', args: ['--line', String(line), file] };
    case 'env': {
      const parts = splitCommand(env.VISUAL || env.EDITOR || '');
      if (parts.length === 0) throw new BridgeFault('bad-request', 'Neither $VISUAL nor $EDITOR is set: choose VS Code or GoLand in the editor settings');
      const [command, ...rest] = parts;
      // vi, vim, nvim, nano, emacs, micro, helix and kak all take "+LINE FILE".
      return { command, args: [...rest, `+${line}`, file] };
    }
  }
}

export interface EditorStore {
  get(): EditorSettings;
  set(s: EditorSettings): void;
}

export function memoryEditorStore(initial: EditorSettings = DEFAULT_EDITOR_SETTINGS): EditorStore {
  let cur = initial;
  return { get: () => cur, set: (s) => void (cur = s) };
}

/**
 * Persists to a small JSON file (Electron: userData/editor.json), written atomically. A damaged
 * file means defaults, and is kept as editor.json.bak and reported through `warn`.
 */
export function jsonEditorStore(file: string, warn: (m: string) => void = () => {}): EditorStore {
  let cur = readOwnJson(file, (v) => ({ value: validateEditorSettings(v) }), DEFAULT_EDITOR_SETTINGS, warn);
  return {
    get: () => cur,
    set: (s) => {
      cur = s;
      try {
        mkdirSync(dirname(file), { recursive: true });
        writeFileAtomicSync(file, JSON.stringify(s, null, 2));
      } catch {
        // settings stay in memory for this session
      }
    },
  };
}

export type Spawner = (command: string, args: string[]) => Promise<void>;

/** Starts the editor detached; rejects when the command does not exist. */
export const spawnDetached: Spawner = (command, args) =>
  new Promise((resolve, reject) => {
    const child = nodeSpawn(command, args, { detached: true, stdio: 'ignore', shell: false });
    child.once('error', (err: NodeJS.ErrnoException) =>
      reject(new BridgeFault(err.code === 'ENOENT' ? 'not-found' : 'io', err.code === 'ENOENT' ? `Editor command "${command}" not found on PATH` : `Could not start ${command}: ${err.message}`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });

/** Remaps, checks the file exists here, then launches the editor. */
export async function openInEditor(target: EditorTarget, settings: EditorSettings, spawner: Spawner, env: Record<string, string | undefined>): Promise<void> {
  const file = remapPath(target.file, settings.remaps);
  if (!isAbsolute(file)) {
    throw new BridgeFault('not-found', `${file} is not an absolute path (the program was built with -trimpath?): add a path remapping from its module prefix to your checkout in the editor settings.`);
  }
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) {
    const hint = file === target.file ? ' Add a path remapping in the editor settings if the trace was recorded on another machine.' : '';
    throw new BridgeFault('not-found', `${file} does not exist on this machine.${hint}`);
  }
  const cmd = editorCommand(settings.editor, file, target.line, env);
  await spawner(cmd.command, cmd.args);
}
