// Part of the post-build hook (scripts/csp-hash.mjs calls it, after the
// glue is minified): shortens what stands between a page and its first
// paint, now that each page holds its first view (src/prerender.rs).
//
// - The style sheet goes inside the page (`<style>`, allowed by its hash in
//   the CSP): the first paint waits for the HTML alone, not for a second
//   round trip. The file is removed, so nothing downloads it twice.
// - The wasm and the JS glue are fetched once the first view is painted,
//   together (their preloads are removed, and trunk's loader becomes one
//   that waits for the frame after the first, then fetches the wasm and
//   imports the glue at once): on a slow network their 192 KiB no longer
//   share the line with what the first paint needs, and the app is usable
//   as early, since the wasm, not the glue, is the longer wait.
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
  // The wasm's preload and the scripts' modulepreloads would start before
  // the first paint: they go, and the loader asks for all of them at once
  // after it.
  const preloads = [...html.matchAll(/<link\b[^>]*>/g)].map((m) => m[0]).filter((tag) => /\b(module)?preload\b/.test(tag));
  const scripts = preloads.filter((tag) => /\bmodulepreload\b/.test(tag)).map((tag) => tag.match(/href="?([^"\s>]+\.js)"?/)?.[1]);
  if (preloads.length !== scripts.length + 1 || scripts.some((href) => !href)) {
    throw new Error(`first-paint: ${page} does not preload one wasm and its scripts (${preloads.join(' ')})`);
  }
  for (const tag of preloads) html = html.replace(tag, '');
  // Trunk's loader: import the glue, init with the wasm, say it started.
  const loader = html.match(
    /<script type="?module"?>import init, \* as bindings from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+_bg\.wasm)' \}\);([\s\S]*?)<\/script>/,
  );
  if (!loader || loader[1] !== scripts[0]) throw new Error(`first-paint: trunk's loader in ${page} is not the one this script knows`);
  const [, glue, wasm, started] = loader;
  const after = scripts.slice(1).map((href) => `import('${href}');`).join('');
  html = html.replace(
    loader[0],
    () =>
      `<script type=module>await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));` +
      `const module_or_path = fetch('${wasm}');const glue = import('${glue}');${after}` +
      `const bindings = await glue;const wasm = await bindings.default({ module_or_path });${started}</script>`,
  );
  writeFileSync(page, html);
  console.log(`first-paint: ${basename(href)} inlined (${css.length} bytes), the wasm fetched after the first paint`);
}
