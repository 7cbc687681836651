import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngineRegistry, findEngineWorker } from '../../main/engine/hosting';
import { BridgeService } from '../../main/service/bridge-service';
import { memoryRecentStore } from '../../main/service/recent-store';
import { startServer, type RunningServer } from '../../main/serve/server';
import { checkGivenToken, newToken, TOKEN_ENV } from '../../main/serve/token';
import { DEFAULT_UPLOAD_QUOTA_BYTES, formatBytes, parseByteSize } from '../../main/serve/upload-area';
import { version } from '../../package.json';
import { parseArgs } from '../args';
import { EXIT, UsageError, type Command } from '../command';
import { groupServeFiles } from '../serve-grouping';

/**
 * Each open document keeps a worker thread with its parser's memory (measured: 100 documents,
 * 100 idle workers, 2.4 GB). 16 is more tabs than a hunt uses and bounds that to ~400 MB.
 */
export const DEFAULT_MAX_DOCUMENTS = 16;

const usage = `Usage: leakline serve [files…] [--port N]

Serves the Leakline app to a browser on this machine (http://127.0.0.1 only) and prints its URL.
The URL carries a random token made for this launch; the server answers nothing without it, so
other programs and users on this machine cannot use it. Files given are opened at once; more
can be opened from the page (they are uploaded to the local server, never further). Stop with
Ctrl+C.

Options:
  --port N              listen on port N (default: a free port)
  --max-documents N     most documents open at once, each with its parsing worker
                        (default ${DEFAULT_MAX_DOCUMENTS}); more are refused until one is closed
  --upload-quota SIZE   most bytes of uploaded copies held at once, e.g. 2GiB, 500M
                        (default ${formatBytes(DEFAULT_UPLOAD_QUOTA_BYTES)})
  --no-token            accept requests without the token (any local program can then read
                        files you can read through this server); prints a warning
  -h, --help            show this help

Environment:
  ${TOKEN_ENV}  use this token instead of a random one (22+ characters of A-Z a-z 0-9 _ -)`;

/** Printed (stderr) whenever the server runs without a token. */
export const NO_TOKEN_WARNING =
  'WARNING: --no-token: any program on this machine, run by any user, can use this server: open files you can read, read their stacks back, write .leakline.json files and start your editor.';

/** The token this launch requires: random, or LEAKLINE_TOKEN, or none with --no-token. */
export function launchToken(noToken: boolean, env: Record<string, string | undefined>): string | null {
  if (noToken) return null;
  const given = env[TOKEN_ENV];
  if (given === undefined || given === '') return newToken();
  try {
    return checkGivenToken(given);
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** out/renderer next to the built CLI (out/cli), or out/renderer from the source tree (tests). */
export function findRendererDir(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [process.env['LEAKLINE_RENDERER_DIR'], join(here, '../renderer'), join(here, '../../out/renderer')];
  for (const c of candidates) if (c && existsSync(join(c, 'index.html'))) return resolve(c);
  return null;
}

export function parseMaxDocuments(value: string | true | undefined): number {
  if (value === undefined) return DEFAULT_MAX_DOCUMENTS;
  if (value === true || !/^[0-9]{1,4}$/.test(value) || Number(value) < 1) throw new UsageError(`--max-documents needs a number 1–9999, got ${String(value)}`);
  return Number(value);
}

export function parseUploadQuota(value: string | true | undefined): number {
  if (value === undefined) return DEFAULT_UPLOAD_QUOTA_BYTES;
  const n = value === true ? null : parseByteSize(value);
  if (n === null || n < 1) throw new UsageError(`--upload-quota needs a size such as 2GiB or 500M, got ${String(value)}`);
  return n;
}

export function parsePort(value: string | true | undefined): number {
  if (value === undefined) return 0;
  if (value === true || !/^[0-9]{1,5}$/.test(value) || Number(value) > 65535) throw new UsageError(`--port needs a number 0–65535, got ${String(value)}`);
  return Number(value);
}

/** Starts the server; exported for tests, which close it themselves. */
export async function startServe(argv: string[], warn: (m: string) => void, env: Record<string, string | undefined> = process.env): Promise<RunningServer> {
  const { flags, positionals } = parseArgs(argv, { '--port': 'string', '--no-token': 'boolean', '--max-documents': 'string', '--upload-quota': 'string' });
  const port = parsePort(flags['--port']);
  const maxDocuments = parseMaxDocuments(flags['--max-documents']);
  const uploadQuotaBytes = parseUploadQuota(flags['--upload-quota']);
  const token = launchToken(flags['--no-token'] === true, env);
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
    maxDocuments,
  });
  if (files.length > maxDocuments) throw new UsageError(`${files.length} files named, but --max-documents is ${maxDocuments}`);
  const groups = await groupServeFiles(files);
  if (groups.trace) {
    const doc = await service.openPath(groups.trace.path);
    for (const e of groups.trace.evidence) {
      try {
        await service.hunt.addEvidence(doc.id, e);
      } catch (err) {
        warn(`${e}: not added as evidence (${(err as Error).message}); opened on its own`);
        await service.openPath(e);
      }
    }
  }
  const seriesIds: string[] = [];
  for (const f of groups.series) seriesIds.push((await service.openPath(f)).id);
  for (const f of groups.alone) await service.openPath(f);
  if (token === null) warn(NO_TOKEN_WARNING);
  const server = await startServer({ service, rendererDir, port, warn, engines, token, uploadQuotaBytes });
  if (seriesIds.length === 0) return server;
  // The page opens the compare view on these documents (renderer/src/state/actions.ts, connect).
  const url = new URL(server.url);
  url.searchParams.set('compare', seriesIds.join(','));
  return { ...server, url: url.href };
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
