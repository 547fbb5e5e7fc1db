// The privacy guard: proof that nothing leaves the device.
//
// It records every request a page makes, every console error, uncaught
// error and CSP violation, and fails the test on:
// - any request to another origin than the app's;
// - any request with a query string (a request shaped by what the person
//   chose is exactly what must never happen);
// - any request from the page after the initial load has finished that
//   reaches the network (the app must work without it once loaded): one
//   answered by the service worker from its precache never leaves the
//   device (the class survey's QR reader, fetched when the teacher scans);
// - any request from the service worker but its own script, its
//   precache (the files of the apps, the same list for everyone, read from
//   dist/sw.js), the directories published in /annuaire/ (the same files
//   for everyone, fetched by every app at start) and the list of places
//   in /lieux/ (fetched by the services app at start);
// - any CSP violation or console error.
// A test that loads a page again (reload, back) says so with expectLoad();
// the quick exit's navigation to the neutral page is allowed by name only.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The service worker's precache: every file of the apps, as paths. */
export function precache(dist = process.env.AMARRE_DIST || 'dist') {
  const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
  return new Set(JSON.parse(worker.match(/const FILES = (\[[\s\S]*?\]);/)[1]));
}

export class PrivacyGuard {
  /** @param {import('playwright-core').Page} page @param {string} origin */
  constructor(page, origin) {
    this.page = page;
    this.origin = new URL(origin).origin;
    this.loading = true;
    this.requests = [];
    this.problems = [];
    this.allowedExits = [];
    this.precache = precache();
    page.on('request', (request) => this.#onRequest(request));
    // The service worker's own requests are the context's, not the page's.
    page.context().on('request', (request) => {
      if (request.serviceWorker()) this.#onWorkerRequest(request);
    });
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text().slice(0, 240)}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error: ${error.message}`));
    page.on('response', (response) => this.#onResponse(response));
    page.on('requestfailed', (request) => {
      if (this.afterLoad.delete(request)) this.problems.push(`request after the initial load: ${request.url()}`);
    });
  }

  /** Page requests made after the initial load, until their response says where it came from. */
  afterLoad = new Set();

  #onResponse(response) {
    const request = response.request();
    if (!this.afterLoad.delete(request)) return;
    const path = new URL(request.url()).pathname;
    if (!(response.fromServiceWorker() && this.precache.has(path))) {
      this.problems.push(`request after the initial load: ${request.url()}`);
    }
  }

  /** Records CSP violations reported by the browser, page by page. */
  async install() {
    await this.page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
      });
    });
  }

  #onRequest(request) {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    this.requests.push({ url, loading: this.loading, type: request.resourceType() });
    const exit = this.allowedExits.find((prefix) => url.startsWith(prefix));
    if (exit && request.isNavigationRequest()) return;
    const parsed = new URL(url);
    if (parsed.origin !== this.origin) {
      this.problems.push(`request to another origin: ${url}`);
    } else if (parsed.search) {
      this.problems.push(`request with a query string: ${url}`);
    } else if (!this.loading) {
      // Allowed only if the service worker answers it from its precache.
      this.afterLoad.add(request);
    }
  }

  #onWorkerRequest(request) {
    const url = new URL(request.url());
    this.requests.push({ url: request.url(), loading: this.loading, type: 'service worker' });
    if (url.origin !== this.origin) {
      this.problems.push(`service worker request to another origin: ${url}`);
    } else if (url.search || !(this.precache.has(url.pathname) || url.pathname === '/sw.js' || /^\/(annuaire|lieux)\//.test(url.pathname))) {
      this.problems.push(`service worker request outside its precache: ${url}`);
    }
  }

  /** The next requests are a deliberate (re)load of the app. */
  expectLoad() {
    this.loading = true;
  }

  /** The initial load is over: from now on, no request at all. */
  async loaded() {
    await this.page.waitForLoadState('networkidle');
    this.loading = false;
  }

  /** Lets the quick exit navigate to the neutral page (and nothing else). */
  allowExitTo(prefix) {
    this.allowedExits.push(prefix);
  }

  /** Everything wrong seen so far, including CSP violations on the page. */
  async findings() {
    // A request still unanswered has not been shown to stay on the device.
    const pending = [...this.afterLoad].map((r) => `request after the initial load, unanswered: ${r.url()}`);
    const csp = await this.page
      .evaluate(() => window.__cspViolations || [])
      .catch(() => []);
    return [...this.problems, ...pending, ...csp.map((v) => `CSP violation: ${v}`)];
  }

  /** Fails the test if anything left, or tried to leave, the page. */
  async assertClean() {
    assert.deepEqual(await this.findings(), [], 'the privacy guard saw traffic or errors it must not');
  }
}
