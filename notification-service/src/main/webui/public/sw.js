/*
 * Явка service worker: an offline shell, and the staff notifications Web Push brings.
 *
 * - Pages: network first; offline, the last shell seen is served so the app opens and says
 *   it is offline. Built assets (/assets/*, content-hashed) are cache first.
 * - /api and /q are never cached: they carry personal data and must be current.
 * - push: the payload is notification-service's JSON (title, body, url, tag), decrypted by
 *   the browser; it is shown as it is. A click opens (or focuses) the app at its url.
 */
const SHELL_CACHE = 'yavka-shell-v1';
const ASSET_CACHE = 'yavka-assets-v1';
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png',
  '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL_CACHE);
    await shell.addAll(SHELL);
    // The hashed bundles the shell needs, read off the page itself.
    const html = await (await shell.match('/index.html')).text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    if (assets.length > 0) {
      await (await caches.open(ASSET_CACHE)).addAll(assets);
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const keep = new Set([SHELL_CACHE, ASSET_CACHE]);
    for (const name of await caches.keys()) {
      if (!keep.has(name)) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/q/')) return;

  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          (await caches.open(SHELL_CACHE)).put('/index.html', response.clone());
        }
        return response;
      } catch (offline) {
        return (await caches.match('/index.html')) || Response.error();
      }
    })());
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    event.respondWith((async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) (await caches.open(ASSET_CACHE)).put(request, response.clone());
      return response;
    })());
    return;
  }

  event.respondWith((async () => {
    const cached = await caches.match(request);
    const network = fetch(request).then(async (response) => {
      if (response.ok) (await caches.open(SHELL_CACHE)).put(request, response.clone());
      return response;
    }).catch(() => cached || Response.error());
    return cached || network;
  })());
});

self.addEventListener('push', (event) => {
  let message;
  try {
    message = event.data ? event.data.json() : {};
  } catch (notJson) {
    message = { title: 'Явка', body: event.data ? event.data.text() : '' };
  }
  const title = message.title || 'Явка';
  event.waitUntil((async () => {
    await self.registration.showNotification(title, {
      body: message.body || '',
      tag: message.tag || message.alertId || undefined,
      renotify: Boolean(message.tag),
      lang: 'ru',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      timestamp: message.at ? Date.parse(message.at) : Date.now(),
      data: { url: message.url || '/', kind: message.kind, alertId: message.alertId },
    });
    // Open pages learn about it too (e.g. to refresh the alerts list).
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      client.postMessage({ type: 'push', message });
    }
  })());
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if (new URL(client.url).origin === target.origin && 'focus' in client) {
        await client.focus();
        if ('navigate' in client) await client.navigate(target.href);
        return;
      }
    }
    await self.clients.openWindow(target.href);
  })());
});

// The browser replaced the subscription: the open app re-registers it with the server.
self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil((async () => {
    for (const client of await self.clients.matchAll({ type: 'window' })) {
      client.postMessage({ type: 'pushsubscriptionchange' });
    }
  })());
});
