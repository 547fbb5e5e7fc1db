// Response codes reaching the teacher: five students' phones show their QR
// codes to the teacher's camera (a stubbed getUserMedia that films a canvas
// on which the phones' QR codes pass one after the other, the first one
// twice), and a whole class's codes pasted on one line, one in ten damaged.
// Headless Chromium on Linux has no BarcodeDetector, so the app's own QR
// reader (a wasm in a web worker) does the reading. All under the privacy
// guard: the reader is fetched when « Scanner » is pressed, from the service
// worker's precache, and nothing reaches the network.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, PHONE, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';
import { answerAll, answerCount, openSession, stored } from './support/class.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** How long each picture stays before the camera, and how long it is shown in that time (ms). */
const SLOT = 1400;
const SHOWN = 1000;

/**
 * Replaces the camera with a canvas: after `window.__cameraShows` (data
 * URLs) is set, each picture is filmed for SHOWN ms, then a blank frame,
 * one after the other. `window.__cameraRefuses` makes it refuse instead.
 */
async function fakeCamera(app) {
  await app.page.addInitScript(
    ({ slot, shown }) => {
      navigator.mediaDevices.getUserMedia = async () => {
        if (window.__cameraRefuses) throw new DOMException('Permission denied', 'NotAllowedError');
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 480;
        const context = canvas.getContext('2d');
        const pictures = await Promise.all(
          (window.__cameraShows || []).map(
            (src) =>
              new Promise((resolve, reject) => {
                const image = new Image();
                image.onload = () => resolve(image);
                image.onerror = reject;
                image.src = src;
              }),
          ),
        );
        const start = performance.now();
        const draw = () => {
          context.fillStyle = '#fff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          const t = performance.now() - start;
          const picture = pictures[Math.floor(t / slot)];
          if (picture && t % slot < shown) context.drawImage(picture, 190, 110, 260, 260);
        };
        draw();
        setInterval(draw, 40);
        return canvas.captureStream(25);
      };
    },
    { slot: SLOT, shown: SHOWN },
  );
}

test('the teacher scans five phones’ QR codes with the camera; the same code shown twice counts once', async () => {
  // Five students on "their phone": each code, and its QR code as the phone draws it.
  const phone = await AppPage.open(env, { viewport: PHONE });
  const codes = [];
  const pictures = [];
  try {
    await phone.goto('/classe/repondre');
    for (let student = 0; student < 5; student += 1) {
      await answerAll(phone, (i) => (student + i) % 5);
      const shown = phone.page.getByTestId('response-code');
      await shown.waitFor();
      codes.push(await shown.getAttribute('aria-label'));
      const png = await phone.page.getByTestId('code-qr').screenshot();
      pictures.push(`data:image/png;base64,${png.toString('base64')}`);
      await phone.page.getByTestId('forget-code').click();
    }
  } finally {
    await phone.finish();
  }

  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await fakeCamera(app);
    await app.goto('/classe');
    // The reader comes from the service worker's precache: wait until it controls the page.
    await app.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await openSession(app, '4e A, scan', 'own');
    assert.equal(await app.page.locator('video').count(), 0, 'no camera before the teacher asks');
    assert.ok(
      !app.guard.requests.some((r) => r.type !== 'service worker' && r.url.includes('/classe/qr/')),
      'the page does not load the reader before « Scanner » (only the service worker precaches it)',
    );
    await app.page.evaluate((shows) => {
      window.__cameraShows = shows;
    }, [...pictures, pictures[0]]);
    await app.page.getByTestId('scan').click();
    await app.page.locator('[data-testid=scan-view] video').waitFor();
    // Five codes counted, one by one, each said.
    await app.page.getByTestId('scan-status').filter({ hasText: 'Compté ! 5 réponse(s) reçue(s).' }).waitFor({ timeout: 30_000 });
    // The first code comes back: read, and refused as already counted.
    await app.page.getByTestId('scan-status').filter({ hasText: 'Pas compté : déjà compté.' }).waitFor({ timeout: 15_000 });
    assert.match(await answerCount(app), /^5 réponse/);
    // Read by the app's own reader (no BarcodeDetector here), fetched only now.
    const fetched = app.guard.requests.filter((r) => r.type !== 'service worker').map((r) => new URL(r.url).pathname);
    for (const file of ['/classe/qr/scan.js', '/classe/qr/worker.js', '/classe/qr/amarre_qr_reader_bg.wasm']) {
      assert.ok(fetched.includes(file), `${file} was fetched (${fetched.filter((f) => f.includes('/qr/')).join(', ')})`);
    }
    assert.equal(await app.page.evaluate(() => 'BarcodeDetector' in window), false);
    await app.page.getByTestId('report').waitFor();
    await app.assertAccessible('scanning');

    // Five pooled at once: stored as counts and fingerprints, never a code.
    const text = (await stored(app))['amarre.class.sessions'];
    const session = JSON.parse(text).sessions[0];
    assert.equal(session.answers, 5);
    assert.equal(session.seen.length, 5);
    for (const code of codes) assert.ok(!text.includes(code.replaceAll('-', '').slice(0, 8)), 'no code is stored');

    // Turning the camera off removes the picture and stops the camera.
    assert.equal(await app.page.getByTestId('scan').textContent(), 'Arrêter la caméra');
    await app.page.getByTestId('scan').click();
    assert.equal(await app.page.locator('video').count(), 0);

    // A refused camera is said, with what to do instead, and typing still works.
    await app.page.evaluate(() => {
      window.__cameraRefuses = true;
    });
    await app.page.getByTestId('scan').click();
    await app.page.getByTestId('scan-status').filter({ hasText: 'La caméra est refusée' }).waitFor();
    await app.page.getByTestId('codes').fill(codes[2]);
    await app.page.getByTestId('count-codes').click();
    await app.page.getByTestId('code-problem').filter({ hasText: 'déjà compté' }).waitFor();
  } finally {
    await app.finish();
  }
});

test('a class’s 1,000 codes pasted on one line with nothing between, one in ten damaged: each read or refused on its own', async () => {
  const fixture = JSON.parse(readFileSync(new URL('./data/pasted-codes.json', import.meta.url), 'utf8'));
  const app = await AppPage.open(env, { viewport: PHONE });
  try {
    await app.goto('/classe');
    await openSession(app, '1re, toute l’école', 'own');
    await app.page.getByTestId('codes').fill(fixture.pasted);
    await app.page.getByTestId('count-codes').click();
    await app.page.getByTestId('codes-summary').filter({ hasText: '900 code(s) compté(s), 100 non compté(s).' }).waitFor();
    assert.match(await answerCount(app), /^900 réponse/);
    // Every damaged one refused, with its number in the batch and its text.
    const problems = await app.page.getByTestId('code-problem').allTextContents();
    assert.equal(problems.length, 100);
    assert.deepEqual(
      problems.map((p) => p.match(/^Code \d+ \((.*)\) : /)?.[1]).join(''),
      fixture.damaged.join(''),
      'the refused texts are the damaged codes, in order',
    );
    // What is left in the box to correct is the damaged codes only.
    assert.equal((await app.page.getByTestId('codes').inputValue()).replaceAll('\n', ''), fixture.damaged.join(''));
    const session = JSON.parse((await stored(app))['amarre.class.sessions']).sessions[0];
    assert.equal(session.answers, 900);
  } finally {
    await app.finish();
  }
});
