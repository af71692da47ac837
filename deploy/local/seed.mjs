// The demo clinic: doctors of several specialties, two weeks of schedule, a few
// patients and appointments. Idempotent: a second run finds what the first made.
const base = process.env.YAVKA_BOOKING_URL ?? 'http://127.0.0.1:8081';
const headers = {
  'Authorization': `Bearer ${process.env.YAVKA_SEED_TOKEN}`,
  'Content-Type': 'application/json',
  'X-Access-Purpose': 'demo-seed',
};

async function call(method, path, body, accept = [200, 201]) {
  const response = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await response.text();
  if (!accept.includes(response.status)) {
    throw new Error(`${method} ${path} -> ${response.status} ${text}`);
  }
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

const address = 'Москва, ул. Тверская, 7';
const doctors = [
  ['Иванова Анна Петровна', 'therapist'],
  ['Смирнов Игорь Олегович', 'cardiologist'],
  ['Кузнецова Мария Андреевна', 'neurologist'],
  ['Попов Дмитрий Сергеевич', 'otolaryngologist'],
  ['Васильева Елена Викторовна', 'dermatologist'],
  ['Соколов Артём Павлович', 'gastroenterologist'],
];
const patients = [
  ['Петров Пётр Петрович', '+79990000001', '1980-03-14'],
  ['Сидорова Ольга Ивановна', '+79990000002', '1992-07-01'],
  ['Морозов Алексей Николаевич', '+79990000003', '1975-11-23'],
  ['Волкова Татьяна Юрьевна', '+79990000004', '1988-01-30'],
  ['Лебедев Никита Александрович', '+79990000005', '2001-05-09'],
];

function moscowDate(offsetDays) {
  const d = new Date(Date.now() + 3 * 3600_000 + offsetDays * 86400_000);
  return d.toISOString().slice(0, 10);
}

const existing = (await call('GET', '/api/doctors')).json;
const doctorIds = [];
for (const [i, [fullName, specialty]] of doctors.entries()) {
  const externalId = `demo-doctor-${i + 1}`;
  let doctor = existing.find((d) => d.externalId === externalId);
  if (!doctor) {
    doctor = (await call('POST', '/api/doctors', { fullName, specialty, branch: 'Центр', address, externalId })).json;
  }
  doctorIds.push(doctor.id);
  await call('POST', `/api/doctors/${doctor.id}/schedule`, {
    from: moscowDate(0), to: moscowDate(14), dayStart: '09:00', dayEnd: '18:00', slotMinutes: 30,
  });
}

const patientIds = [];
for (const [fullName, phone, birthDate] of patients) {
  const created = await call('POST', '/api/patients', {
    fullName, phone, birthDate, consent: { given: true, version: '2026-01', channel: 'STAFF' },
  }, [201, 409]);
  const patient = created.status === 201
    ? created.json
    : (await call('GET', `/api/patients/lookup?phone=${encodeURIComponent(phone)}`)).json;
  patientIds.push(patient.id);
}

let booked = 0;
for (const [i, patientId] of patientIds.entries()) {
  const mine = (await call('GET', `/api/appointments?patientId=${patientId}`)).json;
  if (mine.length > 0) continue;
  const free = (await call('GET', `/api/slots?doctorId=${doctorIds[i % doctorIds.length]}&from=${moscowDate(1 + i)}`)).json;
  if (free.length === 0) continue;
  await call('POST', '/api/appointments', { patientId, slotId: free[0].id, source: 'STAFF' }, [201, 409]);
  booked++;
}
console.log(`seed: ${doctorIds.length} doctors with two weeks of slots, ${patientIds.length} patients, ${booked} new appointments`);
