// After one visit, Amarre opens offline: every page, the help lines, a
// questionnaire answered to its results; and the quick exit works from the
// keyboard (Escape twice), offline too. All under the privacy guard, which
// allows the service worker its precache (the same files for everyone) and
// nothing else.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE } from './support/browser.mjs';
import { AppPage, NEUTRAL_PAGE } from './support/app.mjs';
import { STUDENT } from './support/answers.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Waits until the service worker has stored the apps and controls the page. */
async function installed(app) {
  await app.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit, every page opens offline and a questionnaire reaches its results', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/');
    await installed(app);
    await app.context.setOffline(true);
    for (const [path, testid] of [
      ['/', 'path-student'],
      ['/eleve', 'start'],
      ['/famille', 'start'],
      ['/classe/', 'student-answer'],
      ['/classe/repondre', 'start'],
      ['/services/', 'guided'],
      ['/confidentialite/', 'erase-everything'],
      ['/historique/', 'history'],
    ]) {
      await app.goto(path);
      assert.ok(await app.page.getByTestId(testid).isVisible(), `${path} works offline`);
      const lines = await app.helpLines();
      assert.ok(lines.includes('tel:103') && lines.includes('tel:3114'), `${path}: the help lines, offline (${lines.join(' ')})`);
      await app.assertAccessible(`${path} offline`);
    }
    // Moving between the apps works offline too.
    await app.goto('/');
    app.guard.expectLoad();
    await app.page.getByTestId('path-class').click();
    await app.page.getByTestId('student-answer').waitFor();
    await app.ready();
    // A whole questionnaire, offline.
    await app.goto('/eleve');
    await app.page.getByTestId('start').click();
    await app.answerWithClicks(STUDENT);
    await app.page.getByTestId('results').waitFor();
    assert.equal(await app.band('school'), 'talk');
  } finally {
    await app.finish();
  }
});

test('Escape twice leaves for a neutral page, from a question, from results and from the class survey, offline too', async () => {
  for (const [path, setup] of [
    ['/eleve', async (app) => {
      await app.page.getByTestId('start').click();
      await app.answerWithClicks(STUDENT, 2);
    }],
    ['/eleve', async (app) => {
      await app.page.getByTestId('start').click();
      await app.answerWithClicks(STUDENT);
      await app.page.getByTestId('results').waitFor();
    }],
    ['/classe/', async () => {}],
  ]) {
    const app = await AppPage.open(env, { viewport: PHONE });
    await app.page.route(`${NEUTRAL_PAGE}**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Météo</title><p>Météo</p>' }),
    );
    try {
      // A page before, for the back button to come back to.
      await app.goto('/');
      await installed(app);
      await app.goto(path);
      await setup(app);
      assert.ok((await app.storedKeys()).length > 0 || path === '/classe/', 'something in the tab before leaving');
      await app.context.setOffline(true);
      app.guard.allowExitTo(NEUTRAL_PAGE);
      await app.page.keyboard.press('Escape');
      await app.page.keyboard.press('Escape');
      await app.page.waitForURL(`${NEUTRAL_PAGE}**`);
      // Back (offline: from the service worker) finds the tab forgotten.
      app.guard.expectLoad();
      await app.page.goBack();
      await app.ready();
      const session = await app.page.evaluate(() => Object.keys(sessionStorage).filter((k) => k.startsWith('amarre.')));
      assert.deepEqual(session, [], 'the tab forgot what was in progress');
    } finally {
      await app.finish();
    }
  }
});

test('one Escape does not leave', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/eleve');
    await app.page.keyboard.press('Escape');
    await app.page.waitForTimeout(1200);
    await app.page.keyboard.press('Escape');
    await app.page.waitForTimeout(300);
    assert.ok(app.page.url().endsWith('/eleve'), app.page.url());
  } finally {
    await app.finish();
  }
});
