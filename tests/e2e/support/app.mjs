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

  /** Waits until the app has replaced the prerendered first view (trunk's
   * loader sets `wasmBindings` once the app's `main` has run). */
  async ready() {
    await this.page.waitForFunction(() => window.wasmBindings !== undefined);
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

  /** Presses Tab until the element with `testid` has the focus. */
  async tabTo(testid, limit = 25) {
    for (let i = 0; i < limit; i += 1) {
      if ((await this.page.evaluate(() => document.activeElement?.dataset?.testid)) === testid) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${testid}`);
  }

  /** Presses the element with `testid` as a keyboard user does: Tab to it, then Enter. */
  async pressWithKeyboard(testid) {
    await this.tabTo(testid);
    await this.page.keyboard.press('Enter');
  }

  /** The id of the question on screen, or null on another step. */
  async currentItem() {
    const question = this.page.getByTestId('question');
    return (await question.count()) ? question.getAttribute('data-item') : null;
  }

  /**
   * Answers every question shown, in order, with the keyboard alone: the
   * arrow keys or Space in the radio group, then Tab to "next" and Enter.
   * `answers` maps item ids to option ids; an item it does not name gets
   * "je préfère ne pas répondre". Returns the items answered, in order.
   */
  async answerWithKeyboard(answers) {
    const seen = [];
    for (let guard = 0; guard < 60; guard += 1) {
      const item = await this.currentItem();
      if (!item) return seen;
      seen.push(item);
      const value = answers[item] ?? 'prefer-not';
      // The app moves the focus into the new question on the next frame.
      await this.page.waitForFunction(() => document.activeElement?.matches('.question input[type=radio]'));
      const values = await this.page.locator('.question input[type=radio]').evaluateAll((r) => r.map((x) => x.value));
      const target = values.indexOf(value);
      assert.ok(target >= 0, `${item} has no option ${value}`);
      const focused = await this.page.evaluate(() =>
        [...document.querySelectorAll('.question input[type=radio]')].indexOf(document.activeElement),
      );
      assert.ok(focused >= 0, `the focus is in the radio group of ${item}`);
      if (target === focused) {
        await this.page.keyboard.press('Space');
      } else {
        const key = target > focused ? 'ArrowDown' : 'ArrowUp';
        for (let i = 0; i < Math.abs(target - focused); i += 1) await this.page.keyboard.press(key);
      }
      assert.ok(await this.page.locator(`.question input[value="${value}"]`).isChecked(), `${item}: ${value} is chosen`);
      await this.tabTo('next');
      await this.page.keyboard.press('Enter');
      await this.page.waitForFunction((previous) => {
        const q = document.querySelector('[data-testid=question]');
        return !q || q.dataset.item !== previous;
      }, item);
    }
    throw new Error('the questionnaire never ended');
  }

  /** Answers the questions shown with clicks, stopping after `count` if given. */
  async answerWithClicks(answers, count = Infinity) {
    for (let n = 0; n < count; n += 1) {
      const item = await this.currentItem();
      if (!item) return;
      await this.page.locator(`.question input[value="${answers[item] ?? 'prefer-not'}"]`).check();
      await this.page.getByTestId('next').click();
      await this.page.waitForFunction((previous) => {
        const q = document.querySelector('[data-testid=question]');
        return !q || q.dataset.item !== previous;
      }, item);
    }
  }

  /** The band shown for a factor family on the results page. */
  async band(family) {
    return this.page.getByTestId(`family-${family}`).getAttribute('data-band');
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
