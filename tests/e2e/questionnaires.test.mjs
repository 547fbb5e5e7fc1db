// The two questionnaires as a young person and a parent go through them:
// with the keyboard alone, in French and in English, on a phone; the bands
// and the reasons the results show for a known answer pattern; reload,
// erase, urgent answers, export and re-import. All under the privacy guard.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, PHONE } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { FAMILY, STUDENT } from './support/answers.mjs';

// The easy-read text of the situation question.
const SITUATION_EASY = JSON.parse(readFileSync(new URL('../../data/questionnaires/student.json', import.meta.url), 'utf8'))
  .sections.flatMap((s) => s.items).find((i) => i.id === 'situation').question.fr_easy;

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('a young person answers with the keyboard alone, in French, on a phone, and sees why', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    assert.equal(await app.heading().textContent(), 'Comment ça va, toi et l\'école ?');
    await app.assertAccessible('/eleve intro');
    await app.pressWithKeyboard('start');
    await app.page.getByTestId('question').waitFor();
    await app.assertAccessible('/eleve question');
    const asked = await app.answerWithKeyboard(STUDENT);
    assert.equal(asked.length, 34, `34 questions shown at school in Belgium (asked: ${asked.join(', ')})`);
    assert.ok(!asked.includes('housing'), 'the out-of-school branch is skipped');
    assert.ok(!asked.includes('absences_fr') && !asked.includes('adult_fr'), 'no French question in Belgium');

    await app.page.getByTestId('results').waitFor();
    assert.equal(await app.heading().textContent(), 'Tes résultats');
    assert.equal(await app.band('school'), 'talk');
    // « Un peu » of sense in school and lessons « Difficile »: something weighs, so never « Ça va ».
    assert.equal(await app.band('personal'), 'watch');
    assert.equal(await app.band('family'), 'fine');
    assert.equal(await app.band('environment'), 'fine');
    const engagement = app.page.getByTestId('engagement');
    // At school with too many absences: absenteeism, never « stopped school ».
    assert.equal(await engagement.getAttribute('data-situation'), 'absenteeism');
    assert.match(await engagement.textContent(), /Tu as répondu « 10 à 20 demi-jours » à « Ces trois derniers mois/);
    assert.match(await engagement.textContent(), /En Belgique, le programme Amarrages parle d'absentéisme au-delà de 9 demi-jours/);
    const reasons = await app.page.getByTestId('suggestion-reason').allTextContents();
    assert.ok(reasons.length > 0 && reasons.every((r) => r.startsWith('Parce que tu as répondu « ')), reasons.join('\n'));
    assert.ok(reasons.every((r) => !/arrêté/.test(r)), 'no reason speaks of stopping school');
    const school = await app.page.getByTestId('family-school').textContent();
    assert.match(school, /À en parler/);
    assert.match(school, /Tu as répondu « Très mal » à « Comment te sens-tu quand tu vas à l'école \? »/);
    assert.equal(await app.page.getByTestId('safety-net').count(), 0, 'no urgent answer, no safety net');
    const meters = await app.page.locator('[data-testid=chart] meter').evaluateAll((m) => m.map((x) => x.getAttribute('aria-label')));
    assert.ok(meters.some((label) => /École : À en parler/.test(label)), meters.join('\n'));
    await app.assertAccessible('/eleve results');
  } finally {
    await app.finish();
  }
});

test('a parent answers with the keyboard alone, in English, and the safety net comes first', async () => {
  const app = await AppPage.open(env, { viewport: PHONE, locale: 'en-GB' });
  try {
    await app.goto('/famille');
    assert.equal(await app.heading().textContent(), 'Are you worried about your child?');
    await app.pressWithKeyboard('start');
    await app.page.getByTestId('question').waitFor();
    const asked = await app.answerWithKeyboard(FAMILY);
    assert.equal(asked.length, 26);

    await app.page.getByTestId('results').waitFor();
    const first = await app.page.locator('[data-testid=results] > *').first().getAttribute('data-testid');
    assert.equal(first, 'safety-net', 'the safety net is the first thing on the results');
    const lines = await app.page.locator('[data-testid=safety-net] a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    // In Belgium: Belgium's lines, never France's.
    assert.ok(lines.includes('tel:103') && !lines.includes('tel:119'), lines.join(' '));
    assert.equal(await app.band('family'), 'talk');
    // No one to turn to when help was needed weighs a little.
    assert.equal(await app.band('environment'), 'watch');
    assert.equal(await app.page.getByTestId('engagement').getAttribute('data-situation'), 'no_signal');
    assert.match(
      await app.page.getByTestId('family-family').textContent(),
      /You answered “Often” to “Is there violence at home \(hitting, threats\)\?”/,
    );
    await app.assertAccessible('/famille results in English');
  } finally {
    await app.finish();
  }
});

test('an urgent answer shows the help lines at once, on the question itself', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT, 23);
    assert.equal(await app.currentItem(), 'hurt');
    assert.equal(await app.page.getByTestId('safety-net').count(), 0);
    await app.page.locator('.question input[value="sometimes"]').check();
    const net = app.page.getByTestId('safety-net');
    await net.waitFor();
    const lines = await net.locator('a').evaluateAll((a) => a.map((x) => x.getAttribute('href')));
    // The person said Belgium: Belgium's lines, not the French 3114.
    assert.ok(lines.includes('tel:080032123') && lines.includes('tel:107') && !lines.includes('tel:3114'), lines.join(' '));
    await app.assertAccessible('/eleve urgent answer');
  } finally {
    await app.finish();
  }
});

test('a reload in the middle loses nothing, and erasing leaves no key in storage', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT, 6);
    const before = await app.currentItem();
    const progress = await app.page.locator('.progress__label').textContent();
    await app.reload();
    assert.equal(await app.currentItem(), before, 'the same question after the reload');
    assert.equal(await app.page.locator('.progress__label').textContent(), progress);
    assert.equal(before, 'meaning');
    await app.page.getByTestId('back').click();
    assert.equal(await app.currentItem(), 'stopping');
    assert.ok(await app.page.locator(`.question input[value="${STUDENT.stopping}"]`).isChecked(), 'earlier answers are still there');
    assert.deepEqual((await app.storedKeys()).sort(), ['amarre.answers.student', 'amarre.position.student']);
    const stored = await app.page.evaluate(() => sessionStorage.getItem('amarre.answers.student'));
    assert.match(stored, /"going": "very_bad"/);

    await app.page.getByTestId('next').click();
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('keep').click();
    // Keeping runs after the click: wait for what it says rather than race it.
    await app.page.getByTestId('keep-said').filter({ hasText: "Gardés dans l'historique" }).waitFor();
    assert.ok((await app.storedKeys()).some((k) => k.startsWith('amarre.history.e.')), 'kept on the device when asked');
    await app.page.getByTestId('erase-answers').click();
    assert.ok((await app.storedKeys()).includes('amarre.answers.student'), 'the first press erases nothing');
    await app.page.getByTestId('erase-answers-yes').click();
    await app.page.getByTestId('start').waitFor();
    await app.page
      .waitForFunction(() => !Object.keys(sessionStorage).some((k) => k.startsWith('amarre.')), null, { timeout: 2000 })
      .catch(() => {});
    const left = await app.storedKeys();
    assert.ok(left.length === 1 && left[0].startsWith('amarre.history.e.'), `erasing the answers leaves none in the tab; the history stays until erased there (${left})`);
  } finally {
    await app.finish();
  }
});

test('answers exported to a file come back through the history; a broken file is refused and changes nothing', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/famille');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(FAMILY);
    await app.page.getByTestId('results').waitFor();
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export').click()]);
    assert.equal(download.suggestedFilename(), 'amarre-family.json');
    const file = join(tmpdir(), `amarre-${process.pid}.json`);
    await download.saveAs(file);
    assert.match(readFileSync(file, 'utf8'), /"violence_home": "often"/);

    await app.page.getByTestId('erase-answers').click();
    assert.ok((await app.storedKeys()).includes('amarre.answers.family'), 'the first press erases nothing');
    await app.page.getByTestId('erase-answers-yes').click();
    await app.page.getByTestId('start').waitFor();
    // The intro says where exported answers come back (another app: a page load).
    app.guard.expectLoad();
    await app.follow('Des réponses exportées dans un fichier ? La page Historique les reprend.');
    await app.ready();
    await app.page.getByTestId('history-empty').waitFor();
    // A file with mistakes is refused with every problem named.
    const broken = JSON.stringify({ format: 'amarre-answers', questionnaire: 'family', version: 2, given: { mood: 'sometimess', moood: 'never' } });
    await app.page.getByTestId('import').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    const problems = await app.page.getByTestId('import-problems').textContent();
    assert.match(problems, /broken\.json: given → mood: refers to the option 'sometimess', which does not exist/);
    assert.match(problems, /broken\.json: given → moood: refers to item 'moood', which does not exist/);
    // Said in words, in the page's language, with the question as the parent reads it.
    assert.match(problems, /La réponse « sometimess » à la question « Ces derniers temps, votre enfant a-t-il le moral bas \? » n'existe pas dans ce questionnaire\./);
    assert.ok(await app.page.getByTestId('history-empty').isVisible(), 'nothing kept');
    // HTML in a file is shown as text, never run or rendered.
    await app.page.getByTestId('import').setInputFiles({ name: '<img src=x>.json', mimeType: 'application/json', buffer: Buffer.from('<b>no</b>') });
    // The file is read asynchronously: wait for its own message to replace the last one.
    await app.page.waitForFunction(() =>
      document.querySelector('[data-testid=import-problems]')?.textContent.includes('<img src=x>.json: cannot be read'),
    );
    assert.equal(await app.page.locator('[data-testid=import-problems] img').count(), 0, 'the name is text, not an image');
    await app.assertAccessible('/historique/ with a refused file');

    await app.page.getByTestId('import').setInputFiles(file);
    await app.page.getByTestId('history-entry').waitFor();
    assert.match(await app.page.getByTestId('history-said').textContent(), /gardées dans l'historique/);
    // Seen again in full: the family questionnaire opens on the same results.
    app.guard.expectLoad();
    await app.page.getByTestId('history-review-0').click();
    await app.page.getByTestId('results').waitFor();
    await app.ready();
    assert.equal(new URL(app.page.url()).pathname, '/famille');
    assert.equal(await app.band('family'), 'talk');
    await app.assertAccessible('/famille reopened from the history');
  } finally {
    await app.finish();
  }
});

test('easy-read texts replace the usual ones and stay on for the visit', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    await app.page.getByTestId('easy-read').click();
    assert.equal(await app.page.getByTestId('easy-read').getAttribute('aria-pressed'), 'true');
    assert.equal(await app.heading().textContent(), 'Comment ça va ?');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT, 2);
    assert.equal(await app.page.locator('.question__text').textContent(), SITUATION_EASY);
    await app.reload();
    assert.equal(await app.page.locator('.question__text').textContent(), SITUATION_EASY);
    // Results speak easy-read too.
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    assert.match(await app.page.getByTestId('family-school').textContent(), /Ici, c'est lourd pour toi\. Parles-en à quelqu'un\./);
    assert.match(await app.page.getByTestId('engagement').textContent(), /Tu manques souvent l'école\. Ce n'est pas ta faute\./);
    await app.assertAccessible('/eleve results in easy-read');
  } finally {
    await app.finish();
  }
});

// The other language of each questionnaire, by keyboard too.
for (const [path, answers, locale, family, band, reason] of [
  ['/eleve', STUDENT, 'en-GB', 'school', 'talk', /You answered “Very bad” to “How do you feel when you go to school\?”/],
  ['/famille', FAMILY, 'fr-BE', 'family', 'talk', /Vous avez répondu « Souvent » à « Y a-t-il de la violence à la maison \(coups, menaces\) \? »/],
]) {
  test(`${path} with the keyboard alone in ${locale}`, async () => {
    const app = await AppPage.open(env, { viewport: PHONE, locale });
    try {
      await app.goto(path);
      await app.pressWithKeyboard('start');
      await app.page.getByTestId('question').waitFor();
      await app.answerWithKeyboard(answers);
      await app.page.getByTestId('results').waitFor();
      assert.equal(await app.band(family), band);
      assert.match(await app.page.getByTestId(`family-${family}`).textContent(), reason);
    } finally {
      await app.finish();
    }
  });
}
