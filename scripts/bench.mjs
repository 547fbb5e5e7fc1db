// Prints speed figures for the budgets ("usable on a cheap phone in well
// under 2 seconds; no frame dropped while answering"). A report, never a
// test: figures vary with the machine, so nothing here fails.
//
// "Cheap phone": Chromium's CPU throttled 4× and a slow 4G link (1.6 Mbit/s
// down, 150 ms latency), on the built dist/ served on 127.0.0.1.
//   node scripts/bench.mjs [runs]
import { execFileSync } from 'node:child_process';
import { launch } from '../tests/e2e/support/browser.mjs';
import { bigDirectory } from '../tests/e2e/support/directory.mjs';

const runs = Number(process.argv[2] || 5);
const env = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function throttledPage() {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-BE' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  });
  return { context, page };
}

// 1. Load: from navigation to the home page's paths painted on screen (the
// later of the first contentful paint and the moment the paths are in the
// page, both on the page's own clock), and, for comparison, until the
// automation sees them visible (its polling adds up to a few hundred ms).
const loads = [];
const seen = [];
for (let i = 0; i < runs; i += 1) {
  const { context, page } = await throttledPage();
  await page.addInitScript(() => {
    const watch = new MutationObserver(() => {
      if (!window.__paths && document.querySelector('[data-testid=path-student]')) window.__paths = performance.now();
    });
    document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
  });
  const start = Date.now();
  await page.goto(`${env.url}/`);
  await page.getByTestId('path-student').waitFor();
  seen.push(Date.now() - start);
  loads.push(
    await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? performance.now();
      return Math.round(Math.max(paint, window.__paths));
    }),
  );
  await context.close();
}

// 2. Answering: frame times while choosing an answer and moving on, 15 times.
const { context, page } = await throttledPage();
await page.goto(`${env.url}/eleve`);
await page.getByTestId('start').click();
await page.getByTestId('question').waitFor();
await page.evaluate(() => {
  window.__frames = [];
  let last = performance.now();
  const tick = (now) => {
    window.__frames.push(now - last);
    last = now;
    window.__raf = requestAnimationFrame(tick);
  };
  window.__raf = requestAnimationFrame(tick);
});
const interactions = [];
for (let i = 0; i < 15; i += 1) {
  const radios = page.locator('.question input[type=radio]');
  const t0 = Date.now();
  await radios.nth(1).check();
  await page.getByTestId('next').click();
  await page.waitForFunction((n) => document.querySelector('.progress__label')?.textContent.includes(` ${n + 2} `), i);
  interactions.push(Date.now() - t0);
}
const frames = await page.evaluate(() => {
  cancelAnimationFrame(window.__raf);
  return window.__frames.slice(1);
});
await context.close();

// 3. The teacher's device: 1,000 pasted codes, from the press on "count"
// to the handler's end (decode, de-duplicate, count, save) and to the next
// painted frame. Unthrottled (a school laptop) and with the CPU 4× slower.
const codes = execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench_codes', '--', '--print'], {
  encoding: 'utf8',
}).trim();
const pasting = [];
for (const rate of [1, 4]) {
  for (let run = 0; run < 3; run += 1) {
    const teacher = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
    const tab = await teacher.newPage();
    const cdp = await teacher.newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await tab.goto(`${env.url}/classe`);
    await tab.getByTestId('session-name').fill('bench');
    await tab.locator('input[name=mode][value=own]').check();
    await tab.getByTestId('open-session').click();
    await tab.getByTestId('codes').fill(codes);
    const [handler, painted] = await tab.evaluate(
      () =>
        new Promise((done) => {
          const t0 = performance.now();
          document.querySelector('[data-testid=count-codes]').click();
          const t1 = performance.now();
          requestAnimationFrame(() => done([t1 - t0, performance.now() - t0]));
        }),
    );
    const summary = await tab.getByTestId('codes-summary').textContent();
    if (!summary.startsWith('1000 code(s) compté(s)')) throw new Error(`unexpected: ${summary}`);
    pasting.push({ rate, handler, painted });
    await teacher.close();
  }
}
// 4. The services page with 2,000 services: per keystroke in the search
// field, from the input event to the handler's end (filter, re-render the
// count and the first 30 cards) and to the next painted frame. Unthrottled
// and with the CPU 4× slower.
const directory = Buffer.from(bigDirectory(2000));
const typing = [];
for (const rate of [1, 4]) {
  const visitor = await env.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'fr-BE' });
  const tab = await visitor.newPage();
  const cdp = await visitor.newCDPSession(tab);
  await tab.goto(`${env.url}/services`);
  await tab.locator('[data-testid=coordinator] summary').click();
  await tab.getByTestId('directory-file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: directory });
  await tab.getByTestId('directory-loaded').waitFor();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  for (const text of ['sante', 'liege ecoute', 'orientation']) {
    await tab.getByTestId('filter-text').fill('');
    for (let end = 1; end <= text.length; end += 1) {
      const [handler, painted] = await tab.evaluate(
        (value) =>
          new Promise((done) => {
            const input = document.querySelector('[data-testid=filter-text]');
            const t0 = performance.now();
            input.value = value;
            input.dispatchEvent(new Event('input', { bubbles: true }));
            const t1 = performance.now();
            requestAnimationFrame(() => done([t1 - t0, performance.now() - t0]));
          }),
        text.slice(0, end),
      );
      typing.push({ rate, handler, painted });
    }
  }
  const count = await tab.getByTestId('services-count').textContent();
  if (!/ services sur 2000$/.test(count)) throw new Error(`unexpected: ${count}`);
  await visitor.close();
}
await env.close();

const long = frames.filter((f) => f > 50).length;
const dropped = frames.filter((f) => f > 16.7 * 1.5).length;
console.log(`cheap-phone profile: CPU 4× slower, 1.6 Mbit/s, 150 ms latency (${runs} loads)`);
console.log(`load until the home page's paths are painted: median ${median(loads)} ms, worst ${Math.max(...loads)} ms (seen visible by the automation: median ${median(seen)} ms)`);
console.log(`answer + next, 15 questions: median ${median(interactions)} ms, worst ${Math.max(...interactions)} ms`);
console.log(`frames while answering: ${frames.length}, over 25 ms: ${dropped}, over 50 ms: ${long}, longest ${Math.round(Math.max(...frames))} ms`);
for (const rate of [1, 4]) {
  const runsAt = pasting.filter((p) => p.rate === rate);
  const ms = (key) => `${median(runsAt.map((p) => p[key])).toFixed(1)} ms`;
  console.log(
    `1,000 pasted codes, CPU ${rate}×: handler (decode, count, save) median ${ms('handler')}, until the next frame ${ms('painted')} (3 runs)`,
  );
}
for (const rate of [1, 4]) {
  const at = typing.filter((t) => t.rate === rate);
  const ms = (key) => `median ${median(at.map((t) => t[key])).toFixed(1)} ms, worst ${Math.max(...at.map((t) => t[key])).toFixed(1)} ms`;
  console.log(
    `2,000 services, one keystroke in the search, CPU ${rate}×: input event handler ${ms('handler')}; filtered, counted and 30 cards painted by the next frame ${ms('painted')} (${at.length} keystrokes)`,
  );
}
