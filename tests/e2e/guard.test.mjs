// The privacy guard must itself be able to fail: these tests make the page
// do what the app must never do and check that the guard reports it.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, DESKTOP } from './support/browser.mjs';
import { AppPage } from './support/app.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function findingsAfter(action) {
  const app = await AppPage.open(env, { viewport: DESKTOP });
  try {
    await app.goto('/');
    await app.page.evaluate(action);
    await app.page.waitForTimeout(300);
    return await app.guard.findings();
  } finally {
    await app.context.close();
  }
}

test('the guard fails on an image from another origin', async () => {
  const findings = await findingsAfter(() => {
    const img = document.createElement('img');
    img.src = 'http://127.0.0.2:9/pixel.png';
    img.alt = '';
    document.body.append(img);
  });
  assert.ok(
    findings.some((f) => f.includes('127.0.0.2') || f.includes('img-src')),
    `expected a finding about the foreign image, got ${JSON.stringify(findings)}`,
  );
});

test('the guard fails on a same-origin request after the load', async () => {
  const findings = await findingsAfter(() => fetch('/late.json').catch(() => {}));
  assert.ok(
    findings.some((f) => f.startsWith('request after the initial load') && f.includes('/late.json')),
    JSON.stringify(findings),
  );
});

test('the guard fails on a console error', async () => {
  const findings = await findingsAfter(() => console.error('boom'));
  assert.ok(findings.includes('console error: boom'), JSON.stringify(findings));
});
