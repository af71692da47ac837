// The other pages, each against its service: phone booking, waitlist, the no-show dashboard,
// 1C status, notifications, and the audit viewer for the auditor.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixture, launch, newPage, shoot, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('books a caller by phone: finds the patient, picks a free slot, books', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await page.getByRole('link', { name: 'Запись по телефону' }).click();
  await page.getByRole('textbox', { name: 'Телефон', exact: true }).fill(fixture.phonePatient.phone);
  await page.getByRole('button', { name: 'Найти' }).click();
  await page.getByTestId('patient-found').getByText(fixture.phonePatient.fullName).waitFor();
  await page.getByLabel('Врач').selectOption(fixture.phoneDoctor);
  await page.getByLabel('С даты').fill(fixture.date);
  await page.getByRole('button', { name: 'Показать свободное время' }).click();
  await page.getByTestId('slot').first().click();
  await shoot(page, '04-phone-booking');
  await page.getByRole('button', { name: 'Записать пациента' }).click();
  await page.getByTestId('booked').waitFor();
  const mine = await (await fetch(`${fixture.bookingUrl}/api/appointments?patientId=${fixture.phonePatient.id}`, {
    headers: { Authorization: `Bearer ${process.env.YAVKA_TOKEN_REGISTRAR}` } })).json();
  assert.ok(mine.some((a) => a.source === 'PHONE' && a.doctorId === fixture.phoneDoctor), JSON.stringify(mine));
  assert.deepEqual(problems, []);
  await context.close();
});

test('shows the waitlist and its live offers', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await page.getByRole('link', { name: 'Лист ожидания' }).click();
  await page.getByTestId('waitlist-entry').first().waitFor();
  await page.getByTestId('offer').first().waitFor();
  await page.getByTestId('offer').filter({ hasText: fixture.offeredPatientName }).waitFor();
  await shoot(page, '05-waitlist');
  assert.deepEqual(problems, []);
  await context.close();
});

test('draws the no-show dashboard', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'admin');
  await page.getByRole('link', { name: 'Неявки' }).click();
  await page.getByTestId('kpi-rate').waitFor();
  await page.getByRole('img', { name: 'Доля неявок по дням и тренд' }).waitFor();
  await page.getByRole('img', { name: 'Доля неявок по врачам' }).waitFor();
  await page.getByRole('img', { name: 'Доля неявок по специальностям' }).waitFor();
  const rate = await page.getByTestId('kpi-rate').locator('b').innerText();
  assert.match(rate, /^\d+,\d %$/);
  await shoot(page, '06-no-show-dashboard');
  assert.deepEqual(problems, []);
  await context.close();
});

test('shows the 1C integration status', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await page.getByRole('link', { name: 'Интеграция 1С' }).click();
  await page.locator('[data-testid="breaker"][data-state="OPEN"]').getByText('разомкнута').waitFor();
  await page.getByTestId('integration-overall').getByText('Есть проблемы').waitFor();
  await shoot(page, '07-integration-1c');
  assert.deepEqual(problems, []);
  await context.close();
});

test('lists the alerts staff were told about', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await page.getByRole('link', { name: 'Уведомления' }).click();
  await page.getByTestId('alert').first().waitFor();
  await page.getByText('Новая запись из Telegram').first().waitFor();
  await shoot(page, '08-alerts');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the auditor sees the audit viewer and only it', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'auditor');
  assert.match(new URL(page.url()).pathname, /^\/audit/);
  await page.getByTestId('audit-entry').first().waitFor();
  assert.equal(await page.getByRole('link', { name: 'Расписание' }).count(), 0);
  await shoot(page, '10-audit');
  assert.deepEqual(problems, []);
  await context.close();
});
