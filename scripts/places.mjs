// Writes the list of real localities of Belgium and France, for the
// services app's « where are you » field (crates/amarre-core/src/places.rs
// reads it).
//
//   node scripts/places.mjs <out-file>            the file the app serves
//   node scripts/places.mjs <out-file> --compare  also prints the size of
//                                                 other encodings, for the
//                                                 record in data/places/README.md
//
// Sources (data/places/README.md says where each comes from and its
// licence): data/places/be-postal-codes.csv for Belgium, the npm package
// codes-postaux (exact version in package.json) for France.
//
// The format, UTF-8, one record a line, fields split by a tab:
//
//   amarre-places/1          header: the format and its version
//   @BE<TAB>BE-WLG           a section: the country and area (ISO 3166-2,
//                            empty when unknown) of the lines that follow
//   4000<TAB>Glain           a locality: postal code and name
//   <TAB>Liège               the same postal code as the line above
//
// Lines are sorted by country, then postal code, then name (byte order of
// UTF-8), each (country, code, name) once; a section line comes wherever
// the country or area changes. Sorting by code rather than by area lets
// the reader check the order in one pass and find a code by bisection;
// the few codes whose area differs from their neighbours' cost a section
// line each. The first locality after a section line always writes its
// code. Leaving out a repeated code is the one saving kept (about 13% of
// the gzipped size): writing codes as differences would save 7% more but
// make every line depend on the one before. The output depends only on the two sources: no date, no
// locale-dependent sort.

import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

const HEADER = 'amarre-places/1';

// Belgian provinces (and the Brussels-Capital Region) by postal-code range,
// as ISO 3166-2 codes. Ranges from the Chinese Wikipedia article
// « 比利时邮政编码 » (Postal codes in Belgium), its table « 各分拣区邮政编码 »
// (postal codes of each sorting area), read through a stored copy at
// https://wikiwand.com/zh/比利时邮政编码 ; the English article
// https://en.wikipedia.org/wiki/Postal_codes_in_Belgium has no table, only
// the rule that the first digit is the province except for 1xxx, 3xxx and
// 6xxx, and that 8000 (Bruges) is in West Flanders, which gives 8xxx.
// 9xxx is left without an area: the copy of the table we could read stops
// before its province, and no source we read says it.
// 57xx–59xx and 74xx are in no range of the table: no area either.
const BE_AREAS = [
  [1000, 1299, 'BE-BRU'], // 10xx-12xx Brussels-Capital Region
  [1300, 1499, 'BE-WBR'], // 13xx-14xx Walloon Brabant
  [1500, 1999, 'BE-VBR'], // 15xx-16xx, 17xx-19xx Flemish Brabant
  [2000, 2999, 'BE-VAN'], // 20xx-24xx, 25xx-29xx Antwerp
  [3000, 3499, 'BE-VBR'], // 30xx-34xx Flemish Brabant
  [3500, 3999, 'BE-VLI'], // 35xx-39xx Limburg
  [4000, 4999, 'BE-WLG'], // 40xx-44xx, 45xx-49xx Liège
  [5000, 5699, 'BE-WNA'], // 50xx-56xx Namur
  [6000, 6599, 'BE-WHT'], // 60xx-65xx Hainaut
  [6600, 6999, 'BE-WLX'], // 66xx-69xx Luxembourg
  [7000, 7399, 'BE-WHT'], // 70xx-73xx Hainaut
  [7500, 7999, 'BE-WHT'], // 75xx-79xx Hainaut
  [8000, 8999, 'BE-VWV'], // 8xxx West Flanders (English article)
];

function belgianArea(code) {
  const n = Number(code);
  const range = BE_AREAS.find(([from, to]) => n >= from && n <= to);
  return range ? range[2] : '';
}

// One CSV line of the Belgian file: fields split by commas, a field may be
// quoted ("La Hulpe"); the file has no comma or quote inside a field.
function csvFields(line) {
  return line.split(',').map((f) => f.replace(/^"(.*)"$/, '$1'));
}

function belgium() {
  const text = readFileSync(join(root, 'data/places/be-postal-codes.csv'), 'utf8');
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  if (lines[0].trim() !== 'postal_code,locality,longitude,latitude') {
    throw new Error('be-postal-codes.csv: unexpected header ' + lines[0]);
  }
  return lines.slice(1).map((line, i) => {
    const [code, name] = csvFields(line.trim());
    if (!/^[1-9][0-9]{3}$/.test(code) || !name) {
      throw new Error(`be-postal-codes.csv: line ${i + 2}: ${line}`);
    }
    return { country: 'BE', area: belgianArea(code), code, name: name.trim() };
  });
}

// The three cities divided into municipal arrondissements are listed by
// arrondissement (« Paris 11e Arrondissement », code 75111); a person
// says « 75011 Paris ». Every other name is the commune's name as INSEE
// writes it, with its accents.
const ARRONDISSEMENT = /^(Paris|Lyon|Marseille) [0-9]+(er|e) Arrondissement$/;

// The département of an INSEE commune code: 2 characters (01…95, 2A, 2B),
// 3 for the overseas départements (971…976).
function departement(codeCommune) {
  return codeCommune.startsWith('97') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
}

function france() {
  const entries = require('codes-postaux/codes-postaux.json');
  return entries.map((e) => {
    if (!/^[0-9]{5}$/.test(e.codePostal) || !/^([0-9]{2}|2A|2B)[0-9]{3}$/.test(e.codeCommune)) {
      throw new Error('codes-postaux: unexpected entry ' + JSON.stringify(e));
    }
    const city = ARRONDISSEMENT.exec(e.nomCommune);
    return {
      country: 'FR',
      area: 'FR-' + departement(e.codeCommune),
      code: e.codePostal,
      name: city ? city[1] : e.nomCommune.trim(),
    };
  });
}

// Byte order of UTF-8, the order Rust's `str` comparison uses.
function compareText(a, b) {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

function sortedUnique(places) {
  const seen = new Map();
  for (const p of places) {
    if (/[\t\n\r]/.test(p.name)) throw new Error('a name with a tab or line break: ' + p.name);
    const key = `${p.country}\t${p.code}\t${p.name}`;
    const before = seen.get(key);
    // The same code and name in two départements (a code that crosses a
    // border): kept once, with the smaller area, so the output is stable.
    if (!before || compareText(p.area, before.area) < 0) seen.set(key, p);
  }
  return [...seen.values()].sort(
    (a, b) => compareText(a.country, b.country) || compareText(a.code, b.code) || compareText(a.name, b.name),
  );
}

// The chosen encoding: a section line when the country or area changes,
// a code left out when it is the line above's.
function sections(places) {
  const out = [HEADER];
  let current = null;
  let code = null;
  for (const p of places) {
    const section = `@${p.country}\t${p.area}`;
    if (section !== current) {
      out.push(section);
      code = null;
    }
    current = section;
    out.push(`${p.code === code ? '' : p.code}\t${p.name}`);
    code = p.code;
  }
  return out.join('\n') + '\n';
}

// Other encodings, measured only (--compare).
function everyColumn(places) {
  return [HEADER, ...places.map((p) => `${p.country}\t${p.code}\t${p.name}\t${p.area}`)].join('\n') + '\n';
}

// Section lines, every code written.
function sectionsEveryCode(places) {
  const out = [HEADER];
  let current = null;
  for (const p of places) {
    const section = `@${p.country}\t${p.area}`;
    if (section !== current) out.push(section);
    current = section;
    out.push(`${p.code}\t${p.name}`);
  }
  return out.join('\n') + '\n';
}

function sizes(label, text) {
  const raw = Buffer.byteLength(text);
  const gz = gzipSync(text, { level: 9 }).length;
  const br = brotliCompressSync(text).length;
  console.log(`${label.padEnd(50)} ${raw} B raw, ${gz} B gzip -9, ${br} B brotli`);
}

const [out, flag] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/places.mjs <out-file> [--compare]');
  process.exit(2);
}
const places = sortedUnique([...belgium(), ...france()]);
const text = sections(places);
writeFileSync(out, text);
console.log(`${out}: ${places.length} localities`);
if (flag === '--compare') {
  sizes('every column on every line', everyColumn(places));
  sizes('section lines, every code', sectionsEveryCode(places));
  sizes('section lines, repeated codes left out (written)', text);
}
