import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { loadDoctors, loadSpecialties, specialtyName } from '../data';
import { addDays, clinicDate, dayMonth, longDate, time } from '../format';
import { Link } from '../router';
import type { Appointment, Doctor, Patient, Slot, Specialty } from '../types';

const PURPOSE = 'phone-booking';

/** A patient calls: find them (or register them), pick a free slot, book it as a phone booking. */
export function PhoneBookingPage() {
  const [phone, setPhone] = useState('+7');
  const [patient, setPatient] = useState<Patient | null>(null);
  const [notFound, setNotFound] = useState(false);
  const [fullName, setFullName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [consent, setConsent] = useState(false);
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [specialties, setSpecialties] = useState<Specialty[]>([]);
  const [specialty, setSpecialty] = useState('');
  const [doctorId, setDoctorId] = useState('');
  const [from, setFrom] = useState(clinicDate());
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [chosen, setChosen] = useState<Slot | null>(null);
  const [booked, setBooked] = useState<Appointment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    Promise.all([loadDoctors(), loadSpecialties()])
      .then(([d, s]) => {
        setDoctors(d);
        setSpecialties(s.filter((x) => d.some((doc) => doc.specialty === x.code)));
      })
      .catch(() => undefined);
  }, []);

  const normalized = phone.replace(/[\s()-]/g, '');

  const findPatient = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setPatient(null);
    setNotFound(false);
    setBooked(null);
    if (!/^\+[1-9]\d{6,14}$/.test(normalized)) {
      setError('Введите телефон в международном формате, например +79991234567');
      return;
    }
    setBusy(true);
    try {
      setPatient(await api<Patient>(`/api/patients/lookup?phone=${encodeURIComponent(normalized)}`, { purpose: PURPOSE }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) setNotFound(true);
      else if (err instanceof ApiError && !err.unavailable) setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  const register = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!consent) {
      setError('Нужно согласие пациента на обработку персональных данных');
      return;
    }
    setBusy(true);
    try {
      setPatient(await api<Patient>('/api/patients', {
        method: 'POST', purpose: PURPOSE,
        body: { fullName: fullName.trim(), phone: normalized, birthDate, consent: { given: true, version: '2026-01', channel: 'PHONE' } },
      }));
      setNotFound(false);
    } catch (err) {
      if (err instanceof ApiError && !err.unavailable) setError(err.message);
    } finally {
      setBusy(false);
    }
  };

  const findSlots = async () => {
    setError(null);
    setChosen(null);
    setSlots(null);
    const query = new URLSearchParams({ from, to: addDays(from, 6) });
    if (specialty) query.set('specialty', specialty);
    if (doctorId) query.set('doctorId', doctorId);
    try {
      setSlots(await api<Slot[]>(`/api/slots?${query}`));
    } catch (err) {
      if (err instanceof ApiError && !err.unavailable) setError(err.message);
    }
  };

  const book = async () => {
    if (!patient || !chosen) return;
    setBusy(true);
    setError(null);
    try {
      setBooked(await api<Appointment>('/api/appointments', {
        method: 'POST', purpose: PURPOSE, body: { patientId: patient.id, slotId: chosen.id, source: 'PHONE' },
      }));
      setSlots((s) => s?.filter((x) => x.id !== chosen.id) ?? null);
      setChosen(null);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError('Этот слот только что заняли — выберите другой');
        findSlots();
      } else if (err instanceof ApiError && !err.unavailable) {
        setError(err.message);
      }
    } finally {
      setBusy(false);
    }
  };

  const days = useMemo(() => {
    const groups = new Map<string, Slot[]>();
    for (const s of slots ?? []) groups.set(clinicDate(s.start), [...(groups.get(clinicDate(s.start)) ?? []), s]);
    return [...groups.entries()];
  }, [slots]);

  const visibleDoctors = doctors.filter((d) => !specialty || d.specialty === specialty);

  return (
    <section aria-labelledby="phone-title" className="phone-booking">
      <h1 id="phone-title">Запись по телефону</h1>
      <div className="steps">
        <article className="card">
          <h2>1. Пациент</h2>
          <form onSubmit={findPatient} className="inline-form">
            <label htmlFor="phone">Телефон</label>
            <input id="phone" type="tel" value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" />
            <button type="submit" disabled={busy}>Найти</button>
          </form>
          {patient && (
            <p className="found" data-testid="patient-found">
              <b>{patient.fullName}</b>, {new Date(patient.birthDate).toLocaleDateString('ru-RU')} · {patient.phone}
            </p>
          )}
          {notFound && (
            <form onSubmit={register} className="register">
              <p>Пациент с этим телефоном не найден. Зарегистрируйте его:</p>
              <label htmlFor="fullName">ФИО</label>
              <input id="fullName" value={fullName} onChange={(e) => setFullName(e.target.value)} required />
              <label htmlFor="birthDate">Дата рождения</label>
              <input id="birthDate" type="date" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} required />
              <label className="check">
                <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
                Пациент дал согласие на обработку персональных данных (152-ФЗ)
              </label>
              <button type="submit" disabled={busy}>Зарегистрировать</button>
            </form>
          )}
        </article>

        <article className="card">
          <h2>2. Врач и время</h2>
          <div className="filters">
            <label>Специальность
              <select value={specialty} onChange={(e) => { setSpecialty(e.target.value); setDoctorId(''); }}>
                <option value="">Любая</option>
                {specialties.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
              </select>
            </label>
            <label>Врач
              <select value={doctorId} onChange={(e) => setDoctorId(e.target.value)}>
                <option value="">Любой</option>
                {visibleDoctors.map((d) => <option key={d.id} value={d.id}>{d.fullName}</option>)}
              </select>
            </label>
            <label>С даты
              <input type="date" value={from} min={clinicDate()} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <button type="button" onClick={findSlots}>Показать свободное время</button>
          </div>
          {slots !== null && slots.length === 0 && <p className="empty">Свободных слотов на неделю нет.</p>}
          {days.map(([day, list]) => (
            <div key={day} className="slot-day">
              <h3 className="capitalize">{longDate(day)}</h3>
              <div className="slot-grid">
                {list.map((s) => (
                  <button type="button" key={s.id} data-testid="slot"
                    className={`slot${chosen?.id === s.id ? ' chosen' : ''}`} onClick={() => setChosen(s)}
                    title={`${s.doctorName}, ${specialtyName(s.specialty, specialties)}`}>
                    {time(s.start)}<small>{s.doctorName.split(' ')[0]}</small>
                  </button>
                ))}
              </div>
            </div>
          ))}
        </article>

        <article className="card">
          <h2>3. Запись</h2>
          {chosen ? (
            <p>{chosen.doctorName} ({specialtyName(chosen.specialty, specialties)}),{' '}
              {dayMonth(clinicDate(chosen.start))}, {time(chosen.start)}</p>
          ) : <p className="muted">Выберите пациента и время.</p>}
          <button type="button" className="primary" disabled={!patient || !chosen || busy} onClick={book}>
            Записать пациента
          </button>
          {booked && (
            <p className="success" role="status" data-testid="booked">
              Записано: {dayMonth(clinicDate(booked.start))}, {time(booked.start)}.{' '}
              <Link href={`/schedule?date=${clinicDate(booked.start)}&appointment=${booked.id}`}>Открыть в расписании</Link>
            </p>
          )}
        </article>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
