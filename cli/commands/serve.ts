import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngineRegistry, findEngineWorker } from '../../main/engine/hosting';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { startServer, type RunningServer } from '../../main/serve/server';
import { version } from '../../package.json';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';

const usage = `Usage: leakline serve [files…] [--port N]

Serves the Leakline app to a browser on this machine (http://127.0.0.1 only) and prints its URL.
Files given are opened at once; more can be opened from the page (they are uploaded to the
local server, never further). Stop with Ctrl+C.

Options:
  --port N   listen on port N (default: a free port)
  -h, --help show this help`;

/** out/renderer next to the built CLI (out/cli), or out/renderer from the source tree (tests). */
export function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env['LEAKLINE_RENDERER_DIR'], join(here, '../renderer'), join(here, '../../out/renderer')];
  for (const c of candidates) if (c && existsSync(join(c, 'index.html'))) return resolve(c);
  return null;
}

export function parsePort(value: string | true | undefined): number {
  if (value === undefined) return 0;
  if (value === true || !/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port needs a number 0–65535, got ${String(value)}`);
  return Number(value);
}

/** Starts the server; exported for tests, which close it themselves. */
export async function startServe(argv: string[], warn: (m: string) => void): Promise<RunningServer> {
  const { flags, positionals } = parseArgs(argv, { '--port': 'string' });
  const port = parsePort(flags['--port']);
  const files = positionals.map((p) => resolve(p));
  for (const f of files) {
    if (!existsSync(f)) throw new UsageError(`${f}: no such file`);
    if (!statSync(f).isFile()) throw new UsageError(`${f}: not a regular file`);
  }
  const rendererDir = findRendererDir();
  if (!rendererDir) throw new Error('the app is not built: run `npm run build` first');
  // The worker script sits next to the built CLI (out/cli/engine-worker.js).
  const here = dirname(fileURLToPath(import.meta.url));
  const engines = createEngineRegistry(findEngineWorker([here, join(here, '../../out/cli')]), warn);
  const service = new BridgeService({
    appInfo: { name: 'Leakline', version, mode: 'browser', versions: { node: process.versions.node } },
    recent: memoryRecentStore(),
    engines,
  });
  for (const f of files) await service.openPath(f);
  return startServer({ service, rendererDir, port, warn, engines });
}

export const serve: Command = {
  name: 'serve',
  summary: 'open Leakline in a browser (serves the app on 127.0.0.1)',
  usage,
  async run(argv) {
    const server = await startServe(argv, (m) => process.stderr.write(`leakline serve: ${m}\n`));
    process.stdout.write(`Leakline ${version} is serving on ${server.url}\nOpen that address in a browser; press Ctrl+C to stop.\n`);
    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.ok;
  },
};
