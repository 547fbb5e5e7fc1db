// The class climate survey as a teacher and students go through it, with
// no server: six students on one shared device, then students on their own
// phones handing in codes that the teacher pastes (a typo and a duplicate
// among them). The report stays hidden at 4 answers and shows at 5; the
// device keeps counts and never an answer set or a code; a corrupted store
// is set aside and said. All under the privacy guard and axe.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage, NEUTRAL_PAGE } from './support/app.mjs';
import { answerAll, answerCount, openSession, stored } from './support/class.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

test('six students answer one after another on the shared device; only counts are kept', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/classe');
    await app.assertAccessible('/classe');
    await openSession(app, '3e B, novembre', 'shared');
    await app.assertAccessible('session (shared)');
    // What anyone reading the device's storage would see after each student.
    const kept = [(await stored(app))['amarre.class.sessions']];
    for (let student = 1; student <= 6; student += 1) {
      if (student === 1 || student === 5 || student === 6) await app.page.getByTestId('start-shared').click();
      else await app.page.getByTestId('next-student').click();
      // Student n picks option (n + i) mod 5 for question i.
      const asked = await answerAll(app, (i) => (student + i) % 5);
      assert.equal(asked, 14);
      await app.page.getByTestId('pass-device').waitFor();
      if (student === 1) await app.assertAccessible('pass the device');
      // The neutral screen shows nothing of the answers, and nothing is stored but counts.
      assert.equal(await app.page.locator('input[type=radio]').count(), 0);
      const keys = Object.keys(await stored(app));
      assert.deepEqual(keys.filter((k) => k !== 'amarre.language'), ['amarre.class.sessions']);
      kept.push((await stored(app))['amarre.class.sessions']);
      if (student === 4 || student === 5) {
        await app.page.getByTestId('end-round').click();
        assert.match(await answerCount(app), new RegExp(`^${student} réponse`));
        if (student === 4) {
          assert.match(await app.page.getByTestId('report-hidden').textContent(), /à partir de 5 réponses.*: 4/);
          assert.equal(await app.page.getByTestId('report').count(), 0, 'no report at 4 answers');
        } else {
          await app.page.getByTestId('report').waitFor();
          assert.equal(await app.page.getByTestId('distribution').count(), 14);
        }
      }
    }
    // Back goes to the list and forward to the teacher's view: no answers anywhere.
    await app.page.goBack();
    await app.page.getByTestId('sessions').waitFor();
    await app.page.goForward();
    await app.page.getByTestId('answer-count').waitFor();
    assert.equal(await app.page.locator('.question').count(), 0);
    await app.page.getByTestId('end-round').count();
    assert.match(await answerCount(app), /^6 réponse/);
    assert.match(await app.page.getByTestId('waiting').textContent(), /^1 réponse\(s\) en attente/);

    // No stored count changed by one student's answers: storage stayed as
    // it was for students 1 to 4, changed once by five at the 5th, and not
    // at the 6th, whose answers wait in the page's memory.
    const counts = kept.map((text) => JSON.parse(text).sessions[0]);
    assert.deepEqual(counts.map((c) => c.answers), [0, 0, 0, 0, 0, 5, 5]);
    for (const n of [1, 2, 3, 4, 6]) assert.equal(kept[n], kept[n - 1], `storage after student ${n}`);
    // Question 1: students 1–5 picked (n + 0) mod 5 = 1, 2, 3, 4, 0: one each.
    assert.deepEqual(counts[5].counts[0], [1, 1, 1, 1, 1, 0]);

    // What the device holds: one session of counts, no per-student trace.
    const session = counts[6];
    assert.deepEqual(Object.keys(session).sort(), [
      'answers', 'closed', 'counts', 'id', 'mode', 'name', 'opened', 'questionnaire', 'questionnaire_version', 'salt', 'seen', 'threshold',
    ]);
    assert.deepEqual(session.seen, []);

    // The report shows no count under five: here every option of question 1 has fewer than five.
    const first = await app.page.getByTestId('distribution').first().textContent();
    assert.doesNotMatch(first, /: [1-4](?!\d)/, first);
    assert.match(first, /moins de 5/);

    // Leaving with an answer waiting asks first; leaving anyway loses it, as the page said.
    const asked = new Promise((resolve) => {
      app.page.once('dialog', (dialog) => {
        resolve(dialog.type());
        dialog.accept();
      });
    });
    await app.reload();
    assert.equal(await asked, 'beforeunload');
    assert.match(await answerCount(app), /^5 réponse/);
    assert.equal(await app.page.getByTestId('waiting').count(), 0);
    await app.assertAccessible('session report');
  } finally {
    await app.finish();
  }
});

test('two sessions side by side fit a 360 px phone, in French and in Dutch', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/classe');
    for (const [round, name] of ['3e B, octobre', '3e B, décembre'].entries()) {
      if (round > 0) {
        await app.page.goBack();
        await app.page.getByTestId('sessions').waitFor();
      }
      await openSession(app, name, 'shared');
      for (let student = 1; student <= 5; student += 1) {
        await app.page.getByTestId(student === 1 ? 'start-shared' : 'next-student').click();
        await answerAll(app, (i) => (student + i + round) % 4);
        await app.page.getByTestId('pass-device').waitFor();
      }
      await app.page.getByTestId('end-round').click();
      await app.page.getByTestId('report').waitFor();
    }
    await app.page.selectOption('[data-testid=compare-with]', '0');
    const table = app.page.getByTestId('compare-table');
    for (const lang of ['fr', 'nl']) {
      if (lang !== 'fr') await app.chooseLanguage(lang);
      await table.waitFor();
      const box = await table.evaluate((t) => {
        const r = t.getBoundingClientRect();
        return { left: r.left, right: r.right, width: t.scrollWidth, shown: t.clientWidth, page: document.documentElement.scrollWidth, screen: innerWidth };
      });
      assert.ok(box.left >= 0 && box.right <= box.screen, `${lang}: the table is on screen ${JSON.stringify(box)}`);
      assert.ok(box.width <= box.shown && box.page <= box.screen, `${lang}: no column off screen ${JSON.stringify(box)}`);
      await app.assertAccessible(`comparison table in ${lang}`);
    }
  } finally {
    await app.finish();
  }
});

test('students hand in codes from their phones; the teacher pastes them, a typo and a duplicate are refused', async () => {
  // Five students, each on "their phone" (one context, the code cleared between them).
  const phone = await AppPage.open(env, { viewport: PHONE });
  const codes = [];
  try {
    await phone.goto('/classe');
    // The students' side is an app of its own: following the link loads it.
    phone.guard.expectLoad();
    await phone.page.getByTestId('student-answer').click();
    await phone.page.waitForURL('**/classe/repondre');
    await phone.ready();
    for (let student = 0; student < 5; student += 1) {
      await answerAll(phone, (i) => (student * 2 + i) % 6);
      const shown = phone.page.getByTestId('response-code');
      await shown.waitFor();
      const code = await shown.getAttribute('aria-label');
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      codes.push(code);
      if (student === 0) {
        await phone.assertAccessible('response code');
        // The QR code drawn on the phone reads back as the same code.
        const png = PNG.sync.read(await phone.page.getByTestId('code-qr').screenshot());
        const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        assert.equal(read?.data, code, 'the QR code decodes to the code shown');
      }
      // Nothing about the answers or the code is stored on the phone.
      assert.deepEqual(Object.keys(await stored(phone)).filter((k) => k !== 'amarre.language'), []);
      await phone.page.getByTestId('forget-code').click();
    }
    assert.equal(new Set(codes).size, 5);
  } finally {
    await phone.finish();
  }

  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await app.goto('/classe');
    await openSession(app, '3e B, juin', 'own');
    assert.match(await app.page.getByTestId('student-address').textContent(), /\/classe\/repondre$/);
    // Six codes: four good ones, one with a typo, one typed twice (in lower case, spaced).
    const typo = codes[4].replace(/^(.{5})(.)/, (_, head, c) => head + (c === '7' ? '8' : '7'));
    const pasted = [codes[0], codes[1], codes[2], typo, codes[3], codes[1].toLowerCase().replaceAll('-', ' ')].join('\n');
    await app.page.getByTestId('codes').fill(pasted);
    await app.page.getByTestId('count-codes').click();
    await app.page.getByTestId('codes-summary').filter({ hasText: '4 code(s) compté(s), 2 non compté(s)' }).waitFor();
    const problems = await app.page.getByTestId('code-problem').allTextContents();
    assert.deepEqual(problems, [
      `Code 4 (${typo}) : un caractère est mal recopié`,
      `Code 6 (${codes[1].toLowerCase().replaceAll('-', ' ')}) : déjà compté`,
    ]);
    assert.equal(await app.page.getByTestId('codes').inputValue(), typo, 'the refused code stays in the box to fix');
    assert.match(await answerCount(app), /^4 réponse/);
    assert.equal(await app.page.getByTestId('report').count(), 0, 'no report at 4 answers');
    await app.page.getByTestId('report-hidden').waitFor();

    // A character that is not in the alphabet is named with its place.
    await app.page.getByTestId('codes').fill('7KQ2-UXDM-0R4T-HW3B');
    await app.page.getByTestId('count-codes').click();
    assert.deepEqual(await app.page.getByTestId('code-problem').allTextContents(), [
      "Code 1 (7KQ2-UXDM-0R4T-HW3B) : le caractère 5 (« U ») n'est pas valable",
    ]);

    // The corrected code makes five: the report shows.
    await app.page.getByTestId('codes').fill(codes[4]);
    await app.page.getByTestId('count-codes').click();
    await app.page.getByTestId('report').waitFor();
    assert.match(await answerCount(app), /^5 réponse/);
    await app.assertAccessible('report (own devices)');

    // Nothing stored holds a code: only counts and fingerprints.
    const text = (await stored(app))['amarre.class.sessions'];
    for (const code of codes) {
      assert.ok(!text.includes(code) && !text.includes(code.replaceAll('-', '')), 'no code is stored');
    }
    assert.equal(JSON.parse(text).sessions[0].seen.length, 5);

    // The CSV export: counts, never a figure of 1 to 4.
    const [download] = await Promise.all([app.page.waitForEvent('download'), app.page.getByTestId('export-csv').click()]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^item,option,count\n/);
    for (const line of csv.trim().split('\n').slice(1)) assert.doesNotMatch(line, /,[1-4]$/, line);

    // Closing the session refuses more codes.
    await app.page.getByTestId('toggle-closed').click();
    await app.page.getByTestId('closed-notice').waitFor();
  } finally {
    await app.finish();
  }
});

test('a corrupted stored session is set aside and said, and the app keeps working', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/classe');
    await app.page.evaluate(() => localStorage.setItem('amarre.class.sessions', '{"format":"amarre-class-sessions","version":1,"sessions":[{"id":"x"'));
    await app.reload();
    const notice = await app.page.getByTestId('store-notice').textContent();
    assert.match(notice, /mises de côté, pas effacées/);
    assert.match(notice, /amarre\.class\.sessions/);
    const kept = await stored(app);
    assert.equal(kept['amarre.class.set_aside'], '{"format":"amarre-class-sessions","version":1,"sessions":[{"id":"x"');
    await openSession(app, 'Après', 'shared');
    assert.match(await answerCount(app), /^0 réponse/);
  } finally {
    await app.finish();
  }
});

test('the class survey speaks English and works with the keyboard alone', async () => {
  const app = await AppPage.open(env, { viewport: PHONE, locale: 'en-GB' });
  try {
    await app.goto('/classe');
    assert.equal(await app.heading().textContent(), 'Class climate');
    await app.tabTo('session-name');
    await app.page.keyboard.type('Year 9 B');
    await app.pressWithKeyboard('open-session');
    await app.page.getByTestId('session-name').filter({ hasText: 'Year 9 B' }).waitFor();
    await app.pressWithKeyboard('start-shared');
    await app.pressWithKeyboard('start');
    const asked = await app.answerWithKeyboard({});
    assert.equal(asked.length, 14);
    await app.page.getByTestId('pass-device').waitFor();
    assert.equal(await app.heading().textContent(), 'Thank you!');
    await app.pressWithKeyboard('end-round');
    assert.match(await answerCount(app), /^1 answer/);
    assert.match(await app.page.getByTestId('report-hidden').textContent(), /from 5 answers/);
  } finally {
    await app.finish();
  }
});

test('Escape twice leaves the shared device at once, even with an answer waiting', async () => {
  const app = await AppPage.open(env, { viewport: PHONE });
  await app.page.route(`${NEUTRAL_PAGE}**`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<title>Météo</title><p>Météo</p>' }),
  );
  app.guard.allowExitTo(NEUTRAL_PAGE);
  const dialogs = [];
  app.page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    dialog.dismiss();
  });
  try {
    await app.goto('/classe');
    await openSession(app, '2e C', 'shared');
    await app.page.getByTestId('start-shared').click();
    await answerAll(app, (i) => i % 5);
    await app.page.getByTestId('next-student').click();
    await app.page.getByTestId('start').click();
    await app.page.keyboard.press('Escape');
    await app.page.keyboard.press('Escape');
    await app.page.waitForURL(`${NEUTRAL_PAGE}**`);
    assert.deepEqual(dialogs, [], 'the quick exit asked nothing');
  } finally {
    await app.finish();
  }
});
