// End-to-end tests: Debian's Chromium against `leakline serve` (started by test/e2e/global-setup.ts
// from the built app, exactly as a user runs it). The Electron smoke test is a second project that
// runs only where the Electron binary exists.
import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

import { findChromium } from './test/support/prerequisites.mjs';

/** $CHROMIUM_PATH, Playwright's own Chromium, or /usr/bin/chromium (test/support/prerequisites.mjs). */
export const CHROMIUM = findChromium();
export const ELECTRON_PRESENT = existsSync(new URL('./node_modules/electron/dist', import.meta.url));

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: [['list']],
  timeout: 60_000,
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testMatch: /browser\/.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    // Listed only when it can run; global-setup prints why it did not otherwise.
    ...(ELECTRON_PRESENT ? [{ name: 'electron', testMatch: /electron\/.*\.spec\.ts/ }] : []),
  ],
});
