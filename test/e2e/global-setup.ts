// Starts `node bin/leakline.js serve` (the built CLI, as a user runs it), waits for the URL it
// prints, and hands it to the tests in LEAKLINE_URL. Returns the teardown that stops it.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ELECTRON_PRESENT } from '../../playwright.config';

const root = resolve(import.meta.dirname, '../..');
/** Generous: on a 2-core box shared with other jobs, Node start-up alone can take seconds. */
const START_TIMEOUT_MS = 30_000;

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(resolve(root, 'out/cli/main.js')) || !existsSync(resolve(root, 'out/renderer/index.html'))) {
    throw new Error('The app is not built: run `npm run build` (npm run test:e2e does it for you).');
  }
  if (!ELECTRON_PRESENT) {
    console.log(
      '\n[e2e] Electron smoke test NOT RUN: node_modules/electron/dist is absent (Electron 45 fetches ' +
        'its binary on first use, e.g. `npm start` or `npx install-electron`, and this machine cannot ' +
        'reach its download). It runs wherever that download has happened.\n',
    );
  }
  const child = spawn(process.execPath, [resolve(root, 'bin/leakline.js'), 'serve', '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`leakline serve printed no URL in ${START_TIMEOUT_MS} ms:\n${out}${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    child.on('exit', (code) => fail(new Error(`leakline serve exited with ${code}:\n${out}${stderr}`)));
  });
  process.env['LEAKLINE_URL'] = url;
  console.log(`[e2e] leakline serve is up at ${url}`);
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  };
}
