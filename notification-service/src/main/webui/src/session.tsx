// The signed-in user and what every page shares: their roles, the live event feed, the
// outage banner state.
import { createContext, useContext, useEffect, useRef } from 'react';
import type { LiveEvent, LiveState } from './live';

export interface Me {
  name: string;
  roles: string[];
  doctorId?: string | null;
}

export interface ClientConfig {
  oidc?: { authority: string; clientId: string; scope: string };
  devTokenLogin: boolean;
  push: boolean;
}

export interface Session {
  me: Me;
  config: ClientConfig;
  liveState: LiveState;
  subscribeLive: (listener: (event: LiveEvent) => void) => () => void;
  toast: (text: string) => void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('no session');
  return session;
}

export const hasRole = (me: Me, ...roles: string[]) => roles.some((r) => me.roles.includes(r));

/** Calls the listener for each live event while the component is mounted. */
export function useLive(listener: (event: LiveEvent) => void) {
  const { subscribeLive } = useSession();
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => subscribeLive((e) => latest.current(e)), [subscribeLive]);
}
