import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { RecentFile } from '../../contract';

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

/** Persists to a small JSON file (Electron: userData/recent.json). A corrupt file starts empty. */
export function jsonRecentStore(file: string): RecentStore {
  let items: RecentFile[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) items = parsed.filter(isRecentFile).slice(0, MAX_RECENT);
  } catch {
    items = [];
  }
  const save = () => {
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(items, null, 2));
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
