// `npm run bench:ui`: Playwright drives pan and zoom on big traces in browser mode and reports
// frame times from the browser's own clock. Not part of the normal test run.
import { defineConfig } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { findChromium } from '../../support/prerequisites.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const port = Number(process.env.LEAKLINE_BENCH_PORT ?? 5392);
// webServer starts `leakline serve` before any test runs, so the bench fixes its token
// (LEAKLINE_TOKEN). Set in the environment here, in the runner, so the workers it forks (which
// load this file again) see the same value and timeline.bench.ts can navigate with it.
process.env.LEAKLINE_TOKEN ??= randomBytes(32).toString('base64url');
const BENCH_TOKEN = process.env.LEAKLINE_TOKEN;
const executablePath = findChromium();

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.bench\.ts$/,
  outputDir: path.join(root, 'test/artifacts/bench-ui'),
  workers: 1,
  timeout: 25 * 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1600, height: 1000 },
    deviceScaleFactor: 1,
    launchOptions: { ...(executablePath ? { executablePath } : {}), args: ['--js-flags=--max-old-space-size=8192'] },
  },
  webServer: {
    command: `node bin/leakline.js serve --port ${port}`,
    env: { LEAKLINE_TOKEN: BENCH_TOKEN },
    cwd: root,
    url: `http://127.0.0.1:${port}/?token=${BENCH_TOKEN}`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
