import { expect, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { closeAllDocuments, root as repoRoot, serveUrl } from '../support';

export { repoRoot };

export interface Truth {
  scenario: string;
  kind: 'leak' | 'healthy';
  leaks: { count: number; startFunc: string; blockedIn: string; traceReason: string; ids: number[] }[];
}

export function fixture(scenario: string): { trace: string; truth: Truth } {
  const dir = path.join(repoRoot, 'test/fixtures/go1.26', scenario);
  const trace = path.join(dir, 'trace.out');
  if (!existsSync(trace)) throw new Error(`fixture corpus missing: ${trace} (it comes from the fixtures branch; merge main)`);
  return { trace, truth: JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth };
}

/** Opens a file through the page's own Open… button (browser mode uploads it) and waits for the timeline to be idle. */
export async function openTrace(page: Page, file: string): Promise<void> {
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  // One document at a time, so screenshots do not depend on which tests ran before.
  await closeAllDocuments(page);
  // With every tab closed the empty state offers Open…, which browser mode turns into an upload.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: /^Open…/ }).click();
  // Named by scenario so tabs and the window title say which fixture this is.
  const name = `${path.basename(path.dirname(file))}.trace`;
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await waitIdle(page);
}

export async function waitIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
}

export async function visibleRange(page: Page): Promise<{ start: number; end: number }> {
  await waitIdle(page);
  const tv = page.getByTestId('trace-view');
  return { start: Number(await tv.getAttribute('data-view-start')), end: Number(await tv.getAttribute('data-view-end')) };
}
