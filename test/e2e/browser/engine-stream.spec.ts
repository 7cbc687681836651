// The engine end to end in browser mode: a ~50 MB trace streams into the page generation by
// generation (rows are on screen while it is still loading), progress reaches 100 %, a second
// tab opens a profile, and closing a tab terminates its engine on the server.
import { expect, test } from '@playwright/test';
import { resolve } from 'node:path';
import WebSocket from 'ws';
import { ensureBigTrace } from '../big-trace';
import { artifacts, collectErrors, startServe } from '../support';

/** Asks the server how many engines are alive, over the same WebSocket bridge the page uses (the printed URL's token authorises it). */
async function engineStatus(url: string): Promise<{ liveEngines: number; openDocuments: number }> {
  const u = new URL(url);
  const ws = new WebSocket(`ws://${u.host}/bridge${u.search}`, { origin: `http://${u.host}` });
  try {
    await new Promise((ok, fail) => {
      ws.once('open', ok);
      ws.once('error', fail);
    });
    const reply = new Promise<string>((ok) => ws.once('message', (d) => ok(String(d))));
    ws.send(JSON.stringify({ kind: 'request', seq: 1, verb: 'engineStatus', args: [] }));
    const frame = JSON.parse(await reply) as { ok: boolean; result: { liveEngines: number; openDocuments: number } };
    expect(frame.ok).toBe(true);
    return frame.result;
  } finally {
    ws.close();
  }
}

test('a 50 MB trace streams in: rows before the load completes, 100 %, profile tab, close releases', async ({ page }) => {
  test.setTimeout(300_000);
  const big = ensureBigTrace();
  expect(big.bytes).toBeGreaterThan(40 * 2 ** 20);
  const errors = collectErrors(page);
  // Records, in order, what the page showed: the first goroutine rows (with the load's status at
  // that moment) and the end of the load. Order of events, not wall-clock time.
  await page.addInitScript(() => {
    const w = window as unknown as { __events: { what: string; status: string | null; percent: string | null; rows: number }[] };
    w.__events = [];
    let sawRows = false;
    let sawDone = false;
    new MutationObserver(() => {
      const view = document.querySelector('[data-testid="document-view"]');
      const status = view?.getAttribute('data-status') ?? null;
      const percent = document.querySelector('[data-testid="load-progress"]')?.getAttribute('data-percent') ?? null;
      const rows = document.querySelectorAll('[data-testid="goroutine-row"]').length;
      if (!sawRows && rows > 0) {
        sawRows = true;
        w.__events.push({ what: 'rows', status, percent, rows });
      }
      if (!sawDone && status === 'done') {
        sawDone = true;
        w.__events.push({ what: 'done', status, percent, rows });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });

  // The trace is named on the serve command line, as `leakline serve big.trace` would.
  const server = await startServe([big.trace]);
  try {
    await page.goto(server.url);
    const view = page.getByTestId('document-view');
    await expect(view).toHaveAttribute('data-status', 'done', { timeout: 240_000 });
    await expect(page.getByTestId('load-progress')).toHaveAttribute('data-percent', '100');
    const events = await page.evaluate(() => (window as unknown as { __events: { what: string; status: string; percent: string; rows: number }[] }).__events);
    const rowsAt = events.findIndex((e) => e.what === 'rows');
    const doneAt = events.findIndex((e) => e.what === 'done');
    expect(rowsAt, JSON.stringify(events)).toBeGreaterThanOrEqual(0);
    expect(doneAt).toBeGreaterThan(rowsAt);
    // When the first rows appeared the engine was still reading the file.
    expect(events[rowsAt].status).toBe('loading');
    expect(Number(events[rowsAt].percent)).toBeLessThan(100);
    expect(Number(await view.getAttribute('data-chunks'))).toBeGreaterThan(1);
    await expect(page.getByTestId('goroutine-row').first()).toBeVisible();
    // test/e2e/bigtrace parks exactly 25 goroutines on a channel nobody sends to.
    await expect(page.getByTestId('verdict-count')).toHaveText('25');
    await page.screenshot({ path: resolve(artifacts, 'engine-big-trace.png') });

    // A second tab: the goroutine profile of the same process, uploaded through the picker.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open another file' }).click();
    await (await chooser).setFiles(big.profile);
    await expect(page.getByRole('tab', { name: 'goroutine.pb.gz' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('profile-type')).toContainText('goroutine');
    await expect(page.getByTestId('document-view')).toHaveAttribute('data-status', 'done');
    expect(await engineStatus(server.url)).toEqual({ liveEngines: 2, openDocuments: 2 });

    // Closing the trace's tab terminates its engine.
    await page.getByRole('button', { name: 'Close trace.out' }).click();
    await expect(page.getByRole('tab', { name: 'trace.out' })).toHaveCount(0);
    await expect.poll(() => engineStatus(server.url)).toEqual({ liveEngines: 1, openDocuments: 1 });
    expect(errors).toEqual([]);
  } finally {
    await server.stop();
  }
});

test('an unknown file gets a clear message naming it', async ({ page }) => {
  const server = await startServe([resolve(import.meta.dirname, '../../../package.json')]);
  try {
    await page.goto(server.url);
    const err = page.getByTestId('document-error');
    await expect(err).toHaveAttribute('data-code', 'unknown-format');
    await expect(err).toContainText('package.json is not a Go execution trace, pprof profile or goroutine dump');
  } finally {
    await server.stop();
  }
});
