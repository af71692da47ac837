// Shapes of the clinic services' JSON, as the PWA uses them.

export interface Doctor {
  id: string;
  fullName: string;
  specialty: string;
  branch?: string;
  address?: string;
}

export interface Specialty {
  code: string;
  name: string;
}

export interface Appointment {
  id: string;
  patientId: string;
  slotId: string;
  doctorId: string;
  specialty: string;
  start: string;
  end: string;
  status: string;
  source: string;
  cancelReason?: string | null;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
}

export interface Patient {
  id: string;
  fullName: string;
  phone: string;
  birthDate: string;
}

export interface Slot {
  id: string;
  doctorId: string;
  doctorName: string;
  specialty: string;
  start: string;
  durationMinutes: number;
  status: string;
}

export interface Touch {
  kind: string;
  dueAt: string;
  dueAtMoscow?: string;
  status: string;
  sentAt?: string;
  answer?: string;
  reason?: string;
}

export interface WaitlistEntry {
  id: string;
  patientId: string;
  specialty: string;
  doctorId?: string | null;
  from: string;
  to: string;
  status: string;
  createdAt: string;
}

export interface WaitlistOffer {
  id: string;
  entryId: string;
  patientId: string;
  slotId: string;
  status: string;
  offeredAt: string;
  expiresAt: string;
  appointmentId?: string | null;
}
