// The app shell as a person meets it: the home page in French and English,
// every route, the help area, the quick exit, the privacy page's "erase
// everything", keyboard use. Every test runs under the privacy guard and
// checks accessibility on each page it visits.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage, NEUTRAL_PAGE } from './support/app.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const ROUTES = [
  ['/', 'Comment ça va, toi et l\'école ?'],
  ['/eleve', 'Comment ça va, toi et l\'école ?'],
  ['/famille', 'Vous vous inquiétez pour votre enfant ?'],
  ['/classe', 'Climat de classe'],
  ['/services', 'Trouver de l\'aide'],
  ['/confidentialite', 'Confidentialité : ce que l\'app garde'],
  ['/historique', 'Historique sur cet appareil'],
  ['/nulle-part', 'Cette page n\'existe pas'],
];

test('home offers the three paths in French on a phone', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/');
    assert.equal(await app.heading().textContent(), 'Comment ça va, toi et l\'école ?');
    assert.equal(await app.page.evaluate(() => document.documentElement.lang), 'fr');
    for (const id of ['path-student', 'path-family', 'path-class']) {
      assert.ok(await app.page.getByTestId(id).isVisible(), `${id} is visible`);
    }
    assert.equal(await app.page.title(), 'Accueil · Amarre');
    await app.assertAccessible();
  } finally {
    await app.finish();
  }
});

test('every route shows its own page, with help and quick exit at the same place', async () => {
  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    for (const [path, title] of ROUTES) {
      await app.goto(path);
      assert.equal(await app.heading().textContent(), title, path);
      const summary = await app.page.getByTestId('help-summary').boundingBox();
      const exit = await app.page.getByTestId('quick-exit').boundingBox();
      assert.ok(summary && exit, `${path}: help area and quick exit are shown`);
      assert.ok(summary.y < 200, `${path}: the help area is near the top (y=${summary.y})`);
      await app.assertAccessible(path);
    }
    // The footer marks the page shown, in the services app too.
    await app.goto('/confidentialite');
    const current = app.page.locator('.site-footer__nav [aria-current=page]');
    assert.equal(await current.textContent(), 'Confidentialité');
    // The teacher's path loads the class survey, an app of its own.
    await app.goto('/');
    app.guard.expectLoad();
    await app.page.getByTestId('path-class').click();
    await app.page.waitForURL('**/classe');
    await app.ready();
    assert.equal(await app.heading().textContent(), 'Climat de classe');
  } finally {
    await app.finish();
  }
});

test('the language picker switches every word to English, and back', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/');
    await app.chooseLanguage('en');
    assert.equal(await app.heading().textContent(), 'How are you doing, you and school?');
    assert.equal(await app.page.getByTestId('help-summary').textContent(), 'Need to talk now?');
    assert.equal(await app.page.getByTestId('quick-exit').textContent(), 'Quick exit');
    assert.equal(await app.page.title(), 'Home · Amarre');
    await app.assertAccessible('/ in English');
    // The choice holds for the tab, across a reload.
    await app.reload();
    assert.equal(await app.heading().textContent(), 'How are you doing, you and school?');
    await app.chooseLanguage('fr');
    assert.equal(await app.heading().textContent(), 'Comment ça va, toi et l\'école ?');
  } finally {
    await app.finish();
  }
});

test('an English browser gets English first', async () => {
  const app = await AppPage.open(env, { viewport: DESKTOP, locale: 'en-GB' });
  try {
    await app.goto('/confidentialite');
    assert.equal(await app.heading().textContent(), 'Privacy: what the app keeps');
  } finally {
    await app.finish();
  }
});

test('the help area lists the national lines as tel: links', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/classe');
    const links = await app.helpLines();
    for (const number of ['tel:103', 'tel:107', 'tel:080032123', 'tel:3114', 'tel:119', 'tel:3018', 'tel:0800235236']) {
      assert.ok(links.includes(number), `${number} is offered`);
    }
    assert.ok(!links.includes('tel:3020'), '3020 is closed and never offered');
    await app.assertAccessible('/classe with the help area open');
  } finally {
    await app.finish();
  }
});

test('quick exit leaves for a neutral page, replaces the history entry and forgets the tab', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  await app.page.route(`${NEUTRAL_PAGE}**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Météo</title><p>Météo</p>' }),
  );
  app.guard.allowExitTo(NEUTRAL_PAGE);
  try {
    await app.goto('/');
    await app.chooseLanguage('en');
    // The privacy page is shown by the services app: following the link
    // loads it, and the language chosen in the tab holds.
    app.guard.expectLoad();
    await app.follow('What the app keeps');
    await app.page.waitForURL('**/confidentialite');
    await app.ready();
    assert.equal(await app.heading().textContent(), 'Privacy: what the app keeps');
    assert.deepEqual(await app.storedKeys(), ['amarre.language']);

    await app.page.getByTestId('quick-exit').click();
    await app.page.waitForURL(`${NEUTRAL_PAGE}**`);
    assert.equal(await app.page.title(), 'Météo');

    // Back does not bring back the page that was on screen.
    app.guard.expectLoad();
    await app.page.goBack();
    await app.ready();
    assert.ok(!app.page.url().endsWith('/confidentialite'), `back went to ${app.page.url()}`);
    assert.deepEqual(await app.storedKeys(), [], 'the tab forgot the language choice');
  } finally {
    await app.finish();
  }
});

test('the privacy page shows what is kept and erases it all', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/confidentialite');
    assert.ok(await app.page.getByTestId('stored-nothing').isVisible());
    const rows = await app.page.locator('.privacy__table tbody tr').allTextContents();
    assert.ok(rows.length >= 5, `the table lists what may be kept (${rows.length} rows)`);
    assert.equal(new Set(rows).size, rows.length, 'each kind of stored value is listed once');
    await app.chooseLanguage('en');
    await app.chooseLanguage('fr');
    // Something from an older version is shown too, never hidden.
    await app.page.evaluate(() => localStorage.setItem('amarre.old', '1'));
    await app.reload();
    const listed = await app.page.getByTestId('stored-list').textContent();
    assert.match(listed, /amarre\.language/);
    assert.match(listed, /amarre\.old/);

    await app.page.getByTestId('erase-everything').click();
    // Nothing goes before the person has seen what will go, and said yes.
    assert.deepEqual((await app.storedKeys()).length, 2, 'the first press erases nothing');
    assert.match(await app.page.locator('.confirm__panel').textContent(), /amarre\.old/);
    await app.assertAccessible('/confidentialite asking before erasing');
    await app.page.getByTestId('erase-everything-yes').click();
    assert.equal(await app.page.getByTestId('erase-status').textContent(), 'C\'est fait. Éléments effacés : 2.');
    assert.ok(await app.page.getByTestId('stored-nothing').isVisible());
    assert.deepEqual(await app.storedKeys(), []);
    await app.assertAccessible('/confidentialite after erasing');
  } finally {
    await app.finish();
  }
});

test('keyboard only: skip link, then a path, then focus on the new page', async () => {
  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await app.goto('/');
    await app.page.keyboard.press('Tab');
    assert.equal(await app.page.evaluate(() => document.activeElement.className), 'skip-link');
    await app.page.keyboard.press('Enter');
    assert.equal(await app.page.evaluate(() => document.activeElement.id), 'main', 'the skip link reaches the content');
    // From the main region, the next Tab reaches the first path.
    await app.page.keyboard.press('Tab');
    assert.equal(await app.page.evaluate(() => document.activeElement.dataset.testid), 'path-student');
    await app.page.keyboard.press('Enter');
    await app.page.waitForURL('**/eleve');
    assert.equal(await app.page.evaluate(() => document.activeElement.id), 'main', 'focus moved to the new page');
    assert.ok(await app.page.getByTestId('questionnaire-student').isVisible());
  } finally {
    await app.finish();
  }
});

test('back and forward move between pages without reloading, and links mark the current page', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/');
    await app.page.getByTestId('path-student').click();
    await app.page.waitForURL('**/eleve');
    await app.page.getByTestId('questionnaire-student').waitFor();
    const current = app.page.locator('.site-footer__nav [aria-current=page]');
    assert.equal(await current.count(), 0, 'no footer link is the questionnaire');

    // The guard stays armed: going back and forward must not load anything.
    await app.page.goBack();
    await app.page.waitForURL((url) => url.pathname === '/');
    await app.page.getByTestId('path-family').waitFor();
    assert.equal(await current.textContent(), 'Accueil');
    await app.page.goForward();
    await app.page.waitForURL('**/eleve');
    await app.page.getByTestId('questionnaire-student').waitFor();

    // The family questionnaire is an app of its own: reaching it loads it.
    await app.page.goBack();
    await app.page.waitForURL((url) => url.pathname === '/');
    app.guard.expectLoad();
    await app.page.getByTestId('path-family').click();
    await app.page.waitForURL('**/famille');
    await app.ready();
    assert.equal(await app.heading().textContent(), 'Vous vous inquiétez pour votre enfant ?');
  } finally {
    await app.finish();
  }
});
