// The leak hunt in browser mode on the fixture corpus (real Go programs, test/goprograms):
// a trace with its goroutineleak profile as evidence, the suspects panel driving the timeline,
// exports checked byte for byte against `leakline report` on the same files, per-test
// attribution on the `go test -trace` fixture, and ignore rules shared with the CLI through
// the project's .leakline.json. Expected goroutines come from truth.json (written by the Go
// program from the runtime's own view), not from Leakline.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { artifacts, chooseFiles, closeAllDocuments, collectErrors, root, serveOrigin, serveUrl, startServe } from '../support';

const FIX = resolve(root, 'test/fixtures/go1.26');

interface Truth {
  leaks: { startFunc: string; count: number; ids: number[]; inLeakProfile?: boolean; test?: string }[];
}
const truthOf = (scenario: string) => JSON.parse(readFileSync(join(FIX, scenario, 'truth.json'), 'utf8')) as Truth;

/** `leakline report` as CI runs it, in the folder holding the files (so inputs are named alike). */
function cli(cwd: string, args: string[]): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [resolve(root, 'bin/leakline.js'), 'report', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`leakline report failed (${r.status}): ${r.stderr}`);
  return { stdout: r.stdout, status: r.status };
}

test.use({ viewport: { width: 1440, height: 900 } });

// The shared server keeps documents: leave it as found for the specs that expect the empty state.
test.afterEach(async ({ page }) => {
  if (page.url().startsWith(serveOrigin())) await closeAllDocuments(page);
});

async function upload(page: Page, file: string): Promise<void> {
  // Ctrl+O is the page's own shortcut only once it knows it runs in browser mode (connected).
  await expect(page.getByText('browser mode')).toBeVisible();
  await chooseFiles(page, () => page.keyboard.press('Control+o'), file);
  await expect(page.getByTestId('trace-view')).toHaveAttribute('data-idle', 'true', { timeout: 30_000 });
}

/** Opens the collapsed low verdicts and selects the one whose line has `text` (it becomes a card). */
async function openLow(panel: Locator, text: string): Promise<void> {
  const low = panel.getByTestId('low-verdicts');
  await expect(low).toContainText('(parked, probably fine)');
  if ((await low.getAttribute('open')) === null) await low.locator('summary').click();
  await low.getByTestId('low-verdict').filter({ hasText: text }).first().click();
}

/** Goroutine ids of the rows on screen, sorted. */
const shownIds = (page: Page) =>
  page
    .getByTestId('goroutine-row')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-goroutine'))))
    .then((ids) => ids.sort((a, b) => a - b));


test('trace + goroutineleak evidence: proven suspect first, filters the timeline, exports equal the CLI', async ({ page, context }) => {
  const scenario = 'http-handler-leak';
  const dir = join(FIX, scenario);
  const leak = truthOf(scenario).leaks.find((l) => l.inLeakProfile)!;
  const errors = collectErrors(page);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
  await upload(page, join(dir, 'trace.out'));
  const panel = page.getByTestId('suspects-panel');
  await expect(panel.getByTestId('suspect').first()).toBeVisible();
  // The trace alone does not prove it.
  await expect(panel.getByTestId('suspect').first()).not.toHaveAttribute('data-confidence', 'proven');

  const chooser = page.waitForEvent('filechooser');
  await panel.getByTestId('add-evidence').click();
  await (await chooser).setFiles(join(dir, 'goroutineleak.pb.gz'));
  await expect(panel.getByTestId('evidence-file')).toHaveText(/goroutineleak\.pb\.gz/, { timeout: 30_000 });
  const first = panel.getByTestId('suspect').first();
  await expect(first).toHaveAttribute('data-confidence', 'proven', { timeout: 30_000 });
  await expect(first).toContainText(leak.startFunc.replace(/^main\./, ''));
  await expect(first.getByTestId('suspect-note-proven')).toBeVisible();
  // Selecting it filters the timeline to exactly its goroutines and selects the first.
  await first.click();
  const sorted = [...leak.ids].sort((a, b) => a - b);
  await expect.poll(() => shownIds(page)).toEqual(sorted);
  const firstRow = await page.getByTestId('goroutine-row').first().getAttribute('data-goroutine');
  await expect(page.getByTestId('details').getByTestId('details-id')).toHaveText(firstRow!);
  // Proven on the timeline too: the leaking goroutines' row headers carry the proven mark.
  for (const id of leak.ids) await expect(page.locator(`[data-testid=goroutine-row][data-goroutine="${id}"]`)).toHaveAttribute('data-leak', 'proven');
  await page.screenshot({ path: resolve(artifacts, 'hunt-suspects-proven.png') });

  // J/K step through suspects (there is one here: J keeps it, the list wraps).
  await page.getByTestId('show-all').click();
  await expect(page.getByTestId('goroutine-row').first()).toBeVisible();
  await page.keyboard.press('j');
  await expect(first).toHaveAttribute('aria-pressed', 'true');

  // Every export format equals `leakline report` on the same two files.
  await panel.getByTestId('export-open').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: resolve(artifacts, 'hunt-export-dialog.png') });
  for (const format of ['json', 'md', 'html', 'sarif'] as const) {
    await dialog.getByTestId(`format-${format}`).check();
    const dl = page.waitForEvent('download');
    await dialog.getByTestId('export-go').click();
    const d = await dl;
    expect(d.suggestedFilename()).toBe(`trace.leakline.${format}`);
    const got = readFileSync((await d.path())!, 'utf8');
    const want = cli(dir, ['trace.out', 'goroutineleak.pb.gz', '--format', format]);
    expect(want.status).toBe(1); // the CLI fails CI on this leak
    expect(got, `${format} export differs from the CLI's`).toBe(want.stdout);
  }
  await dialog.getByTestId('copy-markdown').click();
  await expect(dialog.getByTestId('export-status')).toContainText('Copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  expect(clip).toBe(cli(dir, ['trace.out', 'goroutineleak.pb.gz', '--format', 'md']).stdout);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('go test -trace: the leak is attributed to TestLeaky, not the parallel TestClean', async ({ page }) => {
  const truth = truthOf('testleak');
  expect(truth.leaks[0].test).toBe('TestLeaky');
  await page.goto(serveUrl());
  await closeAllDocuments(page);
  await upload(page, join(FIX, 'testleak/trace.out'));
  const panel = page.getByTestId('suspects-panel');
  // From the trace alone the leak is low: listed among the collapsed low verdicts, then opened.
  await openLow(panel, 'TestLeaky');
  const card = panel.locator(`[data-testid=suspect]`).filter({ hasText: 'TestLeaky' });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId('suspect-test')).toHaveText('in test TestLeaky');
  await expect(panel).not.toContainText('TestClean');
  await expect.poll(() => shownIds(page)).toEqual(truth.leaks[0].ids);
  await page.screenshot({ path: resolve(artifacts, 'hunt-testleak.png') });
});

test('an ignore rule added in the app is written to .leakline.json and the CLI then agrees', async ({ page }) => {
  const scenario = 'chan-recv-no-sender';
  const leak = truthOf(scenario).leaks[0];
  const folder = mkdtempSync(join(tmpdir(), 'leakline-project-'));
  copyFileSync(join(FIX, scenario, 'trace.out'), join(folder, 'trace.out'));
  const before = JSON.parse(cli(folder, ['trace.out', '--format', 'json']).stdout) as { leaks: { startFunction: string }[] };
  expect(before.leaks.map((l) => l.startFunction)).toContain(leak.startFunc);

  // Opened by path (as `leakline serve <file>` does), so the project folder is the file's folder.
  const server = await startServe(['--port', '0', join(folder, 'trace.out')]);
  try {
    await page.goto(server.url);
    const panel = page.getByTestId('suspects-panel');
    await expect(panel.getByTestId('project-folder')).toHaveText(`${folder}/.leakline.json`);
    await openLow(panel, leak.startFunc.replace(/^main\./, ''));
    const card = panel.getByTestId('suspect').filter({ hasText: leak.startFunc.replace(/^main\./, '') });
    await expect(card).toHaveCount(1);
    await panel.getByTestId('ignore-rules').locator('summary').click();
    await panel.getByTestId('ignore-anyFunction').click();
    await expect(panel.getByTestId('ignore-rule')).toHaveText(new RegExp(leak.startFunc.replace(/[.*()]/g, '\\$&')));
    await expect(panel.getByTestId('suspect').or(panel.getByTestId('low-verdict')).filter({ hasText: leak.startFunc.replace(/^main\./, '') })).toHaveCount(0);
    await expect(panel.getByTestId('ignored-count')).toHaveText(`${leak.count} goroutines hidden by your ignore rules`);
    await page.screenshot({ path: resolve(artifacts, 'hunt-ignore-rule.png') });
  } finally {
    await server.stop();
  }
  const cfgPath = join(folder, '.leakline.json');
  expect(existsSync(cfgPath)).toBe(true);
  expect(JSON.parse(readFileSync(cfgPath, 'utf8'))).toEqual({ ignore: { anyFunction: [leak.startFunc] } });
  const after = JSON.parse(cli(folder, ['trace.out', '--format', 'json']).stdout) as { leaks: { startFunction: string }[] };
  expect(after.leaks.map((l) => l.startFunction)).not.toContain(leak.startFunc);
});

test('a trace dropped together with its snapshots opens as one document; shrinking snapshots downgrade, with the reason', async ({ page }) => {
  const dir = join(FIX, 'growing-leak');
  await page.goto(serveUrl());
  await expect(page.getByText('browser mode')).toBeVisible();
  await closeAllDocuments(page);
  // Newest snapshot first: read as a series, the group shrinks 15 → 10 → 5 (its goroutines "finish").
  const names = ['trace.out', 'goroutine-3.debug1.txt', 'goroutine-2.debug1.txt', 'goroutine-1.debug1.txt'];
  const files = names.map((n) => ({ name: n, b64: readFileSync(join(dir, n)).toString('base64') }));
  await page.evaluate((fs) => {
    const dt = new DataTransfer();
    for (const f of fs) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await expect(page.locator('.tab-close')).toHaveCount(1, { timeout: 30_000 });
  const panel = page.getByTestId('suspects-panel');
  // Three uploads, then the Node side parses the trace and the snapshots: slow on a busy 2-core box.
  await expect(panel.getByTestId('evidence-file')).toHaveCount(3, { timeout: 30_000 });
  // Downgraded to low: collapsed with the other low verdicts, marked, and the reason on its card.
  await openLow(panel, 'downgraded');
  const note = panel.getByTestId('suspect-note-down');
  await expect(note).toContainText('Downgraded');
  await expect(note).toContainText('15 → 10 → 5');
  await page.screenshot({ path: resolve(artifacts, 'hunt-downgraded.png') });
});
