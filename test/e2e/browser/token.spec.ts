// The launch token in a real browser: the printed address opens the app, the token moves into an
// HttpOnly SameSite=Strict cookie and out of the address bar and history, the app then works
// (bridge WebSocket, uploads) on the cookie alone, and the bare address without it gets 401.
import { expect, test } from '@playwright/test';
import { serveOrigin, serveUrl, collectErrors } from '../support';

test('the printed URL signs the browser in; the token leaves the address bar', async ({ page, context }) => {
  const errors = collectErrors(page);
  expect(new URL(serveUrl()).searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.goto(serveUrl());
  // The footer's version came over the WebSocket bridge: the cookie authorised the upgrade.
  await expect(page.locator('footer')).toContainText('browser mode');
  await expect.poll(() => page.url()).toBe(`${serveOrigin()}/`);
  expect(await page.evaluate(() => document.cookie)).toBe(''); // HttpOnly: scripts cannot read it
  const port = new URL(serveUrl()).port;
  const cookies = await context.cookies(serveOrigin());
  expect(cookies).toEqual([expect.objectContaining({ name: `leakline-token-${port}`, httpOnly: true, sameSite: 'Strict', path: '/' })]);
  // A reload (address without the token) still works on the cookie.
  await page.reload();
  await expect(page.locator('footer')).toContainText('browser mode');
  expect(errors).toEqual([]);
});

test('without the token the server answers 401 and says where to find it', async ({ browser }) => {
  const fresh = await browser.newContext();
  try {
    const page = await fresh.newPage();
    const res = await page.goto(`${serveOrigin()}/`);
    expect(res?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('needs its token');
  } finally {
    await fresh.close();
  }
});
