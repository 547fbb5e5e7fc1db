// Prints, for each app (the main app in dist/, the class survey in
// dist/classe/, the services app in dist/services/), each asset raw and gzipped (level 9, as a server would
// precompress), and its first load: its index.html plus every asset it
// links, against the budget of 200 KiB gzipped. Each app is a page of its
// own, loaded on its own. A report, not a test: it never fails.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const BUDGET = 200 * 1024;
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

function report(dir, prefix, title) {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const linked = new Set(
    // Quoted or not: trunk's minifier drops the quotes it can.
    [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]?\/([^'"\s>]+)/g)].map((m) => m[1]),
  );
  linked.add(`${prefix}index.html`);
  const rows = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const raw = readFileSync(path);
    rows.push({ name: prefix + name, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, first: linked.has(prefix + name) });
  }
  console.log(`\n${title}`);
  console.log(`${'asset'.padEnd(44)} ${'raw KiB'.padStart(7)} ${'gz KiB'.padStart(7)}  first load`);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${kib(r.raw)} ${kib(r.gz)}  ${r.first ? 'yes' : 'no'}`);
  const first = rows.filter((r) => r.first);
  console.log(`${'first load'.padEnd(44)} ${kib(sum(first, 'raw'))} ${kib(sum(first, 'gz'))}`);
  const left = BUDGET - sum(first, 'gz');
  console.log(`budget 200.0 KiB gzipped: ${left >= 0 ? `${kib(left).trim()} KiB left` : `OVER by ${kib(-left).trim()} KiB`}`);
}

report(dist, '', 'Main app (/)');
if (existsSync(join(dist, 'classe', 'index.html'))) report(join(dist, 'classe'), 'classe/', 'Class climate survey (/classe/)');
if (existsSync(join(dist, 'services', 'index.html'))) report(join(dist, 'services'), 'services/', 'Services and privacy (/services/, /confidentialite/)');
