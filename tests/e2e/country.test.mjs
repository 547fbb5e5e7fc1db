// Belgium and France, each with its own rules, words and services: the same
// 17-year-old who left school recently, once in Belgium (browser in fr-BE),
// once in France (fr-FR), never sees the other country's. And every text a
// parent reads on the family path says « vous ». All under the privacy guard.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, PHONE } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { LEFT_SCHOOL } from './support/answers.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const types = JSON.parse(readFileSync(new URL('../../data/service-types.json', import.meta.url), 'utf8')).types;
const onlyIn = (country) => types.filter((t) => t.countries.length === 1 && t.countries[0] === country).map((t) => t.id);
const helplines = JSON.parse(readFileSync(new URL('../../data/helplines.json', import.meta.url), 'utf8')).lines;
const dialsOf = (country) => helplines.filter((l) => l.country === country).map((l) => `tel:${l.number.replace(/[^0-9+]/g, '')}`);

for (const [locale, country, other, expected, words] of [
  ['fr-BE', 'be', 'FR', ['amo', 'infor_jeunes'], /demi-jours|centre PMS|Infor Jeunes/],
  ['fr-FR', 'fr', 'BE', ['mission_locale', 'cio'], /Mission locale|CIO/],
]) {
  test(`a 17-year-old who left school, in ${locale}: that country's services and lines, never the other's`, async () => {
    const app = await AppPage.open(env, { viewport: PHONE, locale });
    try {
      await app.goto('/eleve');
      assert.match(await app.page.getByTestId('consent').textContent(), /Répondre, c'est libre/);
      await app.page.getByTestId('start').click();
      const shown = [];
      for (let n = 0; n < 60; n += 1) {
        const item = await app.currentItem();
        if (!item) break;
        shown.push(`${item}: ${await app.page.locator('.question').textContent()}`);
        const value = item === 'country' ? country : (LEFT_SCHOOL[item] ?? 'prefer-not');
        await app.page.locator(`.question input[value="${value}"]`).check();
        await app.page.getByTestId('next').click();
        await app.page.waitForFunction((previous) => document.querySelector('[data-testid=question]')?.dataset.item !== previous, item);
      }
      await app.page.getByTestId('results').waitFor();
      // No school question for someone out of school, none of the other country.
      assert.ok(!shown.some((q) => /^(absences|going|mocked|adult)/.test(q)), shown.join('\n'));
      const otherWords = country === 'be' ? /Mission locale|CIO|demi-journées|collège|lycée/ : /centre PMS|AMO|Infor Jeunes|demi-jours\b|CPAS/;
      assert.ok(!shown.some((q) => otherWords.test(q)), `no word of the other country:\n${shown.join('\n')}`);
      assert.ok(shown.some((q) => words.test(q)), `this country's words are used:\n${shown.join('\n')}`);

      const suggested = await app.page.getByTestId('suggestion').evaluateAll((s) => s.map((x) => x.dataset.type));
      for (const type of expected) assert.ok(suggested.includes(type), `${type} in ${suggested.join(', ')}`);
      for (const type of onlyIn(other)) assert.ok(!suggested.includes(type), `${type} is ${other}'s: ${suggested.join(', ')}`);
      // Services tied to a school are not for someone out of school.
      for (const type of ['cpms', 'school_mediation', 'spse', 'school_staff_fr']) assert.ok(!suggested.includes(type), type);
      const everyone = await app.page.getByTestId('for-everyone').textContent();
      assert.ok(!/CPMS|Infirmerie/.test(everyone), `no school service for later either: ${everyone}`);
      const reasons = await app.page.getByTestId('suggestion-reason').allTextContents();
      assert.ok(reasons.every((r) => r.startsWith('Parce que tu as répondu « ')), reasons.join('\n'));

      // The help area and every tel: link on the page are this country's.
      const lines = await app.helpLines();
      assert.ok(lines.length >= 3, lines.join(' '));
      for (const dial of dialsOf(other)) {
        assert.ok(!lines.includes(dial), `${dial} is ${other}'s`);
      }
      const allDials = await app.page.locator('a[href^="tel:"]').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
      for (const dial of dialsOf(other)) assert.ok(!allDials.includes(dial), `${dial} nowhere on the page`);
      // Out of school: no absence rule of either country.
      assert.equal(await app.page.getByTestId('absence-rule').count(), 0);
      await app.assertAccessible(`/eleve results in ${locale}`);
    } finally {
      await app.finish();
    }
  });
}

test('the French absence rule for a pupil in France, the Belgian one in Belgium', async () => {
  for (const [country, absences, rule] of [
    ['fr', { absences_fr: '4-9' }, /En France, à partir de 4 demi-journées d'absence dans le mois/],
    ['be', { absences: '10-20' }, /En Belgique, le programme Amarrages parle d'absentéisme au-delà de 9 demi-jours/],
  ]) {
    const app = await AppPage.open(env, { viewport: PHONE, locale: `fr-${country.toUpperCase()}` });
    try {
      await app.goto('/eleve');
      await app.page.getByTestId('start').click();
      await app.answerWithClicks({ country, age: '12-15', situation: 'in_school', ...absences });
      await app.page.getByTestId('results').waitFor();
      const engagement = app.page.getByTestId('engagement');
      assert.equal(await engagement.getAttribute('data-situation'), 'absenteeism');
      assert.match(await app.page.getByTestId('absence-rule').textContent(), rule);
    } finally {
      await app.finish();
    }
  }
});

// « tu » and its forms, as whole words (t' before a word too).
const TU = /(?<![\p{L}])(tu|te|toi|ton|ta|tes)(?![\p{L}])|(?<![\p{L}])t['’](?=\p{L})/iu;

test('every text a parent reads on the family path says « vous », easy-read included', async () => {
  for (const easy of [false, true]) {
    const app = await AppPage.open(env, { viewport: PHONE, locale: 'fr-BE' });
    try {
      await app.goto('/famille');
      if (easy) await app.page.getByTestId('easy-read').click();
      const seen = [];
      const read = async (where) => {
        const text = await app.page.evaluate(() => document.body.innerText);
        for (const line of text.split('\n')) {
          if (TU.test(line)) seen.push(`${where}: ${line.trim()}`);
        }
      };
      await read('intro');
      await app.page.getByTestId('start').click();
      for (let n = 0; n < 60; n += 1) {
        const item = await app.currentItem();
        if (!item) break;
        await read(item);
        // Every option of every question, the worrying ones included.
        const values = await app.page.locator('.question input[type=radio]').evaluateAll((r) => r.map((x) => x.value));
        await app.page.locator(`.question input[value="${values[Math.min(3, values.length - 2)]}"]`).check();
        await read(`${item}, answered`);
        await app.page.getByTestId('next').click();
        await app.page.waitForFunction((previous) => document.querySelector('[data-testid=question]')?.dataset.item !== previous, item);
      }
      await app.page.getByTestId('results').waitFor();
      await app.page.getByTestId('help-summary').click();
      await read('results');
      await app.page.getByTestId('erase-answers').click();
      await read('erase question');
      assert.deepEqual(seen, [], `« tu » on the family path${easy ? ' (easy-read)' : ''}:\n${seen.join('\n')}`);
    } finally {
      await app.finish();
    }
  }
});

test('the « tu » check finds « tu »', () => {
  assert.ok(TU.test('Tu peux revenir en arrière.'));
  assert.ok(TU.test('Quelqu’un t’écoute'));
  assert.ok(!TU.test('Vous pouvez revenir ; l’état de votre enfant ; une tâche'));
});
