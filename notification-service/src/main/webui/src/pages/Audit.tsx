import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api';
import { dateTime, ROLE } from '../format';

interface Entry {
  id?: string;
  eventId?: string;
  occurredAt?: string;
  at?: string;
  actor?: string;
  actorRole?: string;
  patientId?: string;
  recordType?: string;
  recordId?: string;
  action?: string;
  purpose?: string;
  service?: string;
}

interface Page {
  items?: Entry[];
  content?: Entry[];
  entries?: Entry[];
  total?: number;
  totalElements?: number;
  page?: number;
  size?: number;
}

const ACTION: Record<string, string> = { CREATE: 'создание', READ: 'просмотр', UPDATE: 'изменение', DELETE: 'удаление', EXPORT: 'выгрузка' };
const SIZE = 50;

/** Who touched which personal data, when and why (152-FZ), from audit-service. Auditors only. */
export function AuditPage() {
  const [patientId, setPatientId] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(0);
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (p: number) => {
    setError(null);
    const query = new URLSearchParams({ page: String(p), size: String(SIZE) });
    if (patientId.trim()) query.set('patientId', patientId.trim());
    if (actor.trim()) query.set('actor', actor.trim());
    if (from) query.set('from', from);
    if (to) query.set('to', to);
    try {
      const answer = await api<Page | Entry[]>(`/api/audit?${query}`, { purpose: 'audit-review' });
      const list = Array.isArray(answer) ? answer : answer.items ?? answer.content ?? answer.entries ?? [];
      setEntries(list);
      setTotal(Array.isArray(answer) ? null : answer.total ?? answer.totalElements ?? null);
      setPage(p);
    } catch (e) {
      if (e instanceof ApiError && !e.unavailable) setError(e.message);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [patientId, actor, from, to]);

  useEffect(() => {
    load(0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    load(0);
  };

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Журнал доступа к персональным данным</h1>
      <form className="filters card" onSubmit={submit}>
        <label>Пациент (ID)<input value={patientId} onChange={(e) => setPatientId(e.target.value)} placeholder="UUID" /></label>
        <label>Сотрудник<input value={actor} onChange={(e) => setActor(e.target.value)} placeholder="логин" /></label>
        <label>С<input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label>По<input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button type="submit">Найти</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      <article className="card">
        {entries === null && !error && <p className="muted">Загрузка…</p>}
        {entries?.length === 0 && <p className="empty">Записей не найдено.</p>}
        {entries && entries.length > 0 && (
          <table data-testid="audit-table">
            <thead><tr><th>Когда</th><th>Сотрудник</th><th>Роль</th><th>Действие</th><th>Запись</th><th>Пациент</th><th>Цель</th><th>Сервис</th></tr></thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={e.id ?? e.eventId ?? i} data-testid="audit-entry">
                  <td>{e.occurredAt || e.at ? dateTime((e.occurredAt ?? e.at)!) : '—'}</td>
                  <td>{e.actor ?? '—'}</td>
                  <td>{e.actorRole ? ROLE[e.actorRole] ?? e.actorRole : '—'}</td>
                  <td>{e.action ? ACTION[e.action] ?? e.action : '—'}</td>
                  <td className="small">{e.recordType ?? ''} {e.recordId ? <code>{e.recordId.slice(0, 8)}</code> : ''}</td>
                  <td className="small">{e.patientId ? <code>{e.patientId.slice(0, 8)}</code> : '—'}</td>
                  <td>{e.purpose ?? '—'}</td>
                  <td className="small">{e.service ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="pager">
          <button type="button" disabled={page === 0} onClick={() => load(page - 1)}>← Назад</button>
          <span>Страница {page + 1}{total !== null ? ` из ${Math.max(1, Math.ceil(total / SIZE))}` : ''}</span>
          <button type="button" disabled={!entries || entries.length < SIZE} onClick={() => load(page + 1)}>Вперёд →</button>
        </div>
      </article>
    </section>
  );
}
