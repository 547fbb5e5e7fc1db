// Amarre's service worker: after one visit, every page opens offline.
//
// At install it stores every file of the apps (the same list for
// everyone, written by scripts/write-sw.mjs at build time); it then answers
// every request of the apps from that store, and asks the network only for
// what is not in it. It never stores anything else, never sees what a
// person answers (answers stay in the page and its storage), and never
// forwards a request anywhere but to this site. A new build is a new
// version: its files go to a new store, the old one is dropped when the new
// version takes over, which happens when the person chooses to reload.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const STORE = `amarre-${VERSION}`;
// The directories a coordinator publishes beside the app (/annuaire/) can
// change without a new build: asked from the network first, the last copy
// kept for offline visits, in a store of their own that a new version of
// the apps does not drop.
const PUBLISHED = '/annuaire/';
const PUBLISHED_STORE = 'amarre-annuaire';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(STORE).then((store) => store.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('amarre-') && n !== STORE && n !== PUBLISHED_STORE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

// The page says when the person chose to reload into the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'amarre:update') self.skipWaiting();
});

// Each address of an app is that app's page.
function pageOf(path) {
  // The most specific first: /classe/repondre is an app inside /classe.
  for (const app of ['/famille', '/classe/repondre', '/classe', '/services', '/confidentialite', '/historique']) {
    if (path === app || path.startsWith(`${app}/`)) return `${app}/index.html`;
  }
  return '/index.html';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this site's plain GETs: the apps make no other request.
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.search) return;
  if (url.pathname.startsWith(PUBLISHED) && request.mode !== 'navigate') {
    event.respondWith(published(request, url.pathname));
    return;
  }
  const key = request.mode === 'navigate' ? pageOf(url.pathname) : url.pathname;
  event.respondWith(
    caches.open(STORE).then((store) => store.match(key).then((stored) => stored || fetch(request))),
  );
});

// A published file: the network's answer (kept if it is the file, forgotten
// if the server says it is gone), else the last copy, else « unavailable ».
async function published(request, path) {
  const store = await caches.open(PUBLISHED_STORE);
  try {
    const answer = await fetch(request);
    if (answer.ok) await store.put(path, answer.clone());
    else if (answer.status === 404 || answer.status === 410) await store.delete(path);
    return answer;
  } catch {
    return (await store.match(path)) || new Response('', { status: 503 });
  }
}
