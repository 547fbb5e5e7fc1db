// Part of the post-build hook (csp-hash.mjs calls it first, so the two
// never write index.html at the same time), on release builds: trunk
// 0.21's own JS minifier cannot read wasm-bindgen's glue (`export default`)
// and leaves it whole, so this minifies it with terser (about 1.8 KiB less
// gzipped per app) and updates its `integrity` in the staged index.html,
// which must match the file or the browser refuses the preload. The file
// keeps its name, so the inline loader (and its CSP hash) is unchanged.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

/// Minifies every JS file staged in `dir` and fixes its integrity.
export async function minifyGlue(dir) {
  const page = join(dir, 'index.html');
  let html = readFileSync(page, 'utf8');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    const file = join(dir, name);
    const before = readFileSync(file, 'utf8');
    const { code } = await minify(before, { module: true, compress: true, mangle: true });
    writeFileSync(file, code);
    const integrity = `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
    const link = new RegExp(`(<link[^>]*href="?[^"\\s>]*/${name.replace(/[.]/g, '\\.')}"?[^>]*integrity=)"?sha384-[^"\\s>]+"?`);
    if (!link.test(html)) throw new Error(`no integrity for ${name} in index.html: has trunk changed its output?`);
    html = html.replace(link, `$1"${integrity}"`);
    console.log(`minify-glue: ${name} ${before.length} → ${code.length} bytes`);
  }
  writeFileSync(page, html);
}
