// Who is signed in: the bearer token (from the clinic's OIDC provider, or locally a pasted
// `./clinic token`), kept in this browser until it expires or the user signs out.

const TOKEN_KEY = 'yavka.token';
const PKCE_KEY = 'yavka.pkce';

export interface Claims {
  sub?: string;
  upn?: string;
  preferred_username?: string;
  groups?: string[];
  exp?: number;
  doctor_id?: string;
}

export function decodeClaims(token: string): Claims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return null;
  }
}

export function expired(token: string, skewSeconds = 30): boolean {
  const claims = decodeClaims(token);
  return !claims || (claims.exp !== undefined && claims.exp * 1000 < Date.now() + skewSeconds * 1000);
}

export function storedToken(): string | null {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token && expired(token)) {
    localStorage.removeItem(TOKEN_KEY);
    return null;
  }
  return token;
}

export function storeToken(token: string) {
  localStorage.setItem(TOKEN_KEY, token);
}

export function clearToken() {
  localStorage.removeItem(TOKEN_KEY);
}

// ---- OIDC: authorization code flow with PKCE (a public client; no secret in the browser) ----

export interface OidcSettings {
  authority: string;
  clientId: string;
  scope: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

function base64url(bytes: Uint8Array): string {
  let s = '';
  bytes.forEach((b) => (s += String.fromCharCode(b)));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function discover(authority: string): Promise<Discovery> {
  const response = await fetch(authority.replace(/\/$/, '') + '/.well-known/openid-configuration');
  if (!response.ok) throw new Error(`провайдер входа ответил ${response.status}`);
  return (await response.json()) as Discovery;
}

function redirectUri(): string {
  return window.location.origin + '/login/callback';
}

/** Sends the browser to the provider's login page. */
export async function startOidcLogin(oidc: OidcSettings): Promise<void> {
  const discovery = await discover(oidc.authority);
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state }));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: redirectUri(),
    scope: oidc.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/** On /login/callback: trades the code for tokens. Returns the access token. */
export async function finishOidcLogin(oidc: OidcSettings, params: URLSearchParams): Promise<string> {
  const saved = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null') as { verifier: string; state: string } | null;
  sessionStorage.removeItem(PKCE_KEY);
  if (params.get('error')) throw new Error(params.get('error_description') || params.get('error') || 'ошибка входа');
  if (!saved || saved.state !== params.get('state')) throw new Error('ответ провайдера входа не совпал с запросом');
  const discovery = await discover(oidc.authority);
  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: params.get('code') || '',
      redirect_uri: redirectUri(),
      client_id: oidc.clientId,
      code_verifier: saved.verifier,
    }),
  });
  if (!response.ok) throw new Error(`провайдер входа отказал: ${response.status}`);
  const tokens = (await response.json()) as { access_token?: string };
  if (!tokens.access_token) throw new Error('провайдер входа не выдал токен');
  return tokens.access_token;
}
