import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { api, ApiError, onOutage, onUnauthorized, SERVICE_NAMES, type Outage } from './api';
import { clearToken, decodeClaims, storedToken } from './auth';
import { ROLE } from './format';
import { connectLive, type LiveEvent, type LiveState } from './live';
import { Link, navigate, useLocation } from './router';
import { hasRole, SessionContext, type ClientConfig, type Me, type Session } from './session';
import { LoginPage } from './pages/Login';
import { SchedulePage } from './pages/Schedule';
import { PhoneBookingPage } from './pages/PhoneBooking';
import { WaitlistPage } from './pages/Waitlist';
import { DashboardPage } from './pages/Dashboard';
import { IntegrationPage } from './pages/Integration';
import { AuditPage } from './pages/Audit';
import { AlertsPage } from './pages/Alerts';

interface Page {
  path: string;
  title: string;
  roles: string[];
  render: () => ReactElement;
}

const PAGES: Page[] = [
  { path: '/schedule', title: 'Расписание', roles: ['registrar', 'admin', 'doctor'], render: () => <SchedulePage /> },
  { path: '/phone', title: 'Запись по телефону', roles: ['registrar', 'admin'], render: () => <PhoneBookingPage /> },
  { path: '/waitlist', title: 'Лист ожидания', roles: ['registrar', 'admin'], render: () => <WaitlistPage /> },
  { path: '/dashboard', title: 'Неявки', roles: ['registrar', 'admin', 'doctor'], render: () => <DashboardPage /> },
  { path: '/integration', title: 'Интеграция 1С', roles: ['registrar', 'admin'], render: () => <IntegrationPage /> },
  { path: '/audit', title: 'Аудит', roles: ['auditor'], render: () => <AuditPage /> },
  { path: '/alerts', title: 'Уведомления', roles: ['registrar', 'admin', 'doctor'], render: () => <AlertsPage /> },
];

export function App() {
  const location = useLocation();
  const [config, setConfig] = useState<ClientConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(true);
  const [outages, setOutages] = useState<Record<string, string>>({});
  const [offline, setOffline] = useState(!navigator.onLine);

  // Outage banner: one line per service that cannot be reached; cleared when it answers again.
  useEffect(() => onOutage((service, outage: Outage) => {
    setOutages((current) => {
      if (!outage && !(service in current)) return current;
      const next = { ...current };
      if (outage) next[service] = outage.message;
      else delete next[service];
      return next;
    });
  }), []);

  useEffect(() => {
    const on = () => setOffline(false);
    const off = () => setOffline(true);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);

  const signOut = useCallback(() => {
    clearToken();
    setMe(null);
    navigate('/login', true);
  }, []);

  useEffect(() => onUnauthorized(signOut), [signOut]);

  const loadConfig = useCallback(() => {
    setConfigError(null);
    api<ClientConfig>('/api/config')
      .then(setConfig)
      .catch((e: ApiError) => setConfigError(e.message));
  }, []);

  useEffect(() => {
    loadConfig();
    const token = storedToken();
    if (!token) {
      setChecking(false);
      return;
    }
    api<Me>('/api/me', { token })
      .then(setMe)
      .catch((e: ApiError) => {
        if (e.unavailable) {
          // Offline or the server is down: open the app shell as the token says; the banner explains.
          const claims = decodeClaims(token);
          setMe({ name: claims?.upn ?? claims?.sub ?? '—', roles: claims?.groups ?? [], doctorId: claims?.doctor_id });
        } else {
          clearToken();
        }
      })
      .finally(() => setChecking(false));
  }, [loadConfig]);

  const signedIn = (who: Me) => {
    setMe(who);
    navigate(defaultPath(who), true);
  };

  const retry = () => {
    setOutages({});
    window.dispatchEvent(new Event('yavka:retry'));
    if (!config) loadConfig();
  };

  const banner = (
    <OutageBanner outages={outages} offline={offline} configError={configError} onRetry={retry} />
  );

  if (checking) {
    return <div className="boot">{banner}<p className="muted">Загрузка…</p></div>;
  }

  if (!me || location.path === '/login' || location.path === '/login/callback') {
    return (
      <div className="login-layout">
        {banner}
        <LoginPage config={config} onSignedIn={signedIn} />
      </div>
    );
  }

  return <Shell me={me} config={config ?? { devTokenLogin: false, push: false }} banner={banner} onSignOut={signOut} />;
}

function defaultPath(me: Me): string {
  return PAGES.find((p) => hasRole(me, ...p.roles))?.path ?? '/alerts';
}

function Shell({ me, config, banner, onSignOut }: { me: Me; config: ClientConfig; banner: ReactNode; onSignOut: () => void }) {
  const location = useLocation();
  const [liveState, setLiveState] = useState<LiveState>('connecting');
  const [toasts, setToasts] = useState<{ id: number; text: string }[]>([]);
  const listeners = useRef(new Set<(event: LiveEvent) => void>());
  const wasLive = useRef(false);

  const canLive = hasRole(me, 'registrar', 'admin', 'doctor');
  useEffect(() => {
    if (!canLive) return;
    return connectLive(storedToken, (event) => listeners.current.forEach((l) => l(event)), (state) => {
      setLiveState(state);
      if (state === 'live' && wasLive.current) {
        // Back after a gap: pages refetch what they show.
        listeners.current.forEach((l) => l({ type: 'Reconnected' }));
      }
      if (state === 'live') wasLive.current = true;
    });
  }, [canLive]);

  const toast = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((t) => [...t, { id, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 8000);
  }, []);

  const session: Session = useMemo(() => ({
    me,
    config,
    liveState,
    toast,
    subscribeLive: (listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }), [me, config, liveState, toast]);

  const visible = PAGES.filter((p) => hasRole(me, ...p.roles));
  const page = visible.find((p) => p.path === location.path);
  useEffect(() => {
    if (!page) navigate(defaultPath(me), true);
  }, [page, me]);

  return (
    <SessionContext.Provider value={session}>
      <header className="topbar">
        <div className="brand">Явка</div>
        <nav aria-label="Разделы">
          {visible.map((p) => (
            <Link key={p.path} href={p.path} className={p.path === location.path ? 'active' : ''}
              aria-current={p.path === location.path ? 'page' : undefined}>{p.title}</Link>
          ))}
        </nav>
        <div className="who">
          {canLive && (
            <span className={`live live-${liveState}`} data-testid="live-state"
              title="Обновления в реальном времени">
              {liveState === 'live' ? 'онлайн' : liveState === 'connecting' ? 'подключение…' : 'нет связи'}
            </span>
          )}
          <span className="user">{me.name}<small>{me.roles.map((r) => ROLE[r] ?? r).join(', ')}</small></span>
          <button type="button" className="link" onClick={onSignOut}>Выйти</button>
        </div>
      </header>
      {banner}
      <main>{page ? page.render() : null}</main>
      <div className="toasts" aria-live="polite">
        {toasts.map((t) => <div key={t.id} className="toast" role="status">{t.text}</div>)}
      </div>
    </SessionContext.Provider>
  );
}

function OutageBanner({ outages, offline, configError, onRetry }: {
  outages: Record<string, string>; offline: boolean; configError: string | null; onRetry: () => void;
}) {
  const lines = Object.entries(outages).map(([service, message]) =>
    `${message}${message.includes(SERVICE_NAMES[service] ?? '\u0000') ? '' : ` (${SERVICE_NAMES[service] ?? service})`}`);
  if (configError && lines.length === 0) lines.push(configError);
  if (offline) lines.unshift('Нет подключения к сети: показаны последние загруженные данные');
  if (lines.length === 0) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner">
      <strong>Нет связи с сервером.</strong>
      <ul>{[...new Set(lines)].map((l) => <li key={l}>{l}</li>)}</ul>
      <span className="hint">Данные на экране могут быть неактуальны. Действия не выполнены — повторите, когда связь вернётся.</span>
      <button type="button" onClick={onRetry}>Повторить</button>
    </div>
  );
}
