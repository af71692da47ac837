// Lookups several pages share, fetched once per page view and cached for its life.
import { api } from './api';
import type { Doctor, Patient, Specialty } from './types';

/** Runs the calls at most `limit` at a time (the services are small; a page must not flood them). */
export async function inBatches<T, R>(items: T[], limit: number, call: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await call(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export const loadDoctors = () => api<Doctor[]>('/api/doctors');
export const loadSpecialties = () => api<Specialty[]>('/api/specialties');

/** Patient records for display; each read is audited by booking-service with this purpose. */
export async function loadPatients(ids: string[], known: Record<string, Patient | null>, purpose: string) {
  const missing = [...new Set(ids)].filter((id) => !(id in known));
  const found = await inBatches(missing, 4, (id) =>
    api<Patient>(`/api/patients/${id}`, { purpose }).catch((e) => {
      if (e.status === 404) return null;
      throw e;
    }));
  const out: Record<string, Patient | null> = {};
  missing.forEach((id, i) => (out[id] = found[i]));
  return out;
}

export function specialtyName(code: string | undefined | null, specialties: Specialty[]): string {
  if (!code) return '—';
  return specialties.find((s) => s.code === code)?.name ?? code;
}
