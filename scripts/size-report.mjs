// Prints each asset of dist/ raw and gzipped (level 9, as a server would
// precompress), and the first load: index.html plus every asset it links,
// against the budget of 200 KiB gzipped. A report, not a test: it never fails.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dir = process.argv[2] || 'dist';
const BUDGET = 200 * 1024;
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const linked = new Set(
  [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]\/([^'"]+)['"]/g)].map((m) => m[1]),
);
linked.add('index.html');

const kib = (n) => (n / 1024).toFixed(1).padStart(7);
let rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  rows.push({ name, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, first: linked.has(name) });
}
console.log(`${'asset'.padEnd(44)} ${'raw KiB'.padStart(7)} ${'gz KiB'.padStart(7)}  first load`);
for (const r of rows) console.log(`${r.name.padEnd(44)} ${kib(r.raw)} ${kib(r.gz)}  ${r.first ? 'yes' : 'no'}`);
const first = rows.filter((r) => r.first);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
console.log(`${'all of dist/'.padEnd(44)} ${kib(sum(rows, 'raw'))} ${kib(sum(rows, 'gz'))}`);
console.log(`${'first load'.padEnd(44)} ${kib(sum(first, 'raw'))} ${kib(sum(first, 'gz'))}`);
const left = BUDGET - sum(first, 'gz');
console.log(`budget 200.0 KiB gzipped: ${left >= 0 ? `${kib(left).trim()} KiB left` : `OVER by ${kib(-left).trim()} KiB`}`);
