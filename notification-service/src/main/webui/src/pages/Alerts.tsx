import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../api';
import { loadDoctors } from '../data';
import { dateTime } from '../format';
import { currentSubscription, disablePush, enablePush, pushState, pushSupported, register, type PushSupport } from '../push';
import { Link } from '../router';
import { hasRole, useLive, useSession } from '../session';
import type { Doctor } from '../types';

interface Alert {
  id: string;
  kind: string;
  title: string;
  body: string;
  url: string;
  createdAt: string;
}

const KIND: Record<string, string> = {
  TELEGRAM_BOOKING: 'Запись из Telegram',
  LATE_CANCELLATION: 'Поздняя отмена',
  NO_SHOW: 'Неявка',
  WAITLIST_ACCEPTED: 'Лист ожидания',
  BREAKER_OPENED: '1С',
  TRIAGE_EMERGENCY: 'Срочно',
  TEST: 'Проверка',
};

/** What staff were told, and push notifications on this device: on/off and which doctors. */
export function AlertsPage() {
  const { me, config } = useSession();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);
  const [state, setState] = useState<PushSupport | null>(null);
  const [doctors, setDoctors] = useState<Doctor[]>([]);
  const [followed, setFollowed] = useState<string[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ownDoctor = hasRole(me, 'doctor') && !hasRole(me, 'admin', 'registrar') && me.doctorId;

  const load = useCallback(() => {
    api<Alert[]>('/api/alerts').then(setAlerts).catch(() => undefined);
  }, []);

  useEffect(() => {
    load();
    pushState().then(setState);
    loadDoctors().then(setDoctors).catch(() => undefined);
    const onMessage = (e: MessageEvent) => {
      if (e.data?.type === 'push') load();
      if (e.data?.type === 'pushsubscriptionchange') {
        currentSubscription().then((s) => s && register(s, followed)).catch(() => undefined);
      }
    };
    navigator.serviceWorker?.addEventListener('message', onMessage);
    return () => navigator.serviceWorker?.removeEventListener('message', onMessage);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  useLive((e) => {
    if (e.type === 'AppointmentBooked' || e.type === 'NoShowDetected' || e.type === 'AppointmentCancelled') {
      window.setTimeout(load, 1500);
    }
  });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      await action();
      setMessage(done);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : `Не удалось: ${(e as Error).message}`);
    } finally {
      setBusy(false);
      setState(await pushState());
    }
  };

  const toggleDoctor = (id: string) => setFollowed((f) => (f.includes(id) ? f.filter((x) => x !== id) : [...f, id]));

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Уведомления</h1>
      <article className="card">
        <h2>Уведомления на этом устройстве</h2>
        {!config.push && <p className="muted">На сервере не настроены ключи VAPID — push-уведомления выключены (./clinic vapid).</p>}
        {config.push && state === 'unsupported' && <p className="muted">Этот браузер не поддерживает push-уведомления{pushSupported() ? '' : ' (нужен HTTPS или localhost и поддержка Push API)'}.</p>}
        {config.push && state === 'denied' && <p className="warn">Уведомления запрещены в настройках браузера для этого сайта.</p>}
        {config.push && (state === 'off' || state === 'on') && (
          <>
            <p data-testid="push-state">Сейчас: <b>{state === 'on' ? 'включены' : 'выключены'}</b></p>
            {!ownDoctor && doctors.length > 0 && state === 'off' && (
              <fieldset className="doctors">
                <legend>Врачи, о пациентах которых сообщать (ни одного — обо всех)</legend>
                {doctors.map((d) => (
                  <label key={d.id} className="check">
                    <input type="checkbox" checked={followed.includes(d.id)} onChange={() => toggleDoctor(d.id)} />
                    {d.fullName}
                  </label>
                ))}
              </fieldset>
            )}
            {state === 'off' ? (
              <button type="button" className="primary" disabled={busy}
                onClick={() => run(() => enablePush(followed), 'Уведомления включены')}>Включить уведомления</button>
            ) : (
              <>
                <button type="button" disabled={busy}
                  onClick={() => run(() => api('/api/push/test', { method: 'POST' }), 'Тестовое уведомление отправлено')}>
                  Отправить тестовое</button>{' '}
                <button type="button" disabled={busy} onClick={() => run(disablePush, 'Уведомления выключены')}>Выключить</button>
              </>
            )}
          </>
        )}
        {message && <p className="success" role="status">{message}</p>}
        {error && <p className="error" role="alert">{error}</p>}
      </article>
      <article className="card">
        <h2>Последние уведомления</h2>
        {alerts === null && <p className="muted">Загрузка…</p>}
        {alerts?.length === 0 && <p className="empty">Пока ничего.</p>}
        <ul className="alerts">
          {alerts?.map((a) => (
            <li key={a.id} className={`alert alert-${a.kind.toLowerCase()}`} data-testid="alert">
              <span className="kind">{KIND[a.kind] ?? a.kind}</span>
              <b>{a.title}</b>
              <span>{a.body}</span>
              <span className="muted small">{dateTime(a.createdAt)} · <Link href={a.url}>открыть</Link></span>
            </li>
          ))}
        </ul>
      </article>
    </section>
  );
}
