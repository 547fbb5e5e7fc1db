// The page object for Amarre: what a person does (open a page, choose a
// language, open the help area, press quick exit), with the privacy guard
// and an accessibility check built in, so each flow stays short.
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { PrivacyGuard } from './guard.mjs';

export const NEUTRAL_PAGE = 'https://www.google.com/search';

export class AppPage {
  /** Opens a fresh context (no storage shared with other tests). */
  static async open(env, { viewport, locale = 'fr-BE' } = {}) {
    const context = await env.browser.newContext({ viewport, locale });
    const page = await context.newPage();
    const app = new AppPage(env.url, context, page);
    await app.guard.install();
    return app;
  }

  constructor(baseUrl, context, page) {
    this.baseUrl = baseUrl;
    this.context = context;
    this.page = page;
    this.guard = new PrivacyGuard(page, baseUrl);
    this.checkedForA11y = new Set();
  }

  /** Loads the app at `path` and waits until it is mounted and idle. */
  async goto(path = '/') {
    this.guard.expectLoad();
    await this.page.goto(this.baseUrl + path);
    await this.ready();
  }

  /** Reloads, as a person pressing F5. */
  async reload() {
    this.guard.expectLoad();
    await this.page.reload();
    await this.ready();
  }

  async ready() {
    await this.page.locator('main#main').waitFor();
    await this.guard.loaded();
  }

  /** The page's first heading. */
  heading() {
    return this.page.locator('main h1');
  }

  /** Chooses a language by its code with the picker. */
  async chooseLanguage(code) {
    const value = await this.page
      .locator(`[data-testid=language-picker] option[lang=${code}]`)
      .getAttribute('value');
    await this.page.selectOption('[data-testid=language-picker]', value);
    await this.page.waitForFunction((c) => document.documentElement.lang === c, code);
  }

  /** Follows an in-app link by its visible name. */
  async follow(name) {
    await this.page.getByRole('link', { name, exact: true }).first().click();
  }

  /** Opens the help area and returns its `tel:` links. */
  async helpLines() {
    const summary = this.page.getByTestId('help-summary');
    await summary.click();
    return this.page.locator('.help-line__number').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  }

  /** Keys of this app in both storages. */
  async storedKeys() {
    return this.page.evaluate(() =>
      [sessionStorage, localStorage].flatMap((s) => Object.keys(s)).filter((k) => k.startsWith('amarre.')),
    );
  }

  /** Runs axe (WCAG 2.0–2.2 A and AA rules) on the page as it is now. */
  async assertAccessible(label = this.page.url()) {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    const violations = results.violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
    assert.deepEqual(violations, [], `accessibility violations on ${label}`);
    this.checkedForA11y.add(new URL(this.page.url()).pathname);
  }

  /** Ends the test: the guard must be clean; then the context closes. */
  async finish() {
    try {
      await this.guard.assertClean();
    } finally {
      await this.context.close();
    }
  }
}
