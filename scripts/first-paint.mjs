// Part of the post-build hook (scripts/csp-hash.mjs calls it, after the
// glue is minified): shortens what stands between a page and its first
// paint, now that each page holds its first view (src/prerender.rs).
//
// - The style sheet goes inside the page (`<style>`, allowed by its hash in
//   the CSP): the first paint waits for the HTML alone, not for a second
//   round trip. The file is removed, so nothing downloads it twice.
// - The wasm is fetched once the first view is painted (its preload is
//   removed and trunk's loader waits for the frame after the first one):
//   on a slow network its 187 KiB no longer share the line with what the
//   first paint needs, and it starts a few milliseconds later than before.
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
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\bpreload\b/.test(tag) && /_bg\.wasm/.test(tag));
  if (preloads.length !== 1) throw new Error(`first-paint: ${preloads.length} wasm preloads in ${page}, expected 1`);
  html = html.replace(preloads[0], '');
  const start = 'const wasm = await init(';
  if (html.split(start).length !== 2) throw new Error(`first-paint: trunk's loader in ${page} does not call « ${start} » once`);
  html = html.replace(start, `await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n${start}`);
  writeFileSync(page, html);
  console.log(`first-paint: ${basename(href)} inlined (${css.length} bytes), the wasm fetched after the first paint`);
}
