// Runs only where node_modules/electron/dist exists (see playwright.config.ts): launches the
// built app and checks the window's first screen and its security preferences.
import { _electron as electron, expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import { artifacts, root } from '../support';

test('the desktop app opens a secure window with the empty state', async () => {
  const app = await electron.launch({ args: [resolve(root, 'out/main/index.js')], cwd: root });
  try {
    const win = await app.firstWindow();
    await expect(win.getByRole('heading', { name: 'Open a trace or profile…' })).toBeVisible();
    // contextIsolation + sandbox + no nodeIntegration: the page sees neither require nor process.
    expect(await win.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
      'undefined',
      'undefined',
    ]);
    const version = await app.evaluate(({ app }) => app.getVersion());
    await expect(win.locator('footer')).toContainText(`Leakline ${version}`);
    const verbs = await win.evaluate(() => Object.keys((window as unknown as { leakline: object }).leakline));
    expect(verbs).toEqual(expect.arrayContaining(['getVersion', 'openFile', 'openPath', 'openDropped', 'closeDocument', 'onProgress']));
    expect(verbs).not.toContain('invoke');
    await win.screenshot({ path: resolve(artifacts, 'electron-empty-state.png') });
  } finally {
    await app.close();
  }
});
