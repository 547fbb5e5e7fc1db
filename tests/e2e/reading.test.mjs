// Every family can read it: the family path in Arabic with the keyboard
// alone on a phone, laid out right to left with phone numbers left to
// right; the student path in Dutch with easy-read on; « Lire à voix haute »
// speaking the question in the page's language (the browser's speech
// synthesis replaced by a recorder: the test machine has no voices); and
// axe on every page in every language, easy-read off and on. All under the
// privacy guard.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { FAMILY, STUDENT } from './support/answers.mjs';

const data = (path) => JSON.parse(readFileSync(new URL(`../../data/${path}`, import.meta.url), 'utf8'));
const items = (questionnaire) => questionnaire.sections.flatMap((s) => s.items);
const STUDENT_Q = data('questionnaires/student.json');
const FAMILY_Q = data('questionnaires/family.json');
const UI = { nl: data('i18n/nl.json'), ar: data('i18n/ar.json') };

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('a parent answers in Arabic with the keyboard alone on a phone, and reads the results right to left', async () => {
  const app = await AppPage.open(env, { viewport: PHONE, locale: 'ar' });
  try {
    await app.goto('/famille');
    assert.deepEqual(await app.page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]), ['ar', 'rtl']);
    assert.equal(await app.heading().textContent(), FAMILY_Q.title.ar);
    await app.pressWithKeyboard('start');
    await app.page.getByTestId('question').waitFor();
    assert.equal(await app.page.locator('.question__text').textContent(), items(FAMILY_Q)[0].question.ar);
    const asked = await app.answerWithKeyboard(FAMILY);
    assert.equal(asked.length, 26);

    await app.page.getByTestId('results').waitFor();
    assert.equal(await app.heading().textContent(), UI.ar['r.title.family']);
    assert.equal(await app.band('family'), 'talk');
    // Laid out right to left: the heading starts at the right edge.
    const heading = await app.heading().boundingBox();
    assert.ok(heading.x + heading.width > PHONE.width - 40, `the heading hugs the right edge (${JSON.stringify(heading)})`);
    assert.equal(await app.page.getByTestId('results').evaluate((e) => getComputedStyle(e).direction), 'rtl');
    // Suggestions, with their reasons in Arabic.
    const reasons = await app.page.getByTestId('suggestion-reason').allTextContents();
    assert.ok(reasons.length > 0, 'services are suggested');
    assert.ok(reasons.every((r) => /[\u0600-\u06ff]/.test(r)), reasons.join('\n'));
    // The help lines of the safety net: numbers read left to right, the
    // names right to left, each a tel: link.
    const lines = app.page.locator('[data-testid=safety-net] .help-line');
    assert.ok((await lines.count()) > 0, 'the safety net lists help lines');
    for (const line of await lines.all()) {
      const digits = line.locator('.help-line__digits');
      assert.match(await digits.textContent(), /^[0-9 ]+$/);
      assert.equal(await digits.evaluate((e) => getComputedStyle(e).direction), 'ltr');
      assert.equal(await line.locator('.help-line__name').evaluate((e) => getComputedStyle(e).direction), 'rtl');
      assert.match(await line.locator('a').getAttribute('href'), /^tel:[0-9]+$/);
    }
    // Nothing is off screen on a 360 px phone.
    assert.ok(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await app.assertAccessible('/famille results in Arabic');
  } finally {
    await app.finish();
  }
});

test('a young person answers in Dutch with easy-read on', async () => {
  const app = await AppPage.open(env, { viewport: DESKTOP, locale: 'nl-BE' });
  try {
    await app.goto('/eleve');
    assert.equal(await app.heading().textContent(), STUDENT_Q.title.nl);
    await app.pressWithKeyboard('easy-read');
    assert.equal(await app.page.getByTestId('easy-read').getAttribute('aria-pressed'), 'true');
    assert.equal(await app.page.getByTestId('easy-read').textContent(), UI.nl['shell.easy_read']);
    assert.equal(await app.heading().textContent(), STUDENT_Q.title.nl_easy);
    await app.page.getByTestId('start').click();
    assert.equal(await app.page.locator('.question__text').textContent(), items(STUDENT_Q)[0].question.nl_easy);
    await app.assertAccessible('/eleve question in Dutch, easy-read');
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    assert.equal(await app.heading().textContent(), UI.nl['r.title.student']);
    assert.match(await app.page.getByTestId('family-school').textContent(), new RegExp(UI.nl['r.summary.talk.student.easy']));
    assert.match(await app.page.getByTestId('engagement').textContent(), new RegExp(UI.nl['r.situation.absent.student.easy']));
    await app.assertAccessible('/eleve results in Dutch, easy-read');
  } finally {
    await app.finish();
  }
});

// Replaces the browser's speech synthesis with one that records what it is
// asked to say, with voices for French and Dutch only.
function recordSpeech() {
  class Voice {
    constructor(lang) {
      this.lang = lang;
      this.name = `test ${lang}`;
    }
  }
  class Utterance {
    constructor(text) {
      this.text = text;
      this.lang = '';
      this.voice = null;
    }
  }
  window.spoken = [];
  window.cancelled = 0;
  const synthesis = {
    getVoices: () => [new Voice('fr-BE'), new Voice('nl-BE')],
    speak: (u) => window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang }),
    cancel: () => {
      window.cancelled += 1;
    },
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
  window.SpeechSynthesisVoice = Voice;
  window.SpeechSynthesisUtterance = Utterance;
}

test('« Lire à voix haute » speaks the question on screen in the page\'s language, and says when there is no voice', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.page.addInitScript(recordSpeech);
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    const [first, second, third] = items(STUDENT_Q);
    await app.page.getByTestId('question').waitFor();
    await app.page.getByTestId('read-aloud').click();
    let spoken = await app.page.evaluate(() => window.spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0].lang, 'fr');
    assert.equal(spoken[0].voice, 'fr-BE');
    assert.ok(spoken[0].text.startsWith(first.question.fr), spoken[0].text);
    assert.ok(spoken[0].text.includes(first.options[0].label.fr), 'the choices are read too');
    assert.ok(!spoken[0].text.includes('Lire à voix haute'), 'not the button itself');
    assert.equal(await app.page.getByTestId('read-aloud').getAttribute('aria-pressed'), 'true');

    // Moving on stops the reading.
    const before = await app.page.evaluate(() => window.cancelled);
    await app.answerWithClicks(STUDENT, 1);
    assert.ok((await app.page.evaluate(() => window.cancelled)) > before, 'the reading stops on the next question');

    // In Dutch with easy-read: the easy-read text, in a Dutch voice.
    await app.chooseLanguage('nl');
    await app.page.getByTestId('easy-read').click();
    await app.page.getByTestId('read-aloud').click();
    spoken = await app.page.evaluate(() => window.spoken);
    assert.equal(spoken.length, 2);
    assert.equal(spoken[1].lang, 'nl');
    assert.ok(spoken[1].text.startsWith(second.question.nl_easy), spoken[1].text);

    // No Arabic voice on this device: the button says so, nothing is spoken.
    await app.answerWithClicks(STUDENT, 1);
    await app.chooseLanguage('ar');
    await app.page.getByTestId('read-aloud').click();
    assert.equal(await app.page.getByTestId('read-aloud-problem').textContent(), UI.ar['shell.no_voice']);
    assert.equal((await app.page.evaluate(() => window.spoken)).length, 2);
    assert.equal(await app.page.locator('.question').getAttribute('data-item'), third.id);
    await app.assertAccessible('/eleve question with read-aloud');

    // The results' paragraphs are read too.
    await app.chooseLanguage('fr');
    await app.page.getByTestId('easy-read').click();
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    const buttons = app.page.getByTestId('read-aloud');
    assert.ok((await buttons.count()) >= 5, 'one per paragraph of the results');
    await app.page.getByTestId('engagement').getByTestId('read-aloud').click();
    spoken = await app.page.evaluate(() => window.spoken);
    assert.equal(spoken.at(-1).lang, 'fr');
    const title = await app.page.getByTestId('engagement').locator('h2').textContent();
    assert.ok(spoken.at(-1).text.startsWith(title), spoken.at(-1).text);
  } finally {
    await app.finish();
  }
});

// Every page of every app, in every language, easy-read off and on.
const PAGES = ['/', '/eleve', '/famille', '/classe', '/classe/repondre', '/services', '/confidentialite', '/historique', '/coordination', '/nulle-part'];

for (const [locale, lang] of [['fr-BE', 'fr'], ['nl-BE', 'nl'], ['en-GB', 'en'], ['ar', 'ar']]) {
  test(`every page in ${lang}, easy-read off and on, passes axe`, async () => {
    const app = await AppPage.open(env, { viewport: PHONE, locale });
    try {
      for (const path of PAGES) {
        await app.goto(path);
        assert.equal(await app.page.evaluate(() => document.documentElement.lang), lang, path);
        const easy = app.page.getByTestId('easy-read');
        for (let turn = 0; turn < 2; turn += 1) {
          const on = await easy.getAttribute('aria-pressed');
          await app.assertAccessible(`${path} in ${lang}, easy-read ${on === 'true' ? 'on' : 'off'}`);
          await easy.click();
          assert.notEqual(await easy.getAttribute('aria-pressed'), on, `${path}: the switch turns`);
        }
      }
    } finally {
      await app.finish();
    }
  });
}
