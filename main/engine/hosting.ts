// How the Node side (Electron main, `leakline serve`) gets its engines: a worker_thread per
// document from the built worker script next to the host bundle; in-process only when that
// script is missing (running from sources), with a warning, so nothing silently runs on the loop.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InProcessEngine } from './engine';
import { EngineRegistry, ENGINE_WORKER_FILE, type EngineTarget } from './engine-registry';
import { openFileSource } from './file-source';
import { WorkerEngine } from './worker-engine';

export function findEngineWorker(dirs: readonly (string | undefined)[]): string | null {
  const env = process.env['LEAKLINE_ENGINE_WORKER'];
  if (env && existsSync(env)) return resolve(env);
  for (const d of dirs) {
    if (!d) continue;
    const f = join(d, ENGINE_WORKER_FILE);
    if (existsSync(f)) return resolve(f);
  }
  return null;
}

export function createEngineRegistry(workerFile: string | null, warn: (m: string) => void): EngineRegistry {
  if (!workerFile) warn(`${ENGINE_WORKER_FILE} not found (run \`npm run build\`): parsing runs in-process`);
  return new EngineRegistry((t: EngineTarget) =>
    workerFile ? new WorkerEngine({ workerFile, path: t.path, name: t.name }) : inProcessEngine(t.path, t.name),
  );
}

/** An engine on the calling thread for the file at `path` (tests; sources without a build). */
export function inProcessEngine(path: string, name: string): InProcessEngine {
  return new InProcessEngine(() => openFileSource(path, name), name, openFileSource);
}
