// Part of the post-build hook (scripts/csp-hash.mjs calls it, after the
// glue is minified): shortens what stands between a page and its first
// paint, now that each page holds its first view (src/prerender.rs). The
// style sheet goes inside the page (`<style>`, allowed by its hash in the
// CSP): the first paint waits for the HTML alone, not for a second round
// trip. The file is removed, so nothing downloads it twice.
//
// The wasm's preload is kept: its download starts as the HTML is read.
// Fetching it after the first paint instead (tried, docs/benchmarks.md)
// painted no sooner with DevTools' slow 4G and 4x CPU and made the app
// usable 0.6 s later. Only the start of the app waits for the first frame.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join, basename } from 'node:path';

export function firstPaint(dir) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  const sheets = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\bstylesheet\b/.test(tag));
  if (sheets.length !== 1) throw new Error(`first-paint: ${sheets.length} style sheets in ${page}, expected 1`);
  const href = sheets[0].match(/href="?([^"\s>]+\.css)"?/)?.[1];
  if (!href) throw new Error(`first-paint: no .css in ${sheets[0]}`);
  const file = join(dir, basename(href));
  const css = readFileSync(file, 'utf8');
  if (/<\/style/i.test(css)) throw new Error(`first-paint: ${file} holds </style`);
  html = html.replace(sheets[0], () => `<style>${css}</style>`);
  rmSync(file);
  // The app replaces the first view only after it has been painted: its
  // wasm downloads meanwhile (preloaded), but on a fast line it would
  // otherwise be mounted before the first frame, and the prerendered view
  // never seen.
  const start = 'const wasm = await init(';
  if (html.split(start).length !== 2) throw new Error(`first-paint: trunk's loader in ${page} does not call « ${start} » once`);
  html = html.replace(start, `await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n${start}`);
  writeFileSync(page, html);
  console.log(`first-paint: ${basename(href)} inlined (${css.length} bytes)`);
}
