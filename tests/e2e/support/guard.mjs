// The privacy guard: proof that nothing leaves the device.
//
// It records every request a page makes, every console error, uncaught
// error and CSP violation, and fails the test on:
// - any request to another origin than the app's;
// - any request at all after the initial load has finished (the app must
//   work without the network once loaded);
// - any CSP violation or console error.
// A test that loads a page again (reload, back) says so with expectLoad();
// the quick exit's navigation to the neutral page is allowed by name only.
import assert from 'node:assert/strict';

export class PrivacyGuard {
  /** @param {import('playwright-core').Page} page @param {string} origin */
  constructor(page, origin) {
    this.page = page;
    this.origin = new URL(origin).origin;
    this.loading = true;
    this.requests = [];
    this.problems = [];
    this.allowedExits = [];
    page.on('request', (request) => this.#onRequest(request));
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(`console error: ${message.text().slice(0, 240)}`);
    });
    page.on('pageerror', (error) => this.problems.push(`uncaught error: ${error.message}`));
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
    if (new URL(url).origin !== this.origin) {
      this.problems.push(`request to another origin: ${url}`);
    } else if (!this.loading) {
      this.problems.push(`request after the initial load: ${url}`);
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
    const csp = await this.page
      .evaluate(() => window.__cspViolations || [])
      .catch(() => []);
    return [...this.problems, ...csp.map((v) => `CSP violation: ${v}`)];
  }

  /** Fails the test if anything left, or tried to leave, the page. */
  async assertClean() {
    assert.deepEqual(await this.findings(), [], 'the privacy guard saw traffic or errors it must not');
  }
}
