import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

export const root = resolve(import.meta.dirname, '../..');
export const artifacts = resolve(root, 'test/artifacts');
export const pkgVersion = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;

export function serveUrl(): string {
  const url = process.env['LEAKLINE_URL'];
  if (!url) throw new Error('LEAKLINE_URL unset: test/e2e/global-setup.ts did not run');
  return url;
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

/** Starts another `leakline serve` with arguments; resolves its URL and a stopper. */
export async function startServe(args: string[]): Promise<{ url: string; stop: () => Promise<void>; child: ChildProcess }> {
  const child = spawn(process.execPath, [resolve(root, 'bin/leakline.js'), 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
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

export interface TraceEntry {
  file: string;
  size: number;
  path: string;
}

export function sharedDir(): string {
  const candidates = [process.env['LEAKLINE_SHARED'], resolve(root, '../shared'), resolve(root, '../../shared')].filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      readFileSync(resolve(c, 'realworld/traces/index.json'));
      return c;
    } catch {
      // try the next
    }
  }
  throw new Error(`shared/ corpus not found in ${candidates.join(', ')}`);
}

export function realworldTraces(): TraceEntry[] {
  const dir = resolve(sharedDir(), 'realworld/traces');
  const index = JSON.parse(readFileSync(resolve(dir, 'index.json'), 'utf8')) as { file: string; size: number }[];
  return index.map((e) => ({ file: e.file, size: e.size, path: resolve(dir, e.file) }));
}

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
