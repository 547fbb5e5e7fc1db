// Prints, for each app (the young people's in dist/, the families' in
// dist/famille/, the class survey in dist/classe/, the services app in
// dist/services/, the history in dist/historique/), each asset raw and
// gzipped (level 9, as a server would precompress), and its first load: its
// index.html plus every asset it links, against the budget of 200 KiB
// gzipped. Each app is a page of its own, loaded on its own.
//
//   node scripts/size-report.mjs [dist]          the report
//   node scripts/size-report.mjs [dist] --check  the same, and exit 1 when
//                                                an app is over the budget
//                                                (scripts/test runs this)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = args.find((a) => !a.startsWith('--')) || 'dist';
const BUDGET = 200 * 1024;
const kib = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);

// `page` (relative to dist) is the page loaded first: the app's
// index.html, or another page of it with its own prerendered first view
// (eleve/index.html, 404.html, confidentialite/index.html).
function report(dir, prefix, title, page = `${prefix}index.html`) {
  const html = readFileSync(join(dist, page), 'utf8');
  const linked = new Set(
    // Quoted or not: trunk's minifier drops the quotes it can.
    [...html.matchAll(/(?:href|src|from|module_or_path:)\s*=?\s*['"]?\/([^'"\s>]+)/g)].map((m) => m[1]),
  );
  // A page whose wasm the report does not see would pass any budget.
  if (![...linked].some((name) => name.endsWith('_bg.wasm'))) {
    console.log(`\n${title}: no wasm linked from ${page}`);
    return [`${title}: the report finds no wasm linked from ${page} (has the loader changed?)`];
  }
  linked.add(page);
  const rows = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || (name.endsWith('.html') && prefix + name !== page)) continue;
    const raw = readFileSync(path);
    rows.push({ name: prefix + name, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, first: linked.has(prefix + name) });
  }
  if (!rows.some((r) => r.name === page)) {
    const raw = readFileSync(join(dist, page));
    rows.push({ name: page, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, first: true });
  }
  // What it links at the site's root (the service worker's registration,
  // the manifest) is part of its first load too.
  for (const name of [...linked].filter((n) => !rows.some((r) => r.name === n)).sort()) {
    const path = join(dist, name);
    if (!existsSync(path) || !statSync(path).isFile()) continue;
    const raw = readFileSync(path);
    rows.push({ name, raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, first: true });
  }
  console.log(`\n${title}`);
  console.log(`${'asset'.padEnd(44)} ${'raw KiB'.padStart(7)} ${'gz KiB'.padStart(7)}  first load`);
  for (const r of rows) console.log(`${r.name.padEnd(44)} ${kib(r.raw)} ${kib(r.gz)}  ${r.first ? 'yes' : 'no'}`);
  const first = rows.filter((r) => r.first);
  console.log(`${'first load'.padEnd(44)} ${kib(sum(first, 'raw'))} ${kib(sum(first, 'gz'))}`);
  const left = BUDGET - sum(first, 'gz');
  console.log(`budget 200.0 KiB gzipped: ${left >= 0 ? `${kib(left).trim()} KiB left` : `OVER by ${kib(-left).trim()} KiB`}`);
  return left >= 0 ? [] : [`${title}: ${kib(sum(first, 'gz')).trim()} KiB, over the 200.0 KiB budget`];
}

const over = [];
over.push(...report(dist, '', 'Young people (/)'));
// Pages of an app with a first view of their own, prerendered.
for (const [page, dir, title] of [
  ['eleve/index.html', '', 'Young people (/eleve)'],
  ['404.html', '', 'Young people, an address no app has (404.html)'],
  ['confidentialite/index.html', 'services', 'Privacy (/confidentialite/, the services app)'],
]) {
  if (existsSync(join(dist, page))) over.push(...report(join(dist, dir), dir && `${dir}/`, title, page));
  else if (check) over.push(`${title}: not built (${join(dist, page)} is missing)`);
}
for (const [dir, title] of [
  ['famille', 'Families (/famille/)'],
  ['classe', 'Class climate survey, the teacher (/classe/)'],
  ['classe/repondre', 'Class climate survey, a student\'s phone (/classe/repondre/)'],
  ['services', 'Services (/services/)'],
  ['historique', 'History (/historique/)'],
  ['coordination', 'For coordinators (/coordination/)'],
]) {
  if (existsSync(join(dist, dir, 'index.html'))) over.push(...report(join(dist, dir), `${dir}/`, title));
  else if (check) over.push(`${title}: not built (${join(dist, dir, 'index.html')} is missing)`);
}
// Every language but French, and French's easy-read texts: each app fetches all of its packs after its
// first view, the same files for everyone (src/shared/packs.rs).
const packs = join(dist, 'packs');
if (existsSync(packs)) {
  console.log('\nLanguage packs, fetched by each app after its first view (not a first load)');
  for (const name of readdirSync(packs).sort()) {
    const raw = readFileSync(join(packs, name));
    console.log(`${`packs/${name}`.padEnd(44)} ${kib(raw.length)} ${kib(gzipSync(raw, { level: 9 }).length)}`);
  }
} else if (check) over.push(`language packs: not built (${packs} is missing)`);
// The list of places, fetched by the services app alone after its first
// view (not precached for everyone).
const places = join(dist, 'lieux', 'places.txt');
if (existsSync(places)) {
  const raw = readFileSync(places);
  console.log('\nServices app, after its first view: the list of places (not a first load)');
  console.log(`${'lieux/places.txt'.padEnd(44)} ${kib(raw.length)} ${kib(gzipSync(raw, { level: 9 }).length)}`);
} else if (check) over.push(`the list of places: not built (${places} is missing)`);
// Fetched only when the teacher scans codes, never on a first load.
const scanner = join(dist, 'classe', 'qr');
if (existsSync(scanner)) {
  console.log('\nClass survey, when « Scanner les codes » is pressed (not a first load)');
  let total = 0;
  for (const name of readdirSync(scanner).sort()) {
    const raw = readFileSync(join(scanner, name));
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    console.log(`${`classe/qr/${name}`.padEnd(44)} ${kib(raw.length)} ${kib(gz)}`);
  }
  console.log(`${'when scanning'.padEnd(44)} ${''.padStart(7)} ${kib(total)}`);
}
if (check && over.length > 0) {
  console.error(`\nThe first-load budget is not held:\n${over.map((o) => `  ${o}`).join('\n')}`);
  process.exitCode = 1;
}
