/// <reference lib="webworker" />
// The service worker: keeps the app shell, its hashed assets and the GraphQL
// answers it has seen, so that a kiosk keeps showing content when the
// network drops, and a reload while offline shows the app, never a browser
// error page. Network first for pages and answers (fresh when possible),
// cache first for hashed assets and pictures (both never change: a picture's
// path is the SHA-256 of its bytes plus the rendition width).

export {};
declare const self: ServiceWorkerGlobalScope;

const CACHE = 'brandshow-v1';
/**
 * Pictures (/media/...) go to a cache of their own, bounded by entries so a
 * visitor who browses many brands does not fill the disk; a kiosk's pictures
 * (the featured brands' logos and pictures at kiosk size, sent by the kiosk
 * page) stay well under the bound.
 */
const MEDIA_CACHE = 'brandshow-media-v1';
const MEDIA_MAX_ENTRIES = 600;
const KEEP = [CACHE, MEDIA_CACHE];
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
      .then((keys) => Promise.all(keys.filter((k) => !KEEP.includes(k)).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page tells which URLs it loaded before the worker controlled it.
self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type !== 'cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u): u is string => typeof u === 'string').map((u) => new URL(u, self.location.origin)).filter((u) => u.origin === self.location.origin && cacheable(u));
  event.waitUntil(
    Promise.all([caches.open(CACHE), caches.open(MEDIA_CACHE)]).then(async ([c, media]) => {
      // One at a time: a kiosk may send a few hundred picture URLs at once.
      for (const u of urls) {
        const target = isMedia(u) ? media : c;
        if (await target.match(u.href, { ignoreVary: true })) continue;
        const res = await fetch(u.href).catch(() => null);
        if (res && storable(res)) await target.put(u.href, res);
      }
      await trim(media);
    }),
  );
});

/** storable: an answer the server lets a cache keep (a preview's answer is private, no-store). */
function storable(res: Response): boolean {
  return res.ok && !/no-store|private/i.test(res.headers.get('Cache-Control') ?? '');
}

function isMedia(u: URL): boolean {
  return u.pathname.startsWith('/media/');
}

function cacheable(u: URL): boolean {
  return u.pathname.startsWith('/assets/') || u.pathname === '/graphql' || isMedia(u);
}

/** trim drops the oldest pictures beyond the bound (keys come in insertion order). */
async function trim(media: Cache): Promise<void> {
  const keys = await media.keys();
  for (const k of keys.slice(0, Math.max(0, keys.length - MEDIA_MAX_ENTRIES))) await media.delete(k);
}

async function networkFirst(req: Request, key: string): Promise<Response> {
  const cache = await caches.open(CACHE);
  try {
    const res = await Promise.race([
      fetch(req),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (storable(res)) await cache.put(key, res.clone());
    return res;
  } catch (err) {
    const hit = await cache.match(key, { ignoreVary: true });
    if (hit) return hit;
    throw err;
  }
}

async function cacheFirst(req: Request, name = CACHE): Promise<Response> {
  const cache = await caches.open(name);
  // Pictures are keyed by URL alone: an <img> asks with other headers
  // (Accept) than the kiosk's prefetch, and the answer is the same.
  const hit = await cache.match(req.url, { ignoreVary: true });
  if (hit) return hit;
  const res = await fetch(req);
  // A full answer only: never a 206 of a range request, nor an opaque one.
  if (res.status === 200) {
    await cache.put(req.url, res.clone());
    if (name === MEDIA_CACHE) await trim(cache);
  }
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    if (/^\/(graphiql|graphql|feeds|metrics|healthz|readyz|sitemap|robots\.txt|kiosks\/|preview\/)/.test(url.pathname)) return;
    // Every page is the same app: keep one copy of the shell.
    event.respondWith(networkFirst(req, SHELL));
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(req));
    return;
  }
  if (isMedia(url)) {
    event.respondWith(cacheFirst(req, MEDIA_CACHE));
    return;
  }
  if (url.pathname === '/graphql' && !req.headers.has('Authorization')) {
    event.respondWith(networkFirst(req, req.url));
  }
});
