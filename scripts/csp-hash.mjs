// Trunk post-build hook: puts the sha256 of each inline <script> of the
// staged index.html (trunk's wasm loader) into the CSP meta, replacing
// CSP_LOADER_HASH, and writes the same policy as HTTP headers for static
// hosts: `_headers` (Netlify/Cloudflare style) and `csp-header.conf` (nginx
// `include`, see deploy/nginx.conf).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
if (!dir) {
  console.error('csp-hash: no TRUNK_STAGING_DIR and no directory given');
  process.exit(2);
}
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error('csp-hash: no inline script found: has trunk changed how it loads the wasm?');
  process.exit(1);
}
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const placeholders = html.split('CSP_LOADER_HASH').length - 1;
if (placeholders !== 1) {
  console.error(`csp-hash: index.html must hold the placeholder exactly once, in the CSP (found ${placeholders})`);
  process.exit(1);
}
html = html.replace('CSP_LOADER_HASH', hashes.join(' '));
writeFileSync(file, html);

const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
// Headers can carry what a <meta> CSP cannot: frame-ancestors.
const headerPolicy = `${policy}; frame-ancestors 'none'`;
const security = {
  'Content-Security-Policy': headerPolicy,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
writeFileSync(
  join(dir, '_headers'),
  `/*\n${Object.entries(security).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`,
);
writeFileSync(
  join(dir, 'csp-header.conf'),
  `# Written by scripts/csp-hash.mjs at build time; included by deploy/nginx.conf.\n` +
    Object.entries(security).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n') +
    '\n',
);
console.log(`csp-hash: ${hashes.length} inline script(s) allowed: ${hashes.join(' ')}`);
