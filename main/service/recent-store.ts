import { mkdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RecentFile } from '../../contract';
import { writeFileAtomicSync } from './atomic-write';
import { readOwnJson } from './settings-file';

/** Matches what File › Open Recent shows on macOS by default (10 items). */
export const MAX_RECENT = 10;

export interface RecentStore {
  list(): RecentFile[];
  add(path: string, nowMs: number): void;
  clear(): void;
}

function withAdded(list: RecentFile[], path: string, nowMs: number): RecentFile[] {
  const entry: RecentFile = { path, name: basename(path), lastOpenedAtMs: nowMs };
  return [entry, ...list.filter((r) => r.path !== path)].slice(0, MAX_RECENT);
}

export function memoryRecentStore(): RecentStore {
  let items: RecentFile[] = [];
  return {
    list: () => items.slice(),
    add: (path, nowMs) => {
      items = withAdded(items, path, nowMs);
    },
    clear: () => {
      items = [];
    },
  };
}

function isRecentFile(v: unknown): v is RecentFile {
  const r = v as RecentFile;
  return !!r && typeof r.path === 'string' && typeof r.name === 'string' && typeof r.lastOpenedAtMs === 'number';
}

function acceptRecent(v: unknown): { value: RecentFile[]; problem?: string } {
  if (!Array.isArray(v)) return { value: [], problem: 'not a list' };
  const good = v.filter(isRecentFile).slice(0, MAX_RECENT);
  const bad = v.length - v.filter(isRecentFile).length;
  return bad ? { value: good, problem: `${bad} of ${v.length} entries unreadable` } : { value: good };
}

/**
 * Persists to a small JSON file (Electron: userData/recent.json), written atomically. A damaged
 * file is kept as recent.json.bak and reported through `warn`; its readable entries are kept.
 */
export function jsonRecentStore(file: string, warn: (m: string) => void = () => {}): RecentStore {
  let items = readOwnJson(file, acceptRecent, [] as RecentFile[], warn);
  const save = () => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomicSync(file, JSON.stringify(items, null, 2));
    } catch {
      // A read-only profile directory must not break opening files; the list stays in memory.
    }
  };
  return {
    list: () => items.slice(),
    add: (path, nowMs) => {
      items = withAdded(items, path, nowMs);
      save();
    },
    clear: () => {
      items = [];
      save();
    },
  };
}
