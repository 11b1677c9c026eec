/// <reference lib="webworker" />
// The service worker: keeps the app shell, its hashed assets and the GraphQL
// answers it has seen, so that a kiosk keeps showing content when the
// network drops, and a reload while offline shows the app, never a browser
// error page. Network first for pages and answers (fresh when possible),
// cache first for hashed assets (they never change).

export {};
declare const self: ServiceWorkerGlobalScope;

const CACHE = 'brandshow-v1';
const SHELL = '/';
// The server answers with "Vary: Origin" (CORS), and module scripts are
// requested with an Origin header while the saved copies were not: matches
// ignore Vary, as every entry here is public and the same for every origin.
/** How long to wait for the network before answering from the cache. */
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.add(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page tells which URLs it loaded before the worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string').map((u) => new URL(u, self.location.origin)).filter((u) => u.origin === self.location.origin && cacheable(u));
  event.waitUntil(
    caches.open(CACHE).then((c) =>
      Promise.all(
        urls.map(async (u) => {
          if (await c.match(u.href, { ignoreVary: true })) return;
          const res = await fetch(u.href).catch(() => null);
          if (res?.ok) await c.put(u.href, res);
        }),
      ),
    ),
  );
});

function cacheable(u: URL): boolean {
  return u.pathname.startsWith('/assets/') || u.pathname === '/graphql';
}

async function networkFirst(req: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const res = await Promise.race([
      fetch(req),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (res.ok) await cache.put(key, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(req: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(req);
  if (res.ok) await cache.put(req, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    if (/^\/(graphiql|graphql|feeds|metrics|healthz|readyz|sitemap|robots\.txt|kiosks\/)/.test(url.pathname)) return;
    // Every page is the same app: keep one copy of the shell.
    event.respondWith(networkFirst(req, SHELL));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (url.pathname === '/graphql' && !req.headers.has('Authorization')) {
    event.respondWith(networkFirst(req, req.url));
  }
});
