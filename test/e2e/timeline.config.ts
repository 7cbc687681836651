// Playwright for the timeline, in browser mode against `leakline serve` (npm run build first).
// Chromium: PLAYWRIGHT_CHROMIUM or /usr/bin/chromium when present, else Playwright's own.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const port = Number(process.env.LEAKLINE_E2E_PORT ?? 5391);
const executablePath = process.env.PLAYWRIGHT_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: /timeline.*\.spec\.ts$/,
  outputDir: path.join(root, 'test/artifacts/results'),
  // Screenshots live beside the other artifacts, named by test and size, no platform suffix:
  // the tolerance below absorbs font hinting differences between machines.
  snapshotPathTemplate: path.join(root, 'test/artifacts/screenshots/{arg}{ext}'),
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { toHaveScreenshot: { maxDiffPixelRatio: 0.02, animations: 'disabled' } },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: executablePath ? { executablePath } : {},
    deviceScaleFactor: 1,
  },
  webServer: {
    command: `node bin/leakline.js serve --port ${port}`,
    cwd: root,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 20_000,
  },
});
