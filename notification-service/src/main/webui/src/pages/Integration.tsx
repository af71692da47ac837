import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { dateTime } from '../format';

interface Breaker {
  name: string;
  state: string;
  [extra: string]: unknown;
}

interface Status {
  breakers: Breaker[];
  [extra: string]: unknown;
}

const STATE: Record<string, { label: string; tone: string; hint: string }> = {
  CLOSED: { label: 'работает', tone: 'ok', hint: 'обмен с 1С идёт' },
  OPEN: { label: 'разомкнута', tone: 'bad', hint: '1С не отвечает: обмен приостановлен, повторим автоматически' },
  HALF_OPEN: { label: 'проверка', tone: 'info', hint: 'пробный обмен после сбоя' },
};

const REFRESH_MS = 15000;

/** integration-1c-service's view of the exchange with 1C: its circuit breakers and whatever else it reports. */
export function IntegrationPage() {
  const [status, setStatus] = useState<Status | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setStatus(await api<Status>('/api/integration/status'));
      setCheckedAt(new Date());
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && !e.unavailable) setError(e.message);
    }
  }, []);

  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    const retry = () => load();
    window.addEventListener('yavka:retry', retry);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('yavka:retry', retry);
    };
  }, [load]);

  const extras = status ? Object.entries(status).filter(([k]) => k !== 'breakers') : [];
  const open = status?.breakers.filter((b) => b.state !== 'CLOSED').length ?? 0;

  return (
    <section aria-labelledby="integration-title">
      <h1 id="integration-title">Интеграция с 1С</h1>
      {error && <p className="error" role="alert">{error}</p>}
      {status && (
        <p className={`overall ${open === 0 ? 'ok' : 'bad'}`} data-testid="integration-overall">
          {open === 0 ? 'Обмен с 1С работает штатно' : `Есть проблемы: ${open} из ${status.breakers.length} каналов не в норме`}
        </p>
      )}
      <article className="card">
        <h2>Каналы обмена</h2>
        {!status && !error && <p className="muted">Загрузка…</p>}
        {status && (
          <table>
            <thead><tr><th>Канал</th><th>Состояние</th><th>Что это значит</th><th>Подробности</th></tr></thead>
            <tbody>
              {status.breakers.map((b) => {
                const s = STATE[b.state] ?? { label: b.state, tone: 'neutral', hint: '' };
                const details = Object.entries(b).filter(([k]) => k !== 'name' && k !== 'state');
                return (
                  <tr key={b.name} data-testid="breaker" data-state={b.state}>
                    <td><code>{b.name}</code></td>
                    <td><span className={`badge badge-${s.tone}`}>{s.label}</span></td>
                    <td>{s.hint}</td>
                    <td className="small">{details.map(([k, v]) => <div key={k}>{k}: {show(v)}</div>)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </article>
      {extras.length > 0 && (
        <article className="card">
          <h2>Прочее</h2>
          <dl className="kv">
            {extras.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{show(v)}</dd></div>)}
          </dl>
        </article>
      )}
      {checkedAt && <p className="muted small">Проверено в {checkedAt.toLocaleTimeString('ru-RU')}; обновляется каждые 15 с.</p>}
    </section>
  );
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) return dateTime(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
