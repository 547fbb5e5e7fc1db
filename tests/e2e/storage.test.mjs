// Storage that fails or is shared, said truthfully: two tabs on one class
// session add up (5 + 5 + 5 codes make 15); storage full while ticking
// « Garder » says so and unticks, the results staying on the page; storage
// refused leaves every app working in memory, with a sentence in the
// person's language. All under the privacy guard.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { STUDENT } from './support/answers.mjs';
import { answerAll, answerCount, openSession } from './support/class.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** `count` response codes, each from one student's answers on a phone. */
async function codesFromPhones(count) {
  const phone = await AppPage.open(env, { viewport: PHONE });
  const codes = [];
  try {
    await phone.goto('/classe/repondre');
    for (let student = 0; student < count; student += 1) {
      await answerAll(phone, (i) => (student + i) % 5);
      const shown = phone.page.getByTestId('response-code');
      await shown.waitFor();
      codes.push(await shown.getAttribute('aria-label'));
      await phone.page.getByTestId('forget-code').click();
    }
  } finally {
    await phone.finish();
  }
  assert.equal(new Set(codes).size, count);
  return codes;
}

/** Pastes `codes` in the session on screen and waits for the summary. */
async function count(tab, codes, summary) {
  await tab.page.getByTestId('codes').fill(codes.join('\n'));
  await tab.page.getByTestId('count-codes').click();
  await tab.page.getByTestId('codes-summary').filter({ hasText: summary }).waitFor();
}

test('two tabs on one class session count 5 + 5 + 5 codes and end with 15', async () => {
  const codes = await codesFromPhones(15);
  const first = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await first.goto('/classe');
    await openSession(first, '4e A, décembre', 'own');
    const address = new URL(first.page.url()).pathname;
    assert.match(address, /^\/classe\/seance\/[0-9a-z]{8}$/);
    // The same session in a second tab of the same browser.
    const second = new AppPage(env.url, first.context, await first.context.newPage());
    await second.guard.install();
    await second.goto(address);

    await count(first, codes.slice(0, 5), '5 code(s) compté(s)');
    await count(second, codes.slice(5, 10), '5 code(s) compté(s)');
    // The first tab shows the second's counts without a reload…
    await first.page.getByTestId('answer-count').filter({ hasText: /^10 réponse/ }).waitFor();
    // …and a code counted in one tab is « already counted » in the other.
    await count(first, [codes[7]], '0 code(s) compté(s), 1 non compté(s)');
    assert.match(await first.page.getByTestId('code-problem').textContent(), /déjà compté/);
    await first.reload();
    await count(first, codes.slice(10, 15), '5 code(s) compté(s)');
    assert.match(await answerCount(first), /^15 réponse/);
    await second.page.getByTestId('answer-count').filter({ hasText: /^15 réponse/ }).waitFor();
    await second.guard.assertClean();
  } finally {
    await first.finish();
  }
});

test('storage full while ticking « Garder »: the failure is said, the box unticked, the results stay', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    // Fill this site's storage to the last byte, as a full device would.
    await app.page.evaluate(() => {
      for (const size of [1 << 20, 1 << 14, 1 << 10, 64, 1]) {
        try {
          for (let i = 0; ; i += 1) localStorage.setItem(`filler.${size}.${i}`, 'x'.repeat(size));
        } catch {
          // Full at this size: go on with smaller pieces.
        }
      }
    });
    await app.page.getByTestId('keep').click();
    await app.page.getByTestId('keep-said').waitFor();
    assert.match(await app.page.getByTestId('keep-said').textContent(), /^Pas gardés : .*mémoire est pleine/);
    assert.equal(await app.page.getByTestId('keep').isChecked(), false, 'the box does not claim it is kept');
    assert.equal(await app.page.evaluate(() => localStorage.getItem('amarre.history')), null);
    assert.ok(await app.page.getByTestId('family-school').isVisible(), 'the results stay on the page');
    await app.assertAccessible('results, keeping failed');
    // Room again: keeping works, with the same answers still in memory.
    await app.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
    await app.page.getByTestId('keep').click();
    await app.page.getByTestId('keep-said').filter({ hasText: "Gardés dans l'historique" }).waitFor();
    assert.ok(await app.page.getByTestId('keep').isChecked());
  } finally {
    await app.finish();
  }
});

test('storage refused: every app says so in the person language and works in memory', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    // As in some private modes and sandboxed frames: touching storage throws.
    await app.page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
      }
    });
    await app.goto('/historique/');
    assert.match(await app.page.getByTestId('history-unavailable').textContent(), /ne permet pas de garder des données ici/);
    await app.assertAccessible('history, storage refused');

    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT, 3);
    assert.match(await app.page.getByTestId('notice').textContent(), /ne peuvent pas être gardées dans cet onglet/);
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    await app.page.getByTestId('keep').click();
    await app.page.getByTestId('keep-said').waitFor();
    assert.match(await app.page.getByTestId('keep-said').textContent(), /^Pas gardés/);
    assert.equal(await app.page.getByTestId('keep').isChecked(), false);

    await app.goto('/classe');
    await openSession(app, '5e B', 'shared');
    assert.match(await app.page.getByTestId('store-notice').textContent(), /ne garde rien sur cet appareil/);
    assert.doesNotMatch(await app.page.getByTestId('store-notice').textContent(), /storage|could not/, 'no developer words');
    await app.page.getByTestId('start-shared').click();
    await answerAll(app, (i) => i % 5);
    await app.page.getByTestId('pass-device').waitFor();
    await app.page.getByTestId('end-round').click();
    assert.match(await answerCount(app), /^1 réponse/, 'the session works in memory');
  } finally {
    await app.finish();
  }
});
