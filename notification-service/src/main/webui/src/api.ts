// Every call to the clinic's services goes through this origin with the user's own token.
// Failures become ApiError; a service that cannot be reached is reported to the outage
// listeners (the red banner), and its recovery too.

import { storedToken } from './auth';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  service?: string;
  errors?: { field: string; reason: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
    readonly service: string,
    message: string,
  ) {
    super(message);
  }

  /** The service (or this server) could not be reached, as opposed to refusing the request. */
  get unavailable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

export type Outage = { service: string; message: string } | null;
type OutageListener = (service: string, outage: Outage) => void;
const outageListeners = new Set<OutageListener>();
let unauthorizedListener: (() => void) | null = null;

export function onOutage(listener: OutageListener): () => void {
  outageListeners.add(listener);
  return () => outageListeners.delete(listener);
}

export function onUnauthorized(listener: () => void) {
  unauthorizedListener = listener;
}

/** Which service answers a path (what the banner names). */
export function serviceOf(path: string): string {
  if (/^\/api\/(specialties|doctors|slots|appointments|patients|waitlist)/.test(path)) return 'booking-service';
  if (path.startsWith('/api/reminders')) return 'reminder-service';
  if (path.startsWith('/api/integration')) return 'integration-1c-service';
  if (path.startsWith('/api/audit')) return 'audit-service';
  return 'notification-service';
}

export const SERVICE_NAMES: Record<string, string> = {
  'booking-service': 'Сервис записи',
  'reminder-service': 'Сервис напоминаний',
  'integration-1c-service': 'Интеграция с 1С',
  'audit-service': 'Журнал аудита',
  'notification-service': 'Сервер приложения',
};

function report(service: string, outage: Outage) {
  outageListeners.forEach((l) => l(service, outage));
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  /** Why personal data is read (X-Access-Purpose, kept in the audit trail). */
  purpose?: string;
  token?: string;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: CallOptions = {}): Promise<T> {
  const service = serviceOf(path);
  const token = options.token ?? storedToken();
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.purpose) headers['X-Access-Purpose'] = options.purpose;
  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    const message = offline ? 'Нет подключения к сети' : 'Сервер приложения не отвечает';
    report(service, { service, message });
    throw new ApiError(0, null, service, message);
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const problem = (json && typeof json === 'object' ? json : null) as Problem | null;
    const failed = problem?.service ?? service;
    const error = new ApiError(response.status, problem, failed, describe(response.status, problem, failed));
    if (error.unavailable) report(failed, { service: failed, message: error.message });
    if (response.status === 401 && unauthorizedListener) unauthorizedListener();
    throw error;
  }
  report(service, null);
  return json as T;
}

function describe(status: number, problem: Problem | null, service: string): string {
  const name = SERVICE_NAMES[service] ?? service;
  switch (status) {
    case 401:
      return 'Сеанс истёк — войдите снова';
    case 403:
      return 'Недостаточно прав для этого действия';
    case 404:
      return problem?.detail ? `Не найдено: ${problem.detail}` : 'Не найдено';
    case 409:
      return problem?.detail ? `Конфликт: ${problem.detail}` : 'Данные уже изменились — обновите страницу';
    case 502:
      return `${name} недоступен`;
    case 503:
      return problem?.detail && service === 'notification-service' ? problem.detail : `${name} временно недоступен`;
    case 504:
      return `${name} не ответил вовремя`;
    default:
      if (status >= 400 && status < 500) {
        return problem?.detail ? `Проверьте данные: ${problem.detail}` : 'Запрос отклонён';
      }
      return `${name}: ошибка ${status}`;
  }
}
