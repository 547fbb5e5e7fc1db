// Registers Amarre's service worker (offline use after one visit), and
// says when a new version is ready: the person chooses when to reload.
// Plain script, same origin (the CSP allows 'self'); no data is sent.
(() => {
  if (!('serviceWorker' in navigator)) return;
  const WORDS = {
    fr: ['Une nouvelle version d’Amarre est prête.', 'Recharger'],
    en: ['A new version of Amarre is ready.', 'Reload'],
  };
  function offer(worker) {
    if (document.querySelector('.update-banner')) return;
    const [text, button] = WORDS[document.documentElement.lang] || WORDS.fr;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    banner.dataset.testid = 'update-banner';
    const label = document.createElement('span');
    label.textContent = `${text} `;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'button';
    reload.textContent = button;
    reload.addEventListener('click', () => {
      asked = true;
      worker.postMessage('amarre:update');
    });
    banner.append(label, reload);
    document.body.prepend(banner);
  }
  // Reload only when the person chose the new version: on a first visit
  // the worker also takes control (clients.claim), and nothing must reload.
  let asked = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) {
      asked = false;
      location.reload();
    }
  });
  // Once the app has started (trunk's loader says so): the worker's first
  // install downloads every file of the apps, which on a slow line would
  // otherwise share it with the wasm the person is waiting for.
  const register = () => navigator.serviceWorker
    .register('/sw.js', { scope: '/' })
    .then((registration) => {
      // A version installed while an older one controls the page waits for the person.
      const waiting = () => registration.waiting && navigator.serviceWorker.controller && offer(registration.waiting);
      waiting();
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && waiting());
      });
    })
    .catch(() => {
      // No offline use (private mode, a browser that refuses): the app works online as before.
    });
  if (window.wasmBindings) register();
  else addEventListener('TrunkApplicationStarted', register, { once: true });
})();
