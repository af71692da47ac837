// Push notifications on this device: the browser's PushManager subscription, registered
// with notification-service (which encrypts for it and sends through the browser's push service).

import { api } from './api';

export interface SubscriptionView {
  id: string;
  pushService: string;
  doctorIds: string[];
  role: string;
  userAgent?: string;
  createdAt: string;
  lastSuccessAt?: string;
}

export type PushSupport = 'unsupported' | 'denied' | 'off' | 'on';

export function pushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const padded = base64url.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (base64url.length % 4)) % 4);
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

export async function currentSubscription(): Promise<PushSubscription | null> {
  if (!pushSupported()) return null;
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

export async function pushState(): Promise<PushSupport> {
  if (!pushSupported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return (await currentSubscription()) ? 'on' : 'off';
}

/** Asks for permission, subscribes this browser and registers it with the server. */
export async function enablePush(doctorIds: string[]): Promise<SubscriptionView> {
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') throw new Error('Браузер не разрешил уведомления');
  const { publicKey } = await api<{ publicKey: string }>('/api/push/vapid-public-key');
  const registration = await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  if (!subscription) {
    subscription = await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(publicKey),
    });
  }
  return register(subscription, doctorIds);
}

const SUBSCRIPTION_KEY = 'yavka.push.subscription';

export async function register(subscription: PushSubscription, doctorIds: string[]): Promise<SubscriptionView> {
  const json = subscription.toJSON();
  const view = await api<SubscriptionView>('/api/push/subscription', {
    method: 'PUT',
    body: { endpoint: json.endpoint, keys: json.keys, doctorIds, userAgent: navigator.userAgent },
  });
  // The server never hands the endpoint back; this browser remembers which subscription is its own.
  localStorage.setItem(SUBSCRIPTION_KEY, view.id);
  return view;
}

export function ownSubscriptionId(): string | null {
  return localStorage.getItem(SUBSCRIPTION_KEY);
}

/** Removes this browser's subscription here and at the server. */
export async function disablePush(): Promise<void> {
  const subscription = await currentSubscription();
  const id = ownSubscriptionId();
  if (subscription) await subscription.unsubscribe();
  if (id) {
    try {
      await api(`/api/push/subscriptions/${id}`, { method: 'DELETE' });
    } catch (e) {
      // Already gone at the server (another user took this browser over): nothing left to remove.
      if (!(e instanceof Error && 'status' in e && (e as { status: number }).status === 404)) throw e;
    }
    localStorage.removeItem(SUBSCRIPTION_KEY);
  }
}
