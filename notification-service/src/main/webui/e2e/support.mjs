// Shared by the browser tests: Debian's Chromium driven by playwright-core, against the
// notification-service that the Maven test (PwaBrowserTest) started, with its fixture.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through Maven (PwaBrowserTest)`);
  return value;
};

export const BASE = env('YAVKA_PWA_URL');
export const fixture = JSON.parse(env('YAVKA_FIXTURE'));
export const token = (role) => env(`YAVKA_TOKEN_${role.toUpperCase()}`);
export const PATIENCE = 60_000;

export async function launch() {
  return chromium.launch({
    executablePath: env('YAVKA_CHROMIUM'),
    headless: true,
    // As the machine's own probe starts it: no sandbox as root, no calls home on a closed network.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--lang=ru-RU'],
  });
}

export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    baseURL: BASE,
    ...options,
  });
  context.setDefaultTimeout(PATIENCE);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, page, problems };
}

/** Signs in through the login form, as a person pastes a `./clinic token`. */
export async function signIn(page, role) {
  await page.goto('/');
  await page.getByLabel('Токен доступа').fill(token(role));
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByRole('button', { name: 'Выйти' }).waitFor();
}

export async function shoot(page, name) {
  const dir = process.env.YAVKA_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/** A call to the clinic's services from the test itself (the way another client would). */
export async function call(method, url, role, body) {
  const response = await fetch(url, {
    method,
    headers: { Authorization: `Bearer ${token(role)}`, 'Content-Type': 'application/json', 'X-Access-Purpose': 'e2e' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} -> ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
