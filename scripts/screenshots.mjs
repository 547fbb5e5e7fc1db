// Takes screenshots of the built app, as a person would see it: each page
// at a phone width and a desktop width, in French and English, and at 200%
// zoom. Writes PNGs to target/screenshots/ (not committed).
//
//   node scripts/screenshots.mjs [path …]      (default: every route)
import { mkdirSync } from 'node:fs';
import { launch } from '../tests/e2e/support/browser.mjs';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/eleve', '/services', '/confidentialite'];
const out = 'target/screenshots';
mkdirSync(out, { recursive: true });
const env = await launch();
const shots = [
  { name: 'phone-fr', viewport: { width: 360, height: 740 }, locale: 'fr-BE', scale: 1 },
  { name: 'phone-en', viewport: { width: 360, height: 740 }, locale: 'en-GB', scale: 1 },
  { name: 'desktop-fr', viewport: { width: 1280, height: 800 }, locale: 'fr-BE', scale: 1 },
  // 200% zoom on a 1280px screen: the CSS viewport halves, pixels double.
  { name: 'zoom200-fr', viewport: { width: 640, height: 400 }, locale: 'fr-BE', scale: 2 },
];
for (const shot of shots) {
  const context = await env.browser.newContext({ viewport: shot.viewport, locale: shot.locale, deviceScaleFactor: shot.scale });
  const page = await context.newPage();
  for (const path of paths) {
    await page.goto(env.url + path);
    await page.locator('main#main').waitFor();
    await page.waitForLoadState('networkidle');
    if (process.env.OPEN_HELP) await page.getByTestId('help-summary').click();
    const file = `${out}/${shot.name}${path === '/' ? '-home' : path.replaceAll('/', '-')}.png`;
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await context.close();
}
await env.close();
