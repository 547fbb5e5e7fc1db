// Writes dist/sw.js (the service worker) with the list of every file the
// apps are made of and a version named after their contents, and copies
// public/ (the worker's registration, the manifest, the icon) into dist/.
// Run by scripts/build after the apps are built, before the headers.
//
//   node scripts/write-sw.mjs [dist]
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';

const dist = process.argv[2] || 'dist';
// Scripts are minified on the way (every byte is in each page's first load).
for (const name of readdirSync('public')) {
  if (name.endsWith('.js')) {
    const { code } = await minify(readFileSync(join('public', name), 'utf8'), { compress: true, mangle: true });
    writeFileSync(join(dist, name), code);
  } else {
    copyFileSync(join('public', name), join(dist, name));
  }
}

// Server configuration and the worker itself are not part of the apps.
const SKIP = new Set(['_headers', 'csp-header.conf', 'sw.js']);
// The list of places (dist/lieux/) is only for the services app: the worker
// keeps it when that app fetches it, it is not downloaded for everyone.
const SKIP_DIRS = new Set(['lieux', 'annuaire']);
function files(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return dir === dist && SKIP_DIRS.has(name) ? [] : files(path);
      return SKIP.has(name) || name.endsWith('.gz') ? [] : [path];
    })
    .sort();
}
const list = files(dist);
const hash = createHash('sha256');
for (const file of list) hash.update(file).update(readFileSync(file));
const version = hash.digest('hex').slice(0, 16);
const urls = list.map((file) => `/${relative(dist, file).split('\\').join('/')}`);
const worker = readFileSync('scripts/sw.js', 'utf8')
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__FILES__', JSON.stringify(urls, null, 2));
writeFileSync(join(dist, 'sw.js'), worker);
console.log(`write-sw: ${urls.length} files, version ${version}`);
