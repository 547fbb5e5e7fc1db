// The strict CSP, for the three apps (the main app in dist/, the class
// survey in dist/classe/, the services app in dist/services/, the history
// in dist/historique/).
//
// As a trunk post-build hook (TRUNK_STAGING_DIR set): on release builds,
// first minifies wasm-bindgen's glue (minify-glue.mjs); then inlines the
// style sheet and starts the wasm after the first paint (first-paint.mjs);
// then puts the sha256 of each inline <script> of the staged index.html
// (trunk's wasm loader) into its CSP meta, replacing CSP_LOADER_HASH, and
// that of its <style> into style-src.
//
// As `node scripts/csp-hash.mjs --headers dist` (scripts/build, after all
// builds): writes the same policy as HTTP headers for static hosts, allowing
// exactly the three loaders: `_headers` (Netlify/Cloudflare style) and
// `csp-header.conf` (nginx `include`, see deploy/nginx.conf).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { minifyGlue } from './minify-glue.mjs';
import { firstPaint } from './first-paint.mjs';

// The CSP <meta>, with its attributes in either order (trunk's HTML
// minifier reorders them and drops quotes where it can).
const POLICY = /<meta(?=[^>]*http-equiv="?Content-Security-Policy)[^>]*content="([^"]+)"/;

// The folders of dist/ that hold an app's index.html (scripts/build).
const APPS = ['', 'famille', 'classe', 'classe/repondre', 'services', 'historique', 'coordination'];

function fail(message) {
  console.error(`csp-hash: ${message}`);
  process.exit(1);
}

function patchMeta(dir) {
  const file = join(dir, 'index.html');
  let html = readFileSync(file, 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (inline.length === 0) fail('no inline script found: has trunk changed how it loads the wasm?');
  const sha256 = (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
  const hashes = inline.map(sha256);
  const placeholders = html.split('CSP_LOADER_HASH').length - 1;
  if (placeholders !== 1) fail(`index.html must hold the placeholder exactly once, in the CSP (found ${placeholders})`);
  html = html.replace('CSP_LOADER_HASH', hashes.join(' '));
  // The page's own style sheet, inlined by first-paint.mjs.
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1]));
  if (styles.length) {
    if (html.split("style-src 'self'").length !== 2) fail("the CSP must hold « style-src 'self' » exactly once");
    html = html.replace("style-src 'self'", `style-src 'self' ${styles.join(' ')}`);
  }
  writeFileSync(file, html);
  console.log(`csp-hash: ${hashes.length} inline script(s), ${styles.length} style sheet(s) allowed: ${[...hashes, ...styles].join(' ')}`);
}

function writeHeaders(dist) {
  const pages = APPS.map((app) => join(dist, app, 'index.html')).filter(existsSync);
  const policies = pages.map((file) => readFileSync(file, 'utf8').match(POLICY)?.[1]);
  if (policies.length === 0 || policies.some((p) => !p)) fail(`no CSP meta in ${pages.join(', ')}`);
  // Same policy for every page, with every loader and every page's style
  // sheet; headers can also carry what a <meta> CSP cannot: frame-ancestors.
  const directive = (policy, name) => policy.split(';').map((d) => d.trim()).find((d) => d.split(' ')[0] === name) || '';
  const hashesOf = (name) => [...new Set(policies.flatMap((p) => directive(p, name).match(/'sha256-[^']+'/g) || []))];
  const hashes = hashesOf('script-src');
  const merged = policies[0]
    .split(';')
    .map((d) => d.trim())
    .map((d) => {
      const name = d.split(' ')[0];
      if (name !== 'script-src' && name !== 'style-src') return d;
      return [d.replace(/ 'sha256-[^']+'/g, ''), ...hashesOf(name)].join(' ');
    })
    .join('; ');
  const policy = `${merged}; frame-ancestors 'none'`;
  const security = {
    'Content-Security-Policy': policy,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The camera only for this origin's pages: the class survey's scanner.
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), interest-cohort=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  writeFileSync(join(dist, '_headers'), `/*\n${Object.entries(security).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`);
  writeFileSync(
    join(dist, 'csp-header.conf'),
    `# Written by scripts/csp-hash.mjs at build time; included by deploy/nginx.conf.\n` +
      Object.entries(security).map(([k, v]) => `add_header ${k} "${v}" always;`).join('\n') +
      '\n',
  );
  console.log(`csp-hash: headers allow ${hashes.length} loader(s)`);
}

if (process.argv[2] === '--headers') {
  writeHeaders(process.argv[3] || 'dist');
} else {
  const dir = process.env.TRUNK_STAGING_DIR || process.argv[2];
  if (!dir) fail('no TRUNK_STAGING_DIR and no directory given');
  if (process.env.TRUNK_PROFILE === 'release') {
    await minifyGlue(dir).catch((error) => fail(error.message));
  }
  try {
    firstPaint(dir);
  } catch (error) {
    fail(error.message);
  }
  patchMeta(dir);
}
