// Part of the post-build hook (csp-hash.mjs calls it first, so the two
// never write index.html at the same time), on release builds: trunk
// 0.21's own JS minifier cannot read wasm-bindgen's glue (`export default`)
// and leaves it whole, so this minifies it with terser (about 1.8 KiB less
// gzipped per app) and updates its `integrity` in the staged index.html,
// which must match the file or the browser refuses the preload. Then the
// wasm's imports get short names in it and in its glue
// (scripts/shorten-imports.mjs, about 5 KiB less gzipped per app), and the
// wasm's preload loses its `integrity`, which Chromium ignores on a fetch
// preload (with a warning in the console). The files keep their names, so the
// inline loader (and its CSP hash) is unchanged.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { shortenImports } from './shorten-imports.mjs';

/// Minifies every JS file staged in `dir`, shortens the wasm's imports and
/// fixes the integrity of each.
export async function minifyGlue(dir) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  const integrity = (name, bytes) => {
    const hash = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    const link = new RegExp(`(<link[^>]*href="?[^"\\s>]*/${name.replace(/[.]/g, '\\.')}"?[^>]*integrity=)"?sha384-[^"\\s>]+"?`);
    if (!link.test(html)) throw new Error(`no integrity for ${name} in index.html: has trunk changed its output?`);
    html = html.replace(link, `$1"${hash}"`);
  };
  const names = readdirSync(dir);
  for (const name of names.filter((n) => n.endsWith('.js'))) {
    const file = join(dir, name);
    const before = readFileSync(file, 'utf8');
    let { code } = await minify(before, { module: true, compress: true, mangle: true });
    const wasmName = name.replace(/\.js$/, '_bg.wasm');
    if (names.includes(wasmName)) {
      const wasmFile = join(dir, wasmName);
      const shortened = shortenImports(readFileSync(wasmFile), code);
      code = shortened.glue;
      writeFileSync(wasmFile, shortened.wasm);
      // The wasm's preload (`as=fetch`) gets no integrity: Chromium ignores
      // it there and says so in the console of every page.
      const preload = new RegExp(`(<link[^>]*href="?[^"\\s>]*/${wasmName.replace(/[.]/g, '\\.')}"?[^>]*?) integrity="?sha384-[^"\\s>]+"?`);
      if (!preload.test(html)) throw new Error(`no preload of ${wasmName} in index.html: has trunk changed its output?`);
      html = html.replace(preload, '$1');
      console.log(`minify-glue: ${wasmName}: ${shortened.renamed} imports renamed`);
    }
    writeFileSync(file, code);
    integrity(name, code);
    console.log(`minify-glue: ${name} ${before.length} → ${code.length} bytes`);
  }
  writeFileSync(page, html);
}
