import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

import { repoRoot } from '../support/corpus';

export const root = repoRoot;
export const artifacts = resolve(root, 'test/artifacts');
export const pkgVersion = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The address the shared `leakline serve` printed, with its token (`?token=…`). */
export function serveUrl(): string {
  const url = process.env['LEAKLINE_URL'];
  if (!url) throw new Error('LEAKLINE_URL unset: test/e2e/global-setup.ts did not run');
  return url;
}

/** http://127.0.0.1:<port>: the page drops the token from its address once the cookie is set. */
export function serveOrigin(): string {
  return new URL(serveUrl()).origin;
}

/** Console errors and uncaught exceptions of a page, collected from the first navigation on. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/** Starts another `leakline serve` with arguments; resolves its URL (with the token) and a stopper. */
export async function startServe(args: string[]): Promise<{ url: string; stop: () => Promise<void>; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve(root, 'bin/leakline.js'), 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) ok(m[1]);
    });
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => fail(new Error(`serve exited ${code}: ${out}`)));
  });
  return {
    url,
    child,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

export { realworldTraces } from '../support/corpus';

/**
 * Closes every open document through the tabs' close buttons. All specs share one `leakline serve`
 * (global-setup), which keeps documents across pages, so a spec that assumes a clean first screen
 * (or leaves tabs behind) calls this.
 */
export async function closeAllDocuments(page: Page): Promise<void> {
  for (let n = await page.locator('.tab-close').count(); n > 0; n = await page.locator('.tab-close').count()) {
    await page.locator('.tab-close').first().click();
    await expect(page.locator('.tab-close')).toHaveCount(n - 1);
  }
}

/**
 * Picks `files` in the file chooser that `trigger` opens. A keyboard shortcut can land before
 * Playwright's file-chooser interception is active (it is switched on asynchronously when the
 * listener is added), and the picker is then dropped silently; the trigger is repeated until a
 * chooser arrives (an `<input type=file>` left over from a lost attempt is harmless).
 */
export async function chooseFiles(page: Page, trigger: () => Promise<void>, files: string | string[]): Promise<void> {
  await expect(async () => {
    const chooser = page.waitForEvent('filechooser', { timeout: 5_000 });
    await trigger();
    await (await chooser).setFiles(files);
  }).toPass({ timeout: 30_000 });
}

/** A fresh first screen, then `file` opened with Ctrl+O; resolves once its timeline is idle. */
export async function openTraceFile(page: Page, file: string): Promise<void> {
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
  await chooseFiles(page, () => page.keyboard.press('Control+o'), file);
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
}
