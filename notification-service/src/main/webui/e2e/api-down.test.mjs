// booking-service down behind this origin: the page says so plainly, naming what is down.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, shoot, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('with booking-service down the schedule shows a clear error banner', async () => {
  const { context, page } = await newPage(browser);
  await signIn(page, 'registrar');
  const banner = page.getByTestId('error-banner');
  await banner.waitFor();
  assert.equal(await banner.getAttribute('role'), 'alert');
  await banner.getByText('Сервис записи недоступен').waitFor();
  await banner.getByRole('button', { name: 'Повторить' }).waitFor();
  await shoot(page, '11-api-down');
  // Retrying while it is still down brings the banner back, not a blank page.
  await banner.getByRole('button', { name: 'Повторить' }).click();
  await page.getByTestId('error-banner').getByText('Сервис записи недоступен').waitFor();
  await page.getByRole('heading', { name: /Расписание/ }).waitFor();
  await context.close();
});
