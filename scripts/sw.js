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
// Asked from the network first, the last copy kept for offline visits, in
// a store of their own that a new version of the apps does not drop: the
// directories a coordinator publishes beside the app (/annuaire/), which
// change without a new build, and the list of places (/lieux/), which only
// the services app fetches (too big to download for everyone).
const KEPT = ['/annuaire/', '/lieux/'];
const KEPT_STORE = 'amarre-kept';
const INDEX = '/annuaire/index.json';

self.addEventListener('install', (event) => {
  event.waitUntil(
    Promise.all([
      caches.open(STORE).then((store) => store.addAll(FILES)),
      // The published directory too (the same file for everyone), so the
      // apps find it offline even if this first visit fetched it before
      // the worker was there; a site without one is no reason to fail.
      caches.open(KEPT_STORE).then((store) => store.add(INDEX).catch(() => {})),
    ]),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(names.filter((n) => n.startsWith('amarre-') && n !== STORE && n !== KEPT_STORE).map((n) => caches.delete(n))),
      )
      .then(() => self.clients.claim()),
  );
});

// The page says when the person chose to reload into the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'amarre:update') self.skipWaiting();
});

// Each address of an app is that app's page; /eleve has its own (its first
// view is prerendered), an address no app has the 404 page.
function pageOf(path) {
  // The most specific first: /classe/repondre is an app inside /classe.
  for (const app of ['/famille', '/classe/repondre', '/classe', '/services', '/confidentialite', '/historique', '/coordination']) {
    if (path === app || path.startsWith(`${app}/`)) return `${app}/index.html`;
  }
  if (path === '/') return '/index.html';
  return path === '/eleve' || path === '/eleve/' ? '/eleve/index.html' : '/404.html';
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only this site's plain GETs: the apps make no other request.
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.search) return;
  if (KEPT.some((folder) => url.pathname.startsWith(folder)) && request.mode !== 'navigate') {
    event.respondWith(networkFirst(request, url.pathname));
    return;
  }
  const key = request.mode === 'navigate' ? pageOf(url.pathname) : url.pathname;
  event.respondWith(
    caches.open(STORE).then((store) => store.match(key).then((stored) => stored || fetch(request))),
  );
});

// The network's answer (kept if it is the file, forgotten if the server
// says it is gone), else the last copy, else « no content » (204: the
// apps then do without, and no error is logged).
async function networkFirst(request, path) {
  const store = await caches.open(KEPT_STORE);
  try {
    const answer = await fetch(request);
    if (answer.ok) await store.put(path, answer.clone());
    else if (answer.status === 404 || answer.status === 410) await store.delete(path);
    return answer;
  } catch {
    return (await store.match(path)) || new Response(null, { status: 204 });
  }
}
