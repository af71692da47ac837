// Installable: the manifest, the service worker with its offline shell, and notifications
// shown by the service worker when a push arrives.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BASE, launch, newPage, shoot, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the web app manifest is linked and complete, its icons load', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const response = await page.request.get(href);
  assert.equal(response.status(), 200);
  const manifest = await response.json();
  assert.equal(manifest.lang, 'ru');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, '/');
  assert.match(manifest.name, /Явка/);
  const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), `icons: ${sizes}`);
  for (const icon of manifest.icons) {
    const image = await page.request.get(icon.src);
    assert.equal(image.status(), 200, icon.src);
    assert.equal(image.headers()['content-type'].split(';')[0], icon.type);
  }
  await context.close();
});

test('the service worker takes control and serves the app shell offline', async () => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${BASE}/`);
  await page.reload();
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL), `${BASE}/sw.js`);
  const cached = await page.evaluate(async () => (await caches.keys()).sort());
  assert.deepEqual(cached, ['yavka-assets-v1', 'yavka-shell-v1']);

  await context.setOffline(true);
  await page.goto('/schedule');
  await page.getByRole('heading', { name: 'Явка' }).waitFor();
  await page.getByTestId('error-banner').getByText(/Нет подключения к сети|не отвечает/).first().waitFor();
  await shoot(page, '09-offline-shell');
  await context.setOffline(false);
  await context.close();
});

test('a push message is shown as a notification by the service worker', async () => {
  const { context, page } = await newPage(browser);
  await context.grantPermissions(['notifications'], { origin: BASE });
  await signIn(page, 'registrar');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });

  // DevTools delivers a push event to the registration, as the browser does for a real push.
  const cdp = await context.newCDPSession(page);
  const registrationId = new Promise((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated',
    ({ registrations }) => {
      const ours = registrations.find((r) => r.scopeURL === `${BASE}/` && !r.isDeleted);
      if (ours) resolve(ours.registrationId);
    }));
  await cdp.send('ServiceWorker.enable');
  const payload = { alertId: 'a1', kind: 'TELEGRAM_BOOKING', title: 'Новая запись из Telegram',
    body: 'Иванова А. П. (терапевт) — сегодня в 15:30', url: '/schedule', tag: 'appt-test', at: new Date().toISOString() };
  await cdp.send('ServiceWorker.deliverPushMessage',
    { origin: BASE, registrationId: await registrationId, data: JSON.stringify(payload) });

  // Polled in the page: waitForFunction takes an async predicate's pending promise as truthy
  // and returns before the service worker has shown anything.
  const shown = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    for (let attempt = 0; attempt < 150; attempt++) {
      const notes = await registration.getNotifications();
      if (notes.length > 0) return notes.map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: n.data?.url }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return [];
  });
  assert.deepEqual(shown, [{ title: payload.title, body: payload.body, tag: 'appt-test', url: '/schedule' }]);
  await context.close();
});
