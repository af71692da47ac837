// Clinic time is Moscow time, whatever zone the device is in.

export const CLINIC_ZONE = 'Europe/Moscow';

const dateFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: CLINIC_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: CLINIC_ZONE, hour: '2-digit', minute: '2-digit' });
const longDateFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: CLINIC_ZONE, weekday: 'long', day: 'numeric', month: 'long' });
const dayMonthFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: CLINIC_ZONE, day: 'numeric', month: 'short' });
const dateTimeFmt = new Intl.DateTimeFormat('ru-RU', { timeZone: CLINIC_ZONE, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** YYYY-MM-DD of an instant in clinic time. */
export function clinicDate(at: Date | string | number = new Date()): string {
  const parts = dateFmt.formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const time = (at: string | Date) => timeFmt.format(new Date(at));
export const longDate = (isoDate: string) => longDateFmt.format(new Date(`${isoDate}T12:00:00+03:00`));
export const dayMonth = (isoDate: string) => dayMonthFmt.format(new Date(`${isoDate}T12:00:00+03:00`));
export const dateTime = (at: string | Date) => dateTimeFmt.format(new Date(at));

export const percent = (rate: number | null | undefined) =>
  rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1).replace('.', ',')} %`;

export const STATUS: Record<string, { label: string; tone: string }> = {
  BOOKED: { label: 'Записан', tone: 'neutral' },
  CONFIRMED: { label: 'Подтвердил', tone: 'info' },
  ARRIVED: { label: 'Пришёл', tone: 'ok' },
  COMPLETED: { label: 'Приём завершён', tone: 'ok' },
  NO_SHOW: { label: 'Не пришёл', tone: 'bad' },
  CANCELLED: { label: 'Отменена', tone: 'muted' },
  RESCHEDULED: { label: 'Перенесена', tone: 'muted' },
};

export const SOURCE: Record<string, string> = {
  TELEGRAM: 'Telegram',
  PHONE: 'Телефон',
  STAFF: 'Регистратура',
};

export const TOUCH_KIND: Record<string, string> = {
  T_MINUS_48H: 'За 48 часов',
  T_MINUS_24H: 'За 24 часа',
  T_MINUS_2H: 'За 2 часа',
  NO_SHOW_CHECK: 'Проверка явки',
};

export const TOUCH_STATUS: Record<string, string> = {
  PLANNED: 'запланировано',
  SENT: 'отправлено',
  SKIPPED: 'пропущено',
  CANCELLED: 'отменено',
};

export const ANSWER: Record<string, string> = {
  CONFIRM: 'подтвердил(а) визит',
  CONFIRMED: 'подтвердил(а) визит',
  CANCEL: 'отменил(а) визит',
  CANCELLED: 'отменил(а) визит',
  RESCHEDULE: 'просит перенести',
  RESCHEDULED: 'просит перенести',
};

export const ROLE: Record<string, string> = {
  admin: 'администратор',
  registrar: 'регистратор',
  doctor: 'врач',
  auditor: 'аудитор',
  service: 'сервис',
};

/** "Иванова Анна Петровна" → "Иванова А. П." */
export function shortName(fullName: string | undefined | null): string {
  if (!fullName) return '—';
  const [last, ...rest] = fullName.trim().split(/\s+/);
  return [last, ...rest.map((p) => `${p[0]}.`)].join(' ');
}
