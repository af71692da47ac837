import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { inBatches, loadDoctors, loadPatients, loadSpecialties, specialtyName } from '../data';
import { dateTime, time, dayMonth, clinicDate } from '../format';
import { useLive } from '../session';
import type { Doctor, Patient, Slot, Specialty, WaitlistEntry, WaitlistOffer } from '../types';

const PURPOSE = 'waitlist';
const ENTRY_STATUS: Record<string, string> = { WAITING: 'ждёт', OFFERED: 'есть предложение', BOOKED: 'записан', EXPIRED: 'истекло', CANCELLED: 'отменено' };

export function WaitlistPage() {
  const [entries, setEntries] = useState<WaitlistEntry[] | null>(null);
  const [offers, setOffers] = useState<WaitlistOffer[] | null>(null);
  const [slots, setSlots] = useState<Record<string, Slot | null>>({});
  const [patients, setPatients] = useState<Record<string, Patient | null>>({});
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [specialties, setSpecialties] = useState<Specialty[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  const known = useRef({ patients, slots });
  known.current = { patients, slots };

  const load = useCallback(async () => {
    setError(null);
    try {
      const [e, o, d, s] = await Promise.all([
        api<WaitlistEntry[]>('/api/waitlist', { purpose: PURPOSE }),
        api<WaitlistOffer[]>('/api/waitlist/offers', { purpose: PURPOSE }),
        loadDoctors(), loadSpecialties(),
      ]);
      setEntries(e);
      setOffers(o);
      setDoctors(d);
      setSpecialties(s);
      const missingSlots = [...new Set(o.map((x) => x.slotId))].filter((id) => !(id in known.current.slots));
      const found = await inBatches(missingSlots, 4, (id) => api<Slot>(`/api/slots/${id}`).catch(() => null));
      setSlots((current) => ({ ...current, ...Object.fromEntries(missingSlots.map((id, i) => [id, found[i]])) }));
      const people = await loadPatients([...e.map((x) => x.patientId), ...o.map((x) => x.patientId)], known.current.patients, PURPOSE);
      setPatients((current) => ({ ...current, ...people }));
    } catch (err) {
      if (err instanceof ApiError && !err.unavailable) setError(err.message);
    }
  }, []);

  useEffect(() => {
    load();
    const retry = () => load();
    window.addEventListener('yavka:retry', retry);
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      window.removeEventListener('yavka:retry', retry);
      window.clearInterval(tick);
    };
  }, [load]);

  useLive((event) => {
    if (['WaitlistOffered', 'AppointmentBooked', 'SlotReleased', 'Reconnected'].includes(event.type)) load();
  });

  const doctorName = (id?: string | null) => (id ? doctors.find((d) => d.id === id)?.fullName ?? '—' : 'любой врач');
  const name = (id: string) => patients[id]?.fullName ?? (patients[id] === null ? 'нет данных' : '…');

  return (
    <section aria-labelledby="waitlist-title">
      <h1 id="waitlist-title">Лист ожидания</h1>
      {error && <p className="error" role="alert">{error}</p>}
      <article className="card">
        <h2>Активные предложения</h2>
        {offers === null && <p className="muted">Загрузка…</p>}
        {offers?.length === 0 && <p className="empty">Сейчас никому не предложен освободившийся слот.</p>}
        {offers && offers.length > 0 && (
          <table>
            <thead><tr><th>Пациент</th><th>Слот</th><th>Врач</th><th>Предложено</th><th>Ответ ждём ещё</th></tr></thead>
            <tbody>
              {offers.map((o) => {
                const slot = slots[o.slotId];
                const left = Math.max(0, Date.parse(o.expiresAt) - now);
                return (
                  <tr key={o.id} data-testid="offer">
                    <td>{name(o.patientId)}</td>
                    <td>{slot ? `${dayMonth(clinicDate(slot.start))}, ${time(slot.start)}` : '…'}</td>
                    <td>{slot?.doctorName ?? '—'}</td>
                    <td>{dateTime(o.offeredAt)}</td>
                    <td className={left < 120000 ? 'warn' : ''}>{Math.floor(left / 60000)} мин {Math.floor((left % 60000) / 1000)} с</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </article>
      <article className="card">
        <h2>Ожидают записи</h2>
        {entries === null && <p className="muted">Загрузка…</p>}
        {entries?.length === 0 && <p className="empty">Лист ожидания пуст.</p>}
        {entries && entries.length > 0 && (
          <table>
            <thead><tr><th>Пациент</th><th>Специальность</th><th>Врач</th><th>Даты</th><th>Статус</th><th>В листе с</th></tr></thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-testid="waitlist-entry">
                  <td>{name(e.patientId)}</td>
                  <td>{specialtyName(e.specialty, specialties)}</td>
                  <td>{doctorName(e.doctorId)}</td>
                  <td>{dayMonth(e.from)} — {dayMonth(e.to)}</td>
                  <td>{ENTRY_STATUS[e.status] ?? e.status}</td>
                  <td>{dateTime(e.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </article>
    </section>
  );
}
