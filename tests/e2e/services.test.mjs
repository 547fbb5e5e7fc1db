// Support services as a coordinator and a young person meet them: loading a
// directory file (nothing uploaded), its problems said one by one, a postal
// code, then the questionnaire's results naming the local service with its
// reason. The services app is its own page (/services), sharing the tab's
// storage with the main app. All under the privacy guard.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { STUDENT } from './support/answers.mjs';
import { bigDirectory, expectedMatches } from './support/directory.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const FIXTURES = new URL('../../crates/amarre-core/tests/data/directories/', import.meta.url);
const fixture = (name) => new URL(name, FIXTURES).pathname;

/** Opens the coordinators' page if need be and chooses `file` (a path or a buffer). */
async function loadDirectory(app, file) {
  if (new URL(app.page.url()).pathname !== '/coordination') await app.goto('/coordination');
  await app.page.getByTestId('directory-file').setInputFiles(file);
}

// The example directory's services, by id (UUIDs, as HSDS 3.0 wants them).
const AMO = '9fffb7cd-bea6-57df-af1d-f03c335d22f8';
const CPMS = '9a467b8b-6f90-5872-8fa7-7f3a9fca171f';
const CPMS_ELSEWHERE = 'f97af356-7900-54ad-8674-7a865ff544a3';

test('a loaded directory and a postal code bring the local service into the results, with its reason', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/services');
    assert.equal(await app.heading().textContent(), 'Trouver de l\'aide');
    assert.match(await app.page.getByTestId('services-count').textContent(), /Aucun annuaire local/);
    await app.assertAccessible('/services, built-in directory');

    await loadDirectory(app, fixture('example.json'));
    await app.page.getByTestId('directory-loaded').waitFor();
    assert.equal(await app.page.getByTestId('directory-loaded').textContent(), 'Annuaire chargé. Services actifs : 3.');
    assert.equal(await app.page.getByTestId('directory-source').textContent(), 'Annuaire utilisé : example.json');

    // A wrong code is explained, never guessed; then the right one, whose
    // localities are offered.
    await app.goto('/services');
    await app.page.getByTestId('place-typed').fill('400');
    await app.page.getByTestId('place-apply').click();
    assert.match(await app.page.locator('[data-testid=place] [role=alert]').textContent(), /4 chiffres \(Belgique\)/);
    await app.page.getByTestId('place-typed').fill('4000');
    await app.page.getByTestId('place-typed').press('Enter');
    await app.page.getByTestId('place-suggestion').getByText('4000 Liège', { exact: true }).click();
    assert.equal(await app.page.getByTestId('place-now').textContent(), 'Services près de : 4000 Liège');
    // Local services come first in the list: the CPMS of 4000, not the one of 1000.
    const listed = await app.page.locator('[data-testid=service-list] [data-testid=service-card]').evaluateAll((cards) =>
      cards.map((c) => c.dataset.service),
    );
    assert.deepEqual(listed, [AMO, CPMS, CPMS_ELSEWHERE]);
    await app.page.getByTestId('filter-text').fill('ailleurs');
    assert.equal(await app.page.getByTestId('services-count').textContent(), '1 services sur 3');
    await app.assertAccessible('/services with a directory and a place');

    // The questionnaire is the main app: a new page, the same tab.
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    assert.equal(await app.page.getByTestId('place-now').textContent(), 'Services près de : 4000 Liège Choisir un code postal ou une commune');
    const cpms = app.page.locator('[data-testid=suggestion][data-type=cpms]');
    assert.match(await cpms.getByTestId('suggestion-reason').textContent(), /^Parce que /);
    const cards = await cpms.getByTestId('service-card').evaluateAll((c) => c.map((x) => x.dataset.service));
    assert.deepEqual(cards, [CPMS], 'the CPMS of 4000, not the one of 1000');
    assert.match(await cpms.textContent(), /Type d'aide :/);
    const dial = await cpms.locator('a[href^="tel:"]').first().getAttribute('href');
    assert.match(dial, /^tel:\+?\d+$/);
    // Every suggestion says why, in plain words.
    const reasons = await app.page.getByTestId('suggestion-reason').allTextContents();
    assert.ok(reasons.length >= 3, `${reasons.length} suggestions`);
    for (const reason of reasons) assert.match(reason, /^(Parce que |Pour plus tard)/);
    await app.assertAccessible('/eleve results with local services');
  } finally {
    await app.finish();
  }
});

test('a directory with defects is refused with every problem in its place; the last good one stays', async () => {
  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await app.goto('/services');
    await loadDirectory(app, fixture('example.json'));
    await app.page.getByTestId('directory-loaded').waitFor();

    const expected = readFileSync(fixture('defects.expected.txt'), 'utf8').trim().split('\n');
    const problems = app.page.getByTestId('directory-problems');
    // Each problem in words, in the page's language, with its technical line
    // (the checker's) beneath: the technical lines are what is compared.
    const shown = async () => problems.getByTestId('problem-place').allTextContents();

    await loadDirectory(app, fixture('defects.json'));
    await problems.waitFor();
    const fromDefects = await shown();
    assert.deepEqual(fromDefects, expected.filter((line) => line.startsWith('defects.json')));
    const words = await problems.locator('.problem__words').allTextContents();
    assert.ok(words.includes('Le champ « descripton » n\'existe pas dans ce format (une faute de frappe ?).'), words.join('\n'));
    assert.match(await problems.locator('p').first().textContent(), /problèmes trouvés : 21/);
    // HTML in the file is shown as its characters, never as an element.
    assert.ok(fromDefects.some((line) => line.includes('<img src=x onerror=alert(1)>')));
    assert.equal(await problems.locator('img, b').count(), 0);

    await loadDirectory(app, fixture('not-json.json'));
    await app.page.waitForFunction(() => document.querySelector('[data-testid=directory-problems] [data-testid=problem-place]')?.textContent.startsWith('not-json.json'));
    const notJson = await shown();
    assert.equal(notJson.length, 1);
    assert.match(notJson[0], /^not-json\.json: cannot be read: .+ at line \d+, column \d+$/);

    const big = Buffer.alloc(10 * 1024 * 1024, ' ');
    await loadDirectory(app, { name: 'big.json', mimeType: 'application/json', buffer: big });
    await app.page.waitForFunction(() => document.querySelector('[data-testid=directory-problems] [data-testid=problem-place]')?.textContent.startsWith('big.json'));
    assert.deepEqual(await shown(), [
      'big.json: the file is 10.0 MB, more than the 5.0 MB a directory may be',
    ]);

    // 21 + 1 + 1 messages, and the good directory is still the one in use.
    assert.equal(fromDefects.length + notJson.length + 1, 23);
    assert.equal(await app.page.getByTestId('directory-source').textContent(), 'Annuaire utilisé : example.json');
    await app.assertAccessible('/coordination with a refused file');
    await app.goto('/services');
    assert.match(await app.page.getByTestId('services-count').textContent(), /sur 3$/);
  } finally {
    await app.finish();
  }
});

test('a Latin-1 file, a UTF-16 one and one with hidden characters get the same answer as from the checker', async () => {
  // What amarre-check says of each file, run on the very fixtures.
  const checker = (name) => {
    const run = spawnSync('cargo', ['run', '--quiet', '-p', 'amarre-core', '--bin', 'amarre-check', '--', fixture(name)], { encoding: 'utf8' });
    return run.stdout.trim().split('\n');
  };
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/coordination');
    const problems = app.page.getByTestId('directory-problems');
    const firstPlace = (name) =>
      app.page.waitForFunction((n) => document.querySelector('[data-testid=directory-problems] [data-testid=problem-place]')?.textContent.startsWith(n), name);

    // « Liège » saved as Latin-1 by a spreadsheet: refused with its line, never shown as « Li�ge ».
    await loadDirectory(app, fixture('latin1.json'));
    await firstPlace('latin1.json');
    assert.deepEqual(await problems.getByTestId('problem-place').allTextContents(), checker('latin1.json'));
    assert.match(await problems.locator('.problem__words').first().textContent(), /n'est pas en UTF-8 \(dès la ligne 2\)/);
    assert.match(await app.page.getByTestId('directory-source').textContent(), /celui de l'app/);

    // Names with a right-to-left override and a zero-width space: each refused where it is.
    await loadDirectory(app, fixture('hidden.json'));
    await firstPlace('hidden.json');
    assert.deepEqual(await problems.getByTestId('problem-place').allTextContents(), checker('hidden.json'));
    const hidden = await problems.locator('.problem__words').allTextContents();
    for (const code of ['U+202E', 'U+200B']) {
      assert.ok(hidden.some((w) => w.includes(`caractère invisible ou qui inverse l'écriture (${code})`)), hidden.join('\n'));
    }

    // UTF-16, as some editors save « Unicode »: refused the same way.
    await loadDirectory(app, fixture('utf16.json'));
    await firstPlace('utf16.json');
    assert.deepEqual(await problems.getByTestId('problem-place').allTextContents(), checker('utf16.json'));
    assert.deepEqual(checker('utf16.json'), ['utf16.json: is not UTF-8 (from line 1): save it again as UTF-8']);

    // The same « Liège » saved as UTF-8 is read whole.
    await loadDirectory(app, fixture('example.json'));
    await app.page.getByTestId('directory-loaded').waitFor();
    await app.goto('/services');
    const text = await app.page.locator('main').innerText();
    assert.ok(text.includes('Liège') && !text.includes('\uFFFD'), 'Liège is read whole');
    await app.assertAccessible('/services after a refused encoding');
  } finally {
    await app.finish();
  }
});

test('a kept directory survives a new visit; a damaged one is said and left; reset goes back', async () => {
  const app = await AppPage.open(env, { viewport: PHONE, locale: 'en-GB' });
  try {
    await app.goto('/services');
    await loadDirectory(app, fixture('example.json'));
    await app.page.getByTestId('directory-loaded').waitFor();
    await app.page.getByTestId('keep-directory').check();
    const keys = await app.storedKeys();
    assert.ok(keys.includes('amarre.directory') && keys.includes('amarre.directory.loaded'), keys.join(' '));

    // A new tab's storage is empty: only the kept copy is there.
    await app.page.evaluate(() => sessionStorage.clear());
    await app.reload();
    assert.equal(await app.page.getByTestId('directory-source').textContent(), 'Directory in use: example.json');
    await app.goto('/services');
    assert.match(await app.page.getByTestId('services-count').textContent(), /of 3$/);
    await app.goto('/coordination');

    // Somebody changed the kept copy: it is said, not used, not erased.
    const damaged = await app.page.evaluate(() => {
      const text = localStorage.getItem('amarre.directory').replace('"cpms"', '"<b>cpms</b>"');
      localStorage.setItem('amarre.directory', text);
      return text;
    });
    await app.reload();
    const part = app.page.getByTestId('coordinator');
    assert.match(await part.locator('[role=alert]').textContent(), /could not be read back/);
    assert.match(await part.locator('[role=alert]').textContent(), /services\[\d\] → type/);
    assert.equal(await app.page.evaluate(() => localStorage.getItem('amarre.directory')), damaged);
    assert.equal(await app.page.locator('main b').count(), 0);

    await app.page.getByTestId('directory-file').setInputFiles(fixture('example.json'));
    await app.page.getByTestId('reset-directory').click();
    assert.match(await app.page.getByTestId('directory-source').textContent(), /the app's own/);
    const left = await app.storedKeys();
    assert.ok(!left.includes('amarre.directory') && !left.includes('amarre.directory.loaded'), left.join(' '));
  } finally {
    await app.finish();
  }
});

test('the guided path gives a short list with reasons, with the keyboard alone', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/services');
    const guided = app.page.getByTestId('guided');
    for (const label of ['Pour moi', 'L\'école', 'Moins de 18 ans, ne va plus à l\'école']) {
      await guided.getByLabel(label, { exact: true }).focus();
      await app.page.keyboard.press('Space');
    }
    const result = app.page.getByTestId('guided-result');
    await result.getByTestId('suggestion').first().waitFor();
    const types = await result.getByTestId('suggestion').evaluateAll((s) => s.map((x) => x.dataset.type));
    assert.equal(types[0], 'sas', `a minor out of school is first pointed to a SAS (${types.join(', ')})`);
    for (const reason of await result.getByTestId('suggestion-reason').allTextContents()) {
      assert.match(reason, /^Parce que tu cherches de l'aide /);
    }
    await app.assertAccessible('/services guided path');
  } finally {
    await app.finish();
  }
});

test('2,000 services: every filter narrows the list as the person types, and "show more" pages through it', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/services');
    await loadDirectory(app, { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(bigDirectory(2000)) });
    await app.page.getByTestId('directory-loaded').waitFor();
    await app.goto('/services');
    const count = app.page.getByTestId('services-count');
    assert.equal(await count.textContent(), '2000 services sur 2000');
    assert.equal(await app.page.locator('[data-testid=service-list] > li').count(), 30);
    await app.page.getByTestId('show-more').click();
    assert.equal(await app.page.locator('[data-testid=service-list] > li').count(), 60);

    // Typed one key at a time, accents or not.
    await app.page.getByTestId('filter-text').pressSequentially('sante');
    assert.equal(await count.textContent(), `${expectedMatches(2000, 'santé')} services sur 2000`);
    await app.page.selectOption('[data-testid=filter-type]', 'mission_locale');
    await app.page.selectOption('[data-testid=filter-language]', 'nl');
    const shown = await app.page.locator('[data-testid=service-list] [data-testid=service-card]').evaluateAll((cards) =>
      cards.map((c) => c.textContent),
    );
    assert.equal(shown.length, 30, 'the first 30, then "show more"');
    for (const card of shown) assert.match(card, /Aide pour santé/);
    // Services 12, 36, 60… of 2,000: a Mission locale, in Dutch, about health.
    assert.equal(await count.textContent(), '83 services sur 2000');
  } finally {
    await app.finish();
  }
});

test('a browser with no room for the directory says so, and the directory is still used on the page', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  await app.page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('amarre.directory')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  try {
    await app.goto('/services');
    await loadDirectory(app, fixture('example.json'));
    await app.page.getByTestId('directory-loaded').waitFor();
    assert.match(await app.page.getByTestId('storage-refused').textContent(), /que sur cette page/);
    await app.page.getByTestId('keep-directory').click();
    assert.match(await app.page.getByTestId('storage-refused').textContent(), /pas de place pour garder/);
    assert.equal(await app.page.getByTestId('keep-directory').isChecked(), false, 'the box does not claim it is kept');
    assert.deepEqual(await app.storedKeys(), []);
  } finally {
    await app.finish();
  }
});
