import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { decodeClaims, finishOidcLogin, startOidcLogin, storeToken } from '../auth';
import { ROLE } from '../format';
import { navigate, useLocation } from '../router';
import type { ClientConfig, Me } from '../session';

export function LoginPage({ config, onSignedIn }: { config: ClientConfig | null; onSignedIn: (me: Me) => void }) {
  const location = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const accept = async (candidate: string) => {
    setBusy(true);
    setError(null);
    try {
      const me = await api<Me>('/api/me', { token: candidate });
      storeToken(candidate);
      onSignedIn(me);
    } catch (e) {
      const err = e as ApiError;
      setError(err.status === 401 ? 'Токен не принят: он недействителен или истёк' : err.message);
    } finally {
      setBusy(false);
    }
  };

  // Back from the OIDC provider with a code.
  useEffect(() => {
    if (location.path !== '/login/callback' || !config?.oidc) return;
    finishOidcLogin(config.oidc, location.params)
      .then(accept)
      .catch((e: Error) => {
        setError(`Вход не удался: ${e.message}`);
        navigate('/login', true);
      });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [location.path, config]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!decodeClaims(value)) {
      setError('Это не похоже на токен (JWT из трёх частей через точку)');
      return;
    }
    accept(value);
  };

  const claims = decodeClaims(token.trim().replace(/^Bearer\s+/i, ''));
  const showTokenForm = config ? config.devTokenLogin || !config.oidc : true;

  return (
    <section className="login card" aria-labelledby="login-title">
      <h1 id="login-title">Явка</h1>
      <p className="muted">Рабочее место регистратуры и врача</p>
      {config?.oidc && (
        <button type="button" className="primary wide" disabled={busy}
          onClick={() => startOidcLogin(config.oidc!).catch((e: Error) => setError(e.message))}>
          Войти через учётную запись клиники
        </button>
      )}
      {showTokenForm && (
        <form onSubmit={submit} className="token-form">
          <label htmlFor="token">Токен доступа</label>
          <textarea id="token" name="token" rows={5} value={token} spellCheck={false} autoComplete="off"
            placeholder="eyJhbGciOi…" onChange={(e) => setToken(e.target.value)} />
          <p className="hint">
            Локальный стенд: выполните <code>./clinic token registrar</code> (или <code>doctor</code>,{' '}
            <code>admin</code>, <code>auditor</code>) и вставьте результат.
          </p>
          {claims && (
            <p className="hint">Пользователь: <b>{claims.upn ?? claims.sub}</b>
              {claims.groups && <> · роль: {claims.groups.map((g) => ROLE[g] ?? g).join(', ')}</>}</p>
          )}
          <button type="submit" className="primary wide" disabled={busy || !token.trim()}>
            {busy ? 'Проверяем…' : 'Войти'}
          </button>
        </form>
      )}
      {error && <p className="error" role="alert">{error}</p>}
    </section>
  );
}
