// A territory's own Amarre, as a coordinator and a young person meet it:
// the coordinator's HSDS file published in annuaire/ beside the built app
// with the checker (`amarre-check --publish`), no rebuild; a fresh browser
// in Liège then finds the local service on the services page and in the
// results' suggestions. A broken published file leaves every app working
// and its problems listed on the coordinators' page. And the real list of
// places: « liege » suggests « 4000 Liège », « 9999 » is refused, « 75011 »
// is « 75011 Paris ». All under the privacy guard.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { STUDENT } from './support/answers.mjs';

const DIST = process.env.AMARRE_DIST || 'dist';
const FIXTURES = new URL('../../crates/amarre-core/tests/data/directories/', import.meta.url).pathname;
// The example directory's CPMS in 4000 (Liège), as HSDS 3.0 ids it.
const CPMS = '9a467b8b-6f90-5872-8fa7-7f3a9fca171f';

const made = [];
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built app with `files` published in its annuaire/ by the checker. */
function siteWith(files, change = () => {}) {
  const root = mkdtempSync(join(tmpdir(), 'amarre-site-'));
  made.push(root);
  cpSync(DIST, root, { recursive: true });
  const run = spawnSync(
    'cargo',
    ['run', '--quiet', '-p', 'amarre-core', '--bin', 'amarre-check', '--', '--publish', join(root, 'annuaire'), ...files.map((f) => join(FIXTURES, f))],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, `amarre-check --publish: ${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /index\.json: written/);
  change(join(root, 'annuaire'));
  return root;
}

/** Serves `site` for the duration of `body`. */
async function serving(site, body) {
  const before = process.env.AMARRE_DIST;
  process.env.AMARRE_DIST = site;
  const env = await launch();
  try {
    await body(env);
  } finally {
    await env.close();
    if (before === undefined) delete process.env.AMARRE_DIST;
    else process.env.AMARRE_DIST = before;
  }
}

/** Types `typed` in the place field and waits for the suggestions. */
async function typePlace(app, typed) {
  await app.page.getByTestId('place-typed').fill(typed);
}

test('a published directory reaches a fresh browser in Liège: services page and results', async () => {
  await serving(siteWith(['example.json']), async (env) => {
    const app = await AppPage.open(env, { viewport: PHONE });
    try {
      await app.goto('/services');
      // Nobody loaded anything by hand: the published directory is in use.
      await app.page.getByTestId('services-count').filter({ hasText: /sur 3$/ }).waitFor();

      // « liege » (no accent) suggests « 4000 Liège »; choosing it puts the
      // CPMS of 4000 first.
      await typePlace(app, 'liege');
      const suggestion = app.page.getByTestId('place-suggestion').first();
      assert.equal(await suggestion.textContent(), '4000 Liège');
      await suggestion.click();
      assert.equal(await app.page.getByTestId('place-now').textContent(), 'Services près de : 4000 Liège');
      const listed = await app.page.locator('[data-testid=service-list] [data-testid=service-card]').evaluateAll((cards) =>
        cards.map((c) => c.dataset.service),
      );
      assert.equal(listed.length, 3);
      assert.ok(listed.indexOf(CPMS) < 2, `the CPMS of Liège is among the local ones first (${listed.join(', ')})`);
      await app.assertAccessible('/services with a published directory and a place');

      // The results of the questionnaire, in the same tab.
      await app.goto('/eleve');
      await app.page.getByTestId('start').click();
      await app.answerWithClicks(STUDENT);
      await app.page.getByTestId('results').waitFor();
      const cpms = app.page.locator('[data-testid=suggestion][data-type=cpms]');
      const cards = await cpms.getByTestId('service-card').evaluateAll((c) => c.map((x) => x.dataset.service));
      assert.deepEqual(cards, [CPMS], 'the published CPMS of Liège');
      assert.match(await cpms.textContent(), /CPMS Exemple/);
      await app.assertAccessible('/eleve results with a published directory');

      // The coordinators' page says what is published, file by file.
      await app.goto('/coordination');
      assert.match(await app.page.getByTestId('published-index').textContent(), /Services actifs : 3\./);
      await app.page.getByTestId('published-file').first().waitFor();
      assert.equal(await app.page.getByTestId('published-file').textContent(), 'example.json : lu en entier. Services actifs : 3.');
      assert.equal(await app.page.getByTestId('published-stale').count(), 0);
      await app.assertAccessible('/coordination with a published directory');
    } finally {
      await app.finish();
    }
  });
});

test('a broken published file leaves the apps working and its problems listed for the coordinator', async () => {
  // The index names a second file, which has defects (say, edited by hand
  // after the index was made): the index is still used, the file is listed
  // with each problem at its place.
  const withDefects = siteWith(['example.json'], (folder) => {
    const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
    index.sources.push('defects.json');
    writeFileSync(join(folder, 'index.json'), JSON.stringify(index));
    cpSync(join(FIXTURES, 'defects.json'), join(folder, 'defects.json'));
  });
  await serving(withDefects, async (env) => {
    const app = await AppPage.open(env, { viewport: DESKTOP });
    try {
      await app.goto('/coordination');
      const broken = app.page.getByTestId('published-file-problems');
      await broken.waitFor();
      const expected = readFileSync(join(FIXTURES, 'defects.expected.txt'), 'utf8').trim().split('\n');
      assert.deepEqual(await broken.getByTestId('problem-place').allTextContents(), expected.filter((l) => l.startsWith('defects.json')));
      assert.match(await broken.textContent(), /^defects\.json : pas utilisable/);
      assert.match(await app.page.getByTestId('published-index').textContent(), /Services actifs : 3\./);
      await app.assertAccessible('/coordination with a broken published file');
    } finally {
      await app.finish();
    }
  });

  // An index that is not even JSON: every app shows its own content.
  const brokenIndex = siteWith(['example.json'], (folder) => writeFileSync(join(folder, 'index.json'), '{"sources": ["example.json"], "services": [{'));
  await serving(brokenIndex, async (env) => {
    const app = await AppPage.open(env, { viewport: PHONE });
    try {
      await app.goto('/services');
      assert.match(await app.page.getByTestId('services-count').textContent(), /Aucun annuaire local/);
      await app.goto('/eleve');
      await app.page.getByTestId('start').click();
      await app.answerWithClicks(STUDENT);
      await app.page.getByTestId('results').waitFor();
      assert.ok((await app.page.getByTestId('suggestion').count()) >= 3, 'suggestions from the app\'s own content');
      await app.goto('/coordination');
      const problems = app.page.getByTestId('published-index-problems');
      await problems.waitFor();
      assert.match(await problems.getByTestId('problem-place').first().textContent(), /^annuaire\/index\.json: cannot be read: .+ at line 1, column \d+$/);
    } finally {
      await app.finish();
    }
  });
});

test('real places: « liege » suggests « 4000 Liège », « 9999 » is refused, « 75011 » is « 75011 Paris »', async () => {
  await serving(DIST, async (env) => {
    const app = await AppPage.open(env, { viewport: PHONE });
    try {
      await app.goto('/services');
      await typePlace(app, 'liege');
      await app.page.getByTestId('place-suggestion').first().waitFor();
      const offered = await app.page.getByTestId('place-suggestion').allTextContents();
      assert.equal(offered[0], '4000 Liège', offered.join(' | '));

      // By the keyboard alone: a code that cannot exist is refused, said in words.
      await app.page.getByTestId('place-typed').fill('9999');
      await app.page.getByTestId('place-typed').press('Enter');
      assert.equal(await app.page.getByTestId('place-problem').textContent(), 'Ce code postal n\'existe pas. Vérifie les chiffres.');
      assert.equal(await app.page.getByTestId('place-now').textContent(), 'Aucun lieu choisi : les types de services et les lignes nationales sont montrés.');

      await app.page.getByTestId('place-typed').fill('75011');
      await app.page.getByTestId('place-typed').press('Enter');
      assert.equal(await app.page.getByTestId('place-now').textContent(), 'Services près de : 75011 Paris');
      assert.equal(await app.page.getByTestId('place-problem').count(), 0);
      await app.assertAccessible('/services with a French place');
    } finally {
      await app.finish();
    }
  });
});

test('every app asks for the same files whatever language the browser prefers (fr, en, nl, ar): packs and directory included', async () => {
  await serving(DIST, async (env) => {
    const seen = {};
    const french = {};
    for (const locale of ['fr-BE', 'en-GB', 'nl-BE', 'ar']) {
      const app = await AppPage.open(env, { viewport: PHONE, locale });
      const code = locale.slice(0, 2);
      try {
        for (const path of ['/', '/famille/', '/services', '/coordination', '/classe/', '/historique/']) {
          await app.goto(path);
          // The browser's language, right to left for Arabic.
          await app.page.waitForFunction((c) => document.documentElement.lang === c, code);
          assert.equal(await app.page.evaluate(() => document.documentElement.dir), code === 'ar' ? 'rtl' : 'ltr', path);
          // Its pack is there: the page's first heading is not the French one.
          const heading = await app.heading().first().textContent();
          if (code === 'fr') french[path] = heading;
          else assert.notEqual(heading, french[path], `${path} in ${code}`);
        }
        if (code === 'ar' || code === 'nl') await app.assertAccessible(`/historique/ in ${code}`);
        const fetched = app.guard.requests.filter((r) => r.type !== 'service worker').map((r) => new URL(r.url).pathname);
        seen[locale] = [...new Set(fetched)].sort();
      } finally {
        await app.finish();
      }
    }
    for (const other of ['en-GB', 'nl-BE', 'ar']) {
      assert.deepEqual(seen[other], seen['fr-BE'], `the language a person reads changes no request (${other})`);
    }
    for (const pack of ['young', 'family', 'services', 'class', 'history']) {
      for (const code of ['en', 'nl', 'ar']) {
        assert.ok(seen['fr-BE'].some((p) => p.startsWith(`/packs/${pack}-${code}-`)), `a French reader fetches the ${pack} ${code} pack too`);
      }
    }
    assert.ok(seen['fr-BE'].includes('/annuaire/index.json'));
    assert.ok(seen['fr-BE'].includes('/lieux/places.txt'), 'the services app fetches the places');
  });
});
