// The first view is in the page before the app arrives (src/prerender.rs):
// without JavaScript, `/`, `/eleve`, `/services/`, `/classe/` and the
// other prerendered pages show their first view's text, the help lines as
// `tel:` links and the quick exit as a plain link, their controls disabled
// until the app arrives; with JavaScript the app
// replaces that view with the very same one (the same components), in the
// person's language, keeps a help area they opened while it loaded, and
// says nothing in the console. All under the privacy guard where the app
// runs.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, PHONE } from './support/browser.mjs';
import { AppPage, NEUTRAL_PAGE } from './support/app.mjs';

const data = (path) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const UI = data('i18n/fr.json');
const CLASS_UI = data('i18n/class/fr.json');
const SERVICES_UI = data('i18n/services/fr.json');
const STUDENT_Q = data('questionnaires/student.json');
const FAMILY_Q = data('questionnaires/family.json');
const CLASS_Q = data('questionnaires/class-climate.json');
const HELP_LINES = data('helplines.json').lines;

/** Each prerendered page and the heading of its first view, from the data. */
const PAGES = [
  ['/', UI['home.title']],
  ['/eleve', STUDENT_Q.title.fr],
  ['/famille', FAMILY_Q.title.fr],
  ['/classe/', CLASS_UI['class.title']],
  ['/classe/repondre', CLASS_Q.title.fr],
  ['/services/', SERVICES_UI['services.title']],
  ['/confidentialite', SERVICES_UI['privacy.title']],
  ['/classeX', UI['notfound.title']],
];

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('without JavaScript, every prerendered page shows its first view, the help lines and a quick exit that leaves', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: PHONE, locale: 'fr-BE' });
  try {
    const page = await context.newPage();
    const elsewhere = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(env.url)) elsewhere.push(request.url());
    });
    for (const [path, heading] of PAGES) {
      const response = await page.goto(env.url + path);
      assert.equal(response.status(), path === '/classeX' ? 404 : 200, path);
      assert.equal(await page.locator('main h1').count(), 1, `${path}: one first view, one heading`);
      assert.equal((await page.locator('main h1').textContent()).trim(), heading, path);
      // The note that says what cannot be done without JavaScript.
      assert.match(await page.locator('noscript, .calm-failure').first().textContent(), /Sans JavaScript/, path);
      // Every national help line, one tap from a call.
      await page.locator('summary', { hasText: UI['help.title'] }).click();
      for (const line of HELP_LINES) {
        const link = page.locator(`.help-line__number[href="tel:${line.number.replace(/ /g, '')}"]`);
        assert.ok(await link.isVisible(), `${path}: ${line.number} is shown as a tel: link`);
        assert.equal((await link.locator('.help-line__digits').textContent()).trim(), line.number, path);
      }
      assert.equal(await page.locator('.help-area__details').getAttribute('open'), '', `${path}: the help area opens without script`);
      // Links work before the app; controls wait for it, and say so.
      assert.equal(await page.locator('button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea:not([disabled])').count(), 0, path);
      assert.equal(await page.locator('[data-testid]').count(), 0, `${path}: no test hooks on what the app replaces`);
      const exit = page.locator('.quick-exit');
      assert.equal(await exit.getAttribute('href'), await exitHref(), path);
      assert.equal((await exit.textContent()).trim(), UI['shell.quick_exit'], path);
    }
    // The quick exit is a plain link: it leaves without the app.
    await page.goto(env.url + '/eleve');
    await page.route('https://www.google.com/**', (route) => route.fulfill({ body: 'neutral' }));
    await page.locator('.quick-exit').click();
    await page.waitForURL((url) => url.href.startsWith(NEUTRAL_PAGE));
    assert.deepEqual(elsewhere.filter((url) => !url.startsWith(NEUTRAL_PAGE)), []);
  } finally {
    await context.close();
  }
});

/** The neutral page the app's quick exit goes to (src/shared/quick_exit.rs). */
async function exitHref() {
  const source = readFileSync(new URL('../../src/shared/quick_exit.rs', import.meta.url), 'utf8');
  return source.match(/NEUTRAL_PAGE: &str = "([^"]+)"/)[1];
}

test('the app replaces its first view with the same one, once, and the console stays quiet', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  const said = [];
  app.page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') said.push(`${app.page.url()}: ${message.text()}`);
  });
  // The wasm's preload and the loader agree: one download per page, not two.
  let wasmRequests = [];
  app.page.on('request', (request) => {
    if (request.url().endsWith('_bg.wasm')) wasmRequests.push(request.url());
  });
  try {
    for (const [path] of PAGES.filter(([p]) => p !== '/classeX')) {
      const served = await (await fetch(env.url + path)).text();
      const prerendered = served.slice(served.indexOf('</noscript>'));
      wasmRequests = [];
      await app.goto(path);
      assert.equal(wasmRequests.length, 1, `${path}: the wasm is fetched once (${wasmRequests})`);
      // One frame, not the prerendered one beside the app's.
      for (const part of ['header', 'main', 'footer', '.help-area']) {
        assert.equal(await app.page.locator(part).count(), 1, `${path}: one ${part}`);
      }
      // The same words as the prerendered page, in the same order: the
      // same components wrote both.
      const live = await app.page.locator('main').evaluate((main) => main.innerText);
      const words = (text) => text.replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&').split(/\s+/).filter(Boolean);
      const inMain = prerendered.slice(prerendered.indexOf('<main'), prerendered.indexOf('</main>'));
      assert.deepEqual(words(live).slice(0, 40), words(inMain).slice(0, 40), `${path}: the app shows what was prerendered`);
    }
    assert.deepEqual(said, []);
  } finally {
    await app.finish();
  }
});

test('a person whose browser reads Dutch gets the app in Dutch once it arrives, and a help area opened meanwhile stays open', async () => {
  const app = await AppPage.open(env, { viewport: PHONE, locale: 'nl-BE' });
  try {
    // Hold the app back until the person has opened the help area.
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    await app.page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    app.guard.expectLoad();
    await app.page.goto(env.url + '/eleve', { waitUntil: 'domcontentloaded' });
    assert.equal((await app.page.locator('main h1').textContent()).trim(), STUDENT_Q.title.fr, 'French until the app arrives');
    await app.page.locator('summary', { hasText: UI['help.title'] }).click();
    release();
    await app.ready();
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'nl');
    assert.equal((await app.page.locator('main h1').textContent()).trim(), STUDENT_Q.title.nl);
    assert.equal(await app.page.locator('.help-area__details').getAttribute('open'), '', 'the help area the person opened is still open');
    assert.ok(await app.page.locator('a[href="tel:103"]').isVisible());
    await app.assertAccessible('prerendered /eleve, then Dutch');
  } finally {
    await app.finish();
  }
});
