// The kiosk's service worker (docs/kiosk.md): the kiosk starts and works
// without a network.
//
// - The code and the kiosk page are cached when the worker installs, and
//   served from that cache. The build writes a new BUILD id into this file
//   whenever one of them changes, so a changed dist/ installs a new worker,
//   which caches the new code; the old cache is removed when it takes over.
// - Bundles (*.dsse.json) come from the "wegwijzer-rules" cache, which holds
//   the last bundle the guide ACCEPTED (it writes it there after the core's
//   checks, never before: web/src/engine.js rememberBundle). Only when that
//   cache has none, from the network.
// - The guide's refresh (header X-Wegwijzer-Refresh) goes to the network:
//   the guide checks what it gets before anything is kept.
// - Anything else: the network, as without a worker. Nothing the person
//   types is ever in a request, so nothing of it can end up in a cache.

const BUILD = '@BUILD_ID@';
const CODE_CACHE = `wegwijzer-kiosk-code-${BUILD}`;
const RULES_CACHE = 'wegwijzer-rules';
const CODE = [
  'kiosk.html', 'kiosk.css', 'kiosk.js', 'favicon.svg',
  'wegwijzer-guide.js', '@GLUE@', '@WASM@', '@FALLBACK@', // content-hashed names, written by the build
];
const codeUrls = new Set(CODE.map((file) => new URL(file, self.location).href));

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CODE_CACHE)
    .then((cache) => cache.addAll(CODE.map((file) => new Request(file, { cache: 'reload' }))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names
      .filter((name) => name.startsWith('wegwijzer-kiosk-code-') && name !== CODE_CACHE)
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

async function fromCache(cacheName, request, key) {
  const hit = await (await caches.open(cacheName)).match(key);
  return hit || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.headers.has('X-Wegwijzer-Refresh')) return;
  const key = url.origin + url.pathname; // the kiosk page with or without a query
  if (codeUrls.has(key)) event.respondWith(fromCache(CODE_CACHE, request, key));
  else if (url.pathname.endsWith('.dsse.json')) event.respondWith(fromCache(RULES_CACHE, request, key));
});
