import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { StatusBadge } from '../components/StatusBadge';
import { Timeline } from '../components/Timeline';
import { inBatches, loadDoctors, loadPatients, loadSpecialties, specialtyName } from '../data';
import { addDays, clinicDate, longDate, SOURCE, time } from '../format';
import type { LiveEvent } from '../live';
import { navigate, useLocation } from '../router';
import { hasRole, useLive, useSession } from '../session';
import type { Appointment, Doctor, Patient, Specialty, Touch } from '../types';

const PURPOSE = 'reception-schedule';
const ACTIVE = new Set(['BOOKED', 'CONFIRMED']);

export function SchedulePage() {
  const { me, toast } = useSession();
  const location = useLocation();
  const date = location.params.get('date') ?? clinicDate();
  const highlight = location.params.get('appointment');
  const [doctorFilter, setDoctorFilter] = useState(me.doctorId ?? '');
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [specialties, setSpecialties] = useState<Specialty[]>([]);
  const [appointments, setAppointments] = useState<Appointment[] | null>(null);
  const [patients, setPatients] = useState<Record<string, Patient | null>>({});
  const [timelines, setTimelines] = useState<Record<string, Touch[] | 'error'>>({});
  const [expanded, setExpanded] = useState<Set<string>>(new Set(highlight ? [highlight] : []));
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadSeq = useRef(0);
  const timelineVersions = useRef<Record<string, number>>({});
  const patientsRef = useRef(patients);
  patientsRef.current = patients;

  const setDate = (d: string) => navigate(`/schedule?date=${d}`, true);

  const load = useCallback(async () => {
    const seq = ++loadSeq.current;
    setError(null);
    try {
      const [ds, ss, list] = await Promise.all([
        loadDoctors(), loadSpecialties(),
        api<Appointment[]>(`/api/appointments?date=${date}`, { purpose: PURPOSE }),
      ]);
      if (seq !== loadSeq.current) return;
      setDoctors(ds);
      setSpecialties(ss);
      setAppointments(list);
      const found = await loadPatients(list.map((a) => a.patientId), patientsRef.current, PURPOSE);
      if (seq !== loadSeq.current) return;
      setPatients((p) => ({ ...p, ...found }));
      // Reminder timelines, again only for appointments that changed since they were fetched.
      const stale = list.filter((a) => timelineVersions.current[a.id] !== a.version);
      await inBatches(stale, 4, async (a) => {
        try {
          const touches = await api<Touch[]>(`/api/reminders?appointmentId=${a.id}`);
          timelineVersions.current[a.id] = a.version;
          setTimelines((t) => ({ ...t, [a.id]: touches }));
        } catch (e) {
          setTimelines((t) => ({ ...t, [a.id]: 'error' }));
          if (!(e instanceof ApiError) || !e.unavailable) throw e;
        }
      });
    } catch (e) {
      if (seq === loadSeq.current && e instanceof ApiError && !e.unavailable) setError(e.message);
    }
  }, [date]);

  useEffect(() => {
    setAppointments(null);
    load();
    const retry = () => load();
    window.addEventListener('yavka:retry', retry);
    return () => window.removeEventListener('yavka:retry', retry);
  }, [load]);

  const reloadTimer = useRef<number | undefined>(undefined);
  useLive((event: LiveEvent) => {
    const sameDay = event.start ? clinicDate(event.start) === date : event.type === 'Reconnected';
    if (!sameDay) return;
    if (event.type === 'AppointmentBooked' && event.appointmentId) {
      setFresh((f) => new Set(f).add(event.appointmentId!));
      if (event.source === 'TELEGRAM') {
        toast(`Новая запись из Telegram на ${time(event.start!)}`);
      }
    }
    window.clearTimeout(reloadTimer.current);
    reloadTimer.current = window.setTimeout(load, 250);
  });

  const act = async (a: Appointment, action: 'arrive' | 'no-show') => {
    setBusy(a.id);
    setError(null);
    try {
      const updated = await api<Appointment>(`/api/appointments/${a.id}/${action}`, { method: 'POST', purpose: PURPOSE });
      setAppointments((list) => list?.map((x) => (x.id === updated.id ? updated : x)) ?? null);
    } catch (e) {
      if (e instanceof ApiError && !e.unavailable) setError(e.message);
    } finally {
      setBusy(null);
    }
  };

  const toggle = (id: string) => setExpanded((s) => {
    const next = new Set(s);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });

  const byDoctor = useMemo(() => {
    const groups = new Map<string, Appointment[]>();
    for (const a of [...(appointments ?? [])].sort((x, y) => x.start.localeCompare(y.start))) {
      if (doctorFilter && a.doctorId !== doctorFilter) continue;
      groups.set(a.doctorId, [...(groups.get(a.doctorId) ?? []), a]);
    }
    return [...groups.entries()].map(([doctorId, list]) => ({ doctor: doctors.find((d) => d.id === doctorId), doctorId, list }))
      .sort((a, b) => (a.doctor?.fullName ?? '').localeCompare(b.doctor?.fullName ?? '', 'ru'));
  }, [appointments, doctors, doctorFilter]);

  const counts = useMemo(() => {
    const list = (appointments ?? []).filter((a) => !doctorFilter || a.doctorId === doctorFilter);
    const c = (s: string) => list.filter((a) => a.status === s).length;
    return { total: list.length, booked: c('BOOKED'), confirmed: c('CONFIRMED'), arrived: c('ARRIVED') + c('COMPLETED'), noShow: c('NO_SHOW'), cancelled: c('CANCELLED') + c('RESCHEDULED') };
  }, [appointments, doctorFilter]);

  const now = Date.now();
  const canMark = hasRole(me, 'registrar', 'admin', 'doctor');
  const today = clinicDate();

  return (
    <section aria-labelledby="schedule-title">
      <div className="page-head">
        <h1 id="schedule-title">Расписание{date === today ? ' на сегодня' : ''}</h1>
        <div className="date-nav">
          <button type="button" onClick={() => setDate(addDays(date, -1))} aria-label="Предыдущий день">←</button>
          <input type="date" value={date} aria-label="Дата" onChange={(e) => e.target.value && setDate(e.target.value)} />
          <button type="button" onClick={() => setDate(addDays(date, 1))} aria-label="Следующий день">→</button>
          {date !== today && <button type="button" onClick={() => setDate(today)}>Сегодня</button>}
          <select value={doctorFilter} onChange={(e) => setDoctorFilter(e.target.value)} aria-label="Врач">
            <option value="">Все врачи</option>
            {doctors.map((d) => <option key={d.id} value={d.id}>{d.fullName}</option>)}
          </select>
        </div>
      </div>
      <p className="muted capitalize">{longDate(date)}</p>
      <div className="summary" data-testid="schedule-summary">
        <span>Всего: <b>{counts.total}</b></span>
        <span>Записаны: <b>{counts.booked}</b></span>
        <span>Подтвердили: <b>{counts.confirmed}</b></span>
        <span>Пришли: <b>{counts.arrived}</b></span>
        <span>Не пришли: <b>{counts.noShow}</b></span>
        <span>Отменены: <b>{counts.cancelled}</b></span>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {appointments === null && <p className="muted">Загрузка расписания…</p>}
      {appointments !== null && byDoctor.length === 0 && <p className="empty">На этот день записей нет.</p>}
      {byDoctor.map(({ doctor, doctorId, list }) => (
        <article key={doctorId} className="card doctor" data-testid="doctor-schedule" data-doctor-id={doctorId}>
          <header>
            <h2>{doctor?.fullName ?? 'Врач'}</h2>
            <span className="muted">{specialtyName(doctor?.specialty ?? list[0].specialty, specialties)}
              {doctor?.branch ? ` · ${doctor.branch}` : ''}</span>
          </header>
          <table className="appointments">
            <thead>
              <tr><th>Время</th><th>Пациент</th><th>Статус</th><th>Источник</th><th>Напоминания</th><th aria-label="Действия" /></tr>
            </thead>
            <tbody>
              {list.map((a) => {
                const patient = patients[a.patientId];
                const open = expanded.has(a.id);
                const started = Date.parse(a.start) <= now;
                return [
                  <tr key={a.id} data-testid="appointment" data-appointment-id={a.id} data-status={a.status}
                    className={`${fresh.has(a.id) ? 'fresh ' : ''}${highlight === a.id ? 'highlight ' : ''}${ACTIVE.has(a.status) ? '' : 'inactive'}`}>
                    <td className="time">{time(a.start)}–{time(a.end)}</td>
                    <td>{patient ? patient.fullName : patient === null ? 'нет данных' : '…'}</td>
                    <td><StatusBadge status={a.status} /></td>
                    <td className="source">{SOURCE[a.source] ?? a.source}</td>
                    <td>
                      <button type="button" className="link" onClick={() => toggle(a.id)} aria-expanded={open}
                        aria-label="Напоминания подробно">
                        <Timeline touches={timelines[a.id]} compact />
                      </button>
                    </td>
                    <td className="actions">
                      {canMark && ACTIVE.has(a.status) && (
                        <>
                          <button type="button" className="ok" disabled={busy === a.id} onClick={() => act(a, 'arrive')}>Пришёл</button>
                          <button type="button" className="bad" disabled={busy === a.id || !started}
                            title={started ? '' : 'Неявку можно отметить после начала приёма'}
                            onClick={() => act(a, 'no-show')}>Не пришёл</button>
                        </>
                      )}
                    </td>
                  </tr>,
                  open && (
                    <tr key={`${a.id}-details`} className="details">
                      <td colSpan={6}>
                        <div className="details-grid">
                          <div>
                            <h3>Напоминания и ответы пациента</h3>
                            <Timeline touches={timelines[a.id]} />
                          </div>
                          <div>
                            <h3>Пациент</h3>
                            <p>{patient?.fullName ?? '—'}<br />{patient?.phone ?? ''}</p>
                            {a.cancelReason && <p className="muted">Причина отмены: {a.cancelReason}</p>}
                          </div>
                        </div>
                      </td>
                    </tr>
                  ),
                ];
              })}
            </tbody>
          </table>
        </article>
      ))}
    </section>
  );
}
