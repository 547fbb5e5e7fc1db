// Prints how long the directory checker takes to answer hostile or large
// files: a benchmark, never a test (figures depend on the machine, so
// nothing here fails). Each file must be answered, accepted or refused
// with a message, in well under a second.
//
//   node scripts/bench-checker.mjs [runs]
//
// The files, written to target/bench-checker/:
// - keys-50000.json: a directory whose top object has 50,000 keys it does
//   not know (refused: the first 200 problems, then how many more);
// - service-keys-50000.json: one service with 50,000 unknown fields;
// - nested-10000.json: 10,000 arrays nested in one another (refused at
//   depth 128);
// - communes-3000.json: 3,000 services in 3,000 distinct communes and
//   postal codes (accepted; the summary counts the communes, sorted as the
//   services page sorts them).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';

const runs = Number(process.argv[2] || 5);
const dir = 'target/bench-checker';
mkdirSync(dir, { recursive: true });

function service(n, extra = {}) {
  return {
    id: `service-${n}`,
    organization_id: 'org',
    name: `Service ${n}`,
    status: 'active',
    assured_date: '2026-11-01',
    attributes: [
      { taxonomy_term: { taxonomy: 'amarre:service_type', code: 'amo' } },
      { taxonomy_term: { taxonomy: 'amarre:postal_code', code: String(1000 + n) } },
      { taxonomy_term: { taxonomy: 'amarre:commune', code: `${n % 2 ? 'Écaussinnes' : 'Saint-Ghislain'} ${n}` } },
    ],
    ...extra,
  };
}
const organization = { id: 'org', name: 'Organisation fictive', description: 'Pour le banc d’essai.' };

const many = (count) => Object.fromEntries(Array.from({ length: count }, (_, n) => [`k${n}`, n]));
const files = {
  'keys-50000.json': JSON.stringify({ name: 'x', organizations: [organization], services: [], ...many(50_000) }),
  'service-keys-50000.json': JSON.stringify({ organizations: [organization], services: [service(0, many(50_000))] }),
  'nested-10000.json': `{"services": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
  'communes-3000.json': JSON.stringify({
    name: '3 000 communes',
    organizations: [organization],
    services: Array.from({ length: 3000 }, (_, n) => service(n)),
  }),
};

execFileSync('cargo', ['build', '--quiet', '--release', '--bin', 'amarre-check'], { stdio: 'inherit' });
const checker = 'target/release/amarre-check';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

console.log(`amarre-check, ${runs} runs each (load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`);
console.log(`${'file'.padEnd(26)} ${'size'.padStart(8)} ${'median'.padStart(9)} ${'worst'.padStart(9)}  answer`);
for (const [name, text] of Object.entries(files)) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const times = [];
  let answer = '';
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint();
    const run = spawnSync(checker, [path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const lines = run.stdout.trim().split('\n');
    answer = `exit ${run.status}, ${lines.length} line(s): ${lines[0].slice(0, 90)}${lines.length > 1 ? ` … ${lines.at(-1).slice(0, 60)}` : ''}`;
  }
  const kb = `${Math.round(statSync(path).size / 1024)} KB`;
  console.log(
    `${name.padEnd(26)} ${kb.padStart(8)} ${`${median(times).toFixed(1)} ms`.padStart(9)} ${`${Math.max(...times).toFixed(1)} ms`.padStart(9)}  ${answer}`,
  );
}
