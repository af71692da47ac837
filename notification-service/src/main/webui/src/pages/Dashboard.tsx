import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { api, ApiError } from '../api';
import { Chart } from '../components/Chart';
import { loadDoctors, loadSpecialties, specialtyName } from '../data';
import { addDays, clinicDate, dayMonth, percent, shortName } from '../format';
import { useLive } from '../session';
import type { Doctor, Specialty } from '../types';

interface Rate {
  key: string;
  visits: number;
  noShows: number;
  rate: number | null;
}

interface Report {
  from: string;
  to: string;
  overall: Rate;
  byDay: Rate[];
  byDoctor: Rate[];
  bySpecialty: Rate[];
  trend: { days: number; recentRate: number | null; previousRate: number | null; direction: string };
  confirmation: { visits: number; confirmed: number; rate: number | null };
  refill: { freedSlots: number; refilledFromWaitlist: number; rate: number | null };
}

const RANGES = [7, 30, 90];
const BLUE = '#0f5c8c';
const RED = '#c0392b';
const GREY = '#8a9aa9';

/** 7-day moving no-show rate, pooled (sums of no-shows over sums of visits), for the trend line. */
function moving(days: Rate[], window = 7): (number | null)[] {
  return days.map((_, i) => {
    const slice = days.slice(Math.max(0, i - window + 1), i + 1);
    const visits = slice.reduce((s, d) => s + d.visits, 0);
    return visits === 0 ? null : (100 * slice.reduce((s, d) => s + d.noShows, 0)) / visits;
  });
}

export function DashboardPage() {
  const [days, setDays] = useState(30);
  const [report, setReport] = useState<Report | null>(null);
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [specialties, setSpecialties] = useState<Specialty[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    const to = clinicDate();
    try {
      const [r, d, s] = await Promise.all([
        api<Report>(`/api/dashboard/no-shows?from=${addDays(to, -(days - 1))}&to=${to}`),
        loadDoctors().catch(() => [] as Doctor[]),
        loadSpecialties().catch(() => [] as Specialty[]),
      ]);
      setReport(r);
      setDoctors(d);
      setSpecialties(s);
    } catch (e) {
      if (e instanceof ApiError && !e.unavailable) setError(e.message);
    }
  }, [days]);

  useEffect(() => {
    load();
    const retry = () => load();
    window.addEventListener('yavka:retry', retry);
    return () => window.removeEventListener('yavka:retry', retry);
  }, [load]);

  useLive((e) => {
    if (e.type === 'NoShowDetected' || e.type === 'AppointmentArrived' || e.type === 'Reconnected') load();
  });

  const byDayChart = useMemo<ChartConfiguration | null>(() => report && {
    type: 'line',
    data: {
      labels: report.byDay.map((d) => dayMonth(d.key)),
      datasets: [
        { label: 'Неявки за день, %', data: report.byDay.map((d) => (d.rate === null ? null : d.rate * 100)),
          borderColor: RED, backgroundColor: 'rgba(192,57,43,0.12)', fill: true, spanGaps: true, tension: 0.25, pointRadius: 2 },
        { label: 'Тренд (скользящее за 7 дней), %', data: moving(report.byDay), borderColor: BLUE,
          borderDash: [6, 4], pointRadius: 0, spanGaps: true, tension: 0.3 },
      ],
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      scales: { y: { beginAtZero: true, suggestedMax: 30, title: { display: true, text: '%' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  }, [report]);

  const bars = (rows: Rate[], label: (key: string) => string): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => label(r.key)),
      datasets: [{ label: 'Неявки, %', data: rows.map((r) => (r.rate ?? 0) * 100), backgroundColor: rows.map((r) => ((r.rate ?? 0) > (report?.overall.rate ?? 0) ? RED : GREY)) }],
    },
    options: {
      indexAxis: 'y', maintainAspectRatio: false, animation: false,
      scales: { x: { beginAtZero: true, title: { display: true, text: '%' } } },
      plugins: { legend: { display: false }, tooltip: { callbacks: { afterLabel: (ctx) => `визитов: ${rows[ctx.dataIndex].visits}, неявок: ${rows[ctx.dataIndex].noShows}` } } },
    },
  });

  const doctorChart = useMemo(() => report && bars(report.byDoctor,
    (id) => shortName(doctors.find((d) => d.id === id)?.fullName ?? id.slice(0, 8))),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [report, doctors]);
  const specialtyChart = useMemo(() => report && bars(report.bySpecialty, (code) => specialtyName(code, specialties)),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  [report, specialties]);

  const trend = report?.trend;
  const arrow = trend?.direction === 'UP' ? '↑ растёт' : trend?.direction === 'DOWN' ? '↓ снижается' : trend?.direction === 'FLAT' ? '→ без изменений' : 'мало данных';

  return (
    <section aria-labelledby="dashboard-title">
      <div className="page-head">
        <h1 id="dashboard-title">Неявки</h1>
        <div className="segmented" role="group" aria-label="Период">
          {RANGES.map((r) => (
            <button type="button" key={r} className={r === days ? 'active' : ''} aria-pressed={r === days}
              onClick={() => setDays(r)}>{r} дней</button>
          ))}
        </div>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {!report && !error && <p className="muted">Загрузка…</p>}
      {report && (
        <>
          <div className="kpis">
            <div className="kpi" data-testid="kpi-rate"><span>Доля неявок</span><b>{percent(report.overall.rate)}</b>
              <small>{report.overall.noShows} из {report.overall.visits} визитов</small></div>
            <div className={`kpi trend-${trend?.direction.toLowerCase()}`}><span>Тренд за {trend?.days} дней</span><b>{arrow}</b>
              <small>{percent(trend?.recentRate)} против {percent(trend?.previousRate)} неделей раньше</small></div>
            <div className="kpi"><span>Подтвердили визит</span><b>{percent(report.confirmation.rate)}</b>
              <small>{report.confirmation.confirmed} из {report.confirmation.visits}</small></div>
            <div className="kpi"><span>Освободившиеся слоты заняты из листа ожидания</span><b>{percent(report.refill.rate)}</b>
              <small>{report.refill.refilledFromWaitlist} из {report.refill.freedSlots}</small></div>
          </div>
          <article className="card">
            <h2>По дням</h2>
            {byDayChart && <Chart config={byDayChart} label="Доля неявок по дням и тренд" />}
          </article>
          <div className="two">
            <article className="card">
              <h2>По врачам</h2>
              {report.byDoctor.length === 0 ? <p className="empty">Нет завершённых визитов за период.</p>
                : doctorChart && <Chart config={doctorChart} label="Доля неявок по врачам" height={Math.max(160, report.byDoctor.length * 34)} />}
            </article>
            <article className="card">
              <h2>По специальностям</h2>
              {report.bySpecialty.length === 0 ? <p className="empty">Нет завершённых визитов за период.</p>
                : specialtyChart && <Chart config={specialtyChart} label="Доля неявок по специальностям" height={Math.max(160, report.bySpecialty.length * 34)} />}
            </article>
          </div>
        </>
      )}
    </section>
  );
}
