// The HTML report opens in a real browser (Chromium via playwright-core) from a file: URL, renders
// the verdicts, and makes no network request at all — not even for a favicon or a font.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { analyze } from '../../../analysis/analyze';
import { writeReport } from '../../../analysis/report';
import { FIXTURES, filesFor, load } from './corpus';
import { findChromium } from '../../support/prerequisites.mjs';

const CHROMIUM = findChromium();

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    dir = mkdtempSync(join(tmpdir(), 'leakline-html-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders offline with zero network requests', async () => {
    const sc = join(FIXTURES, 'go1.26', 'chan-send-early-return');
    const { inputs } = await load(sc, filesFor('all', sc));
    const result = analyze(inputs);
    const file = join(dir, 'report.html');
    writeFileSync(file, writeReport('html', result, { name: 'Leakline', version: 'test' }));
    const url = pathToFileURL(file).href;

    const page = await browser.newPage();
    const requests: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');

    // The document itself is the only request.
    expect(requests).toEqual([url]);
    expect(consoleErrors).toEqual([]);
    expect(await page.title()).toBe('Leakline report');
    const articles = page.locator('article');
    expect(await articles.count()).toBe(result.verdicts.length);
    const first = await articles.first().innerText();
    expect(first).toContain(result.verdicts[0].explanation);
    expect(first).toMatch(/proven/);
    // Styles came from the inline sheet (the badge is coloured), not from the network.
    type Win = { getComputedStyle(e: unknown): { backgroundColor: string } };
    const bg = await page.locator('article .badge').first().evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgba(0, 0, 0, 0)');
    await page.close();
  });
});
