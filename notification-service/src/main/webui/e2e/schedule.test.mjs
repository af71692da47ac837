// The front desk's day: sign in, today's schedule by doctor with statuses and reminder
// timelines, one-click arrival, and a Telegram booking that appears without a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { call, fixture, launch, newPage, PATIENCE, shoot, signIn } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function openSchedule(page) {
  // After sign-in the app opens today's schedule; late in the evening the fixture is tomorrow's.
  if (fixture.date !== fixture.today) await page.goto(`/schedule?date=${fixture.date}`);
  await page.getByTestId('doctor-schedule').first().waitFor();
}

test('signs in with a token and sees the schedule by doctor, statuses and reminders', async () => {
  const { context, page, problems } = await newPage(browser);
  await page.goto('/');
  await page.getByRole('heading', { name: 'Явка' }).waitFor();
  await shoot(page, '01-login');
  await signIn(page, 'registrar');
  assert.match(new URL(page.url()).pathname, /^\/schedule/);
  await page.getByRole('heading', { name: /Расписание/ }).waitFor();
  await openSchedule(page);

  for (const doctor of fixture.doctors) {
    await page.getByRole('heading', { name: doctor.fullName }).waitFor();
  }
  const booked = page.locator(`[data-appointment-id="${fixture.toArrive}"]`);
  await booked.getByText('Записан').waitFor();
  await page.locator(`[data-appointment-id="${fixture.confirmed}"]`).getByText('Подтвердил').waitFor();
  await page.locator(`[data-appointment-id="${fixture.arrived}"]`).getByText('Пришёл', { exact: true }).waitFor();
  await page.locator(`[data-appointment-id="${fixture.cancelled}"]`).getByText('Отменена').waitFor();
  await booked.getByText(fixture.patientNames[fixture.toArrive]).waitFor();
  // The reminder timeline, from reminder-service, with the patient's answer.
  await booked.locator('.chip-answered').waitFor();
  await booked.getByRole('button', { name: 'Напоминания подробно' }).click();
  await page.getByText('Пациент подтвердил(а) визит').first().waitFor();
  await shoot(page, '02-schedule');
  assert.deepEqual(problems, []);
  await context.close();
});

test('marks an arrival with one click', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await openSchedule(page);
  const row = page.locator(`[data-appointment-id="${fixture.toArrive}"]`);
  await row.getByRole('button', { name: 'Пришёл', exact: true }).click();
  await row.locator('[data-status="ARRIVED"]').waitFor();
  await row.getByRole('button', { name: 'Пришёл', exact: true }).waitFor({ state: 'detached' });
  const stored = await call('GET', `${fixture.bookingUrl}/api/appointments/${fixture.toArrive}`, 'registrar');
  assert.equal(stored.status, 'ARRIVED');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a booking made in Telegram appears live, without a reload', async () => {
  const { context, page, problems } = await newPage(browser);
  await signIn(page, 'registrar');
  await openSchedule(page);
  await page.getByTestId('live-state').getByText('онлайн').waitFor();
  await page.evaluate(() => { window.__sameDocument = true; });
  const before = await page.getByTestId('appointment').count();

  const booked = await call('POST', `${fixture.bookingUrl}/api/appointments`, 'service',
    { patientId: fixture.telegramPatient, slotId: fixture.telegramSlot, source: 'TELEGRAM' });

  const row = page.locator(`[data-appointment-id="${booked.id}"]`);
  await row.waitFor({ timeout: PATIENCE });
  await row.getByText('Telegram').waitFor();
  await page.getByRole('status').filter({ hasText: 'Новая запись из Telegram' }).waitFor();
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.equal(await page.getByTestId('appointment').count(), before + 1);
  await shoot(page, '03-schedule-live-telegram');
  assert.deepEqual(problems, []);
  await context.close();
});
