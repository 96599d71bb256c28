// Passerelle service worker: keeps the app shell (HTML, scripts, styles, icons) so the app opens
// without network. API calls are never cached: they go to the network or fail.
// The build (vite.config.ts) fills in the version and the list of files.
const SHELL_VERSION = '__SHELL_VERSION__';
const SHELL_FILES = __SHELL_FILES__;
const CACHE = 'passerelle-shell-' + SHELL_VERSION;
const NETWORK_ONLY = ['/api/', '/actuator/', '/v3/'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL_FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((name) => name.startsWith('passerelle-shell-') && name !== CACHE).map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (NETWORK_ONLY.some((prefix) => url.pathname.startsWith(prefix))) return;

  if (request.mode === 'navigate') {
    // Screens are client-side routes: the network's index.html when reachable, the cached one otherwise.
    event.respondWith(
      fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE }).then((cached) => cached || Response.error())),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});
