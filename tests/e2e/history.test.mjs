// The history on the device, as a young person uses it: two questionnaires
// kept on two different days (the page's clock set), listed with their
// dates in words and a trend per family; then a lock: raw storage holds
// none of the answers, a wrong passphrase is refused with nothing erased,
// the right one opens; answers in progress stay out of storage while
// locked, and keeping one more goes through the history's own tab, which
// asks for the passphrase. All under the privacy guard and axe.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, PHONE } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { STUDENT } from './support/answers.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

// The same young person, a few weeks on: school weighs less.
const LATER = { ...STUDENT, absences: 'none', going: 'rather_good', stopping: 'never', meaning: 'a_lot', adult: 'often', lessons: 'easy' };

/**
 * What would give the answers away in storage: each item and option id in
 * quotes (as JSON writes them; base64 has no quotes) and the French text of
 * each question and option chosen (long enough not to occur by chance).
 */
function giveaways(answers) {
  const student = JSON.parse(readFileSync('data/questionnaires/student.json', 'utf8'));
  const scales = JSON.parse(readFileSync('data/questionnaires/scales.json', 'utf8'));
  const items = new Map(student.sections.flatMap((s) => s.items).map((i) => [i.id, i]));
  const scaleOptions = (name) => scales[name]?.options ?? [];
  const words = [];
  for (const [id, option] of Object.entries(answers)) {
    const item = items.get(id);
    words.push(`"${id}"`, `"${option}"`);
    if (!item) continue;
    words.push(item.question.fr);
    const options = item.options ?? scaleOptions(item.scale);
    const label = options.find((o) => o.id === option)?.label?.fr;
    if (label && label.length >= 6) words.push(label);
  }
  return words;
}

/** Everything in both storages, keys and values, as one text. */
async function rawStorage(app) {
  return app.page.evaluate(() =>
    [sessionStorage, localStorage].flatMap((s) => Object.entries(s).map(([k, v]) => `${k}=${v}`)).join('\n'),
  );
}

/** Answers the young person's questionnaire and ticks « Garder ». */
async function answerAndKeep(app, answers) {
  await app.goto('/eleve');
  await app.page.getByTestId('start').click();
  await app.answerWithClicks(answers);
  await app.page.getByTestId('results').waitFor();
  await app.page.getByTestId('keep').click();
  await app.page.getByTestId('keep-said').waitFor();
}

test('two questionnaires on two days: two dated entries and a trend; a lock hides every answer', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.page.clock.setFixedTime(new Date('2026-11-05T10:00:00'));
    await answerAndKeep(app, STUDENT);
    assert.match(await app.page.getByTestId('keep-said').textContent(), /Gardés dans l'historique/);
    assert.ok(await app.page.getByTestId('keep').isChecked(), 'ticked once kept, not before');
    await app.assertAccessible('results, kept');

    await app.page.clock.setFixedTime(new Date('2026-12-03T16:30:00'));
    await app.page.getByTestId('erase-answers').click();
    await app.page.getByTestId('erase-answers-yes').click();
    await app.page.getByTestId('start').waitFor();
    await answerAndKeep(app, LATER);

    await app.goto('/historique/');
    await app.page.getByTestId('history-count').waitFor();
    const dates = await app.page.getByTestId('history-date').allTextContents();
    assert.deepEqual(dates, ['Gardé le 3 décembre 2026', 'Gardé le 5 novembre 2026'], 'newest first, dates in words');
    const school = app.page.getByTestId('trend-school');
    assert.equal(await school.locator('meter').count(), 2, 'one bar per date');
    assert.equal(await school.getByTestId('trend-moved').textContent(), "Plus léger qu'au début");
    const labels = await school.locator('.trend__label').allTextContents();
    assert.deepEqual(labels, ['5 novembre 2026 : À en parler', '3 décembre 2026 : À surveiller']);
    await app.assertAccessible('history, two entries');

    // Before the lock, storage does give the answers away (so the check
    // below can fail).
    const words = giveaways(STUDENT);
    const before = await rawStorage(app);
    assert.ok(words.filter((w) => before.includes(w)).length > 10, 'an open history is readable');

    await app.page.getByTestId('lock-passphrase').fill('marée haute 2026');
    await app.page.getByTestId('lock-again').fill('marée haute 2026');
    await app.page.getByTestId('lock-set').click();
    await app.page.getByTestId('history-said').filter({ hasText: "L'historique est verrouillé." }).waitFor({ timeout: 20000 });
    const locked = await rawStorage(app);
    const found = words.concat(giveaways(LATER)).filter((w) => locked.includes(w));
    assert.deepEqual(found, [], 'with the lock on, storage holds none of the answers');
    assert.match(locked, /"iterations":600000/, 'the parameters are kept beside the ciphertext');

    // A new visit: locked. A wrong passphrase is refused and erases nothing.
    await app.reload();
    await app.page.getByTestId('history-locked').waitFor();
    assert.equal(await app.page.getByTestId('history-entry').count(), 0, 'nothing shows while locked');
    await app.assertAccessible('history, locked');
    await app.page.getByTestId('unlock-passphrase').fill('marée basse 2026');
    await app.page.getByTestId('unlock').click();
    await app.page.getByTestId('history-said').filter({ hasText: "n'ouvre pas l'historique" }).waitFor({ timeout: 20000 });
    assert.equal(await rawStorage(app), locked, 'a wrong passphrase changes nothing');
    await app.page.getByTestId('unlock-passphrase').fill('marée haute 2026');
    await app.page.getByTestId('unlock').click();
    await app.page.getByTestId('history-count').waitFor({ timeout: 20000 });
    assert.equal(await app.page.getByTestId('history-entry').count(), 2, 'the right passphrase opens both');

    // Locked: answers in progress stay in the page. « Garder » hands them,
    // in memory, to the history in a new tab, which asks for the passphrase.
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(LATER, 5);
    assert.doesNotMatch(await rawStorage(app), /amarre\.answers\.student/, 'nothing readable while locked');
    await app.answerWithClicks(LATER);
    const [tab] = await Promise.all([app.context.waitForEvent('page'), app.page.getByTestId('keep').click()]);
    const history = new AppPage(env.url, app.context, tab);
    await history.ready();
    assert.equal(await app.page.getByTestId('keep').isChecked(), false, 'not ticked here: the other tab keeps it');
    assert.match(await app.page.getByTestId('keep-said').textContent(), /nouvel onglet/);
    await tab.getByTestId('history-pending').waitFor();
    await history.assertAccessible('history, a result handed over');
    await tab.getByTestId('unlock-passphrase').fill('marée haute 2026');
    await tab.getByTestId('unlock').click();
    await tab.getByTestId('history-said').filter({ hasText: "gardés dans l'historique verrouillé" }).waitFor({ timeout: 20000 });
    assert.equal(await tab.getByTestId('history-entry').count(), 3, 'the third result is kept');
    const after = await rawStorage(app);
    assert.deepEqual(words.concat(giveaways(LATER)).filter((w) => after.includes(w)), [], 'still nothing readable');
    await history.guard.assertClean();
  } finally {
    await app.finish();
  }
});

test('a changed ciphertext, a newer version and a damaged result are said, and left as they are', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await answerAndKeep(app, STUDENT);
    await app.goto('/historique/');
    await app.page.getByTestId('lock-passphrase').fill('une phrase assez longue');
    await app.page.getByTestId('lock-again').fill('une phrase assez longue');
    await app.page.getByTestId('lock-set').click();
    await app.page.getByTestId('history-said').filter({ hasText: "L'historique est verrouillé." }).waitFor({ timeout: 20000 });

    // Somebody changed one character of the sealed result: the right
    // passphrase opens the lock, the changed result is said, nothing erased.
    const key = await app.page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('amarre.history.e.')));
    const tampered = await app.page.evaluate((k) => {
      const kept = JSON.parse(localStorage.getItem(k));
      const data = kept.sealed.data;
      kept.sealed.data = (data[0] === 'A' ? 'B' : 'A') + data.slice(1);
      localStorage.setItem(k, JSON.stringify(kept));
      return localStorage.getItem(k);
    }, key);
    await app.reload();
    await app.page.getByTestId('unlock-passphrase').fill('une phrase assez longue');
    await app.page.getByTestId('unlock').click();
    await app.page.getByTestId('history-unreadable').waitFor({ timeout: 20000 });
    assert.match(await app.page.getByTestId('history-unreadable').textContent(), /a été modifié depuis/);
    assert.equal(await app.page.evaluate((k) => localStorage.getItem(k), key), tampered, 'left as it is');
    await app.assertAccessible('history, a changed result');

    // Erase everything (asked first), then: a result from a newer version
    // and a damaged one are said with their place and never overwritten.
    await app.page.getByTestId('history-erase').click();
    await app.page.getByTestId('history-erase-yes').click();
    await app.page.getByTestId('history-empty').waitFor();
    const newer = '{"format":"amarre-history-entry","version":3,"id":"n1","shape":"new"}';
    const damaged = '{"format":"amarre-history-entry","version":2,"id":"d1","date":"2026-13-40"';
    await app.page.evaluate(([n, d]) => {
      localStorage.setItem('amarre.history.e.n1', n);
      localStorage.setItem('amarre.history.e.d1', d);
    }, [newer, damaged]);
    await app.reload();
    const said = await app.page.getByTestId('history-unreadable').textContent();
    assert.match(said, /version plus récente/);
    assert.match(said, /history\.e\.d1/);
    // Keeping one more leaves both as they were.
    await answerAndKeep(app, STUDENT);
    assert.match(await app.page.getByTestId('keep-said').textContent(), /Gardés dans l'historique/);
    const [n, d] = await app.page.evaluate(() => [localStorage.getItem('amarre.history.e.n1'), localStorage.getItem('amarre.history.e.d1')]);
    assert.deepEqual([n, d], [newer, damaged]);
  } finally {
    await app.finish();
  }
});

test('a snapshot kept by the earlier version comes into the history', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.page.clock.setFixedTime(new Date('2026-12-03T09:00:00'));
    await app.goto('/');
    const snapshot = JSON.stringify({ format: 'amarre-answers', questionnaire: 'student', version: 2, given: { country: 'be', age: '16-17', situation: 'in_school', going: 'very_bad' } });
    await app.page.evaluate((text) => localStorage.setItem('amarre.kept.student', text), snapshot);
    await app.goto('/historique/');
    await app.page.getByTestId('history-count').waitFor();
    assert.deepEqual(await app.page.getByTestId('history-date').allTextContents(), ['Gardé le 3 décembre 2026']);
    assert.equal(await app.page.evaluate(() => localStorage.getItem('amarre.kept.student')), null, 'moved, not copied');
  } finally {
    await app.finish();
  }
});
