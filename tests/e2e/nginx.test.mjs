// The shipped deploy/nginx.conf, run by Debian's own nginx (1.22 on Debian
// 12, what a school's server has) on a copy of the built dist/ with its .gz
// files, as scripts/release makes them. Only what a test machine needs is
// changed: the paths, the ports, a throwaway certificate. Every route of
// every app is loaded over HTTPS; a missing asset and an address no app has
// are 404s that no one caches; precompressed files say `Vary`; and every
// app mounts in Chromium under the headers nginx sends.
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './support/browser.mjs';
import { startServer } from '../../scripts/serve.mjs';

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const dist = resolve(process.env.AMARRE_DIST || 'dist');

let work;
let nginx;
let port;
let plainPort;

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address();
      server.close(() => done(free));
    });
  });
}

/** GET `path` over HTTPS; resolves to { status, headers, body }. */
function get(path, headers = {}) {
  return new Promise((done, fail) => {
    const req = request(
      { host: '127.0.0.1', port, path, headers, rejectUnauthorized: false },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', fail);
    req.end();
  });
}

/** Every file under `dir` whose name matches `pattern`. */
function files(dir, pattern) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'amarre-nginx-'));
  const root = join(work, 'dist');
  cpSync(dist, root, { recursive: true });
  // The .gz files scripts/release writes next to each text and wasm asset.
  const texts = files(root, /\.(html|js|wasm|css|svg|json)$/);
  execFileSync('gzip', ['-9', '-k', '-f', ...texts]);
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
    '-keyout', join(work, 'test.key'), '-out', join(work, 'test.crt'),
  ], { stdio: 'ignore' });
  port = await freePort();
  plainPort = await freePort();
  const shipped = readFileSync('deploy/nginx.conf', 'utf8');
  const site = shipped
    .replaceAll('/srv/amarre/dist', root)
    .replace('listen 443 ssl http2;', `listen 127.0.0.1:${port} ssl http2;`)
    .replace('listen 80;', `listen 127.0.0.1:${plainPort};`)
    .replace('/etc/ssl/amarre.crt', join(work, 'test.crt'))
    .replace('/etc/ssl/amarre.key', join(work, 'test.key'))
    .replace('/var/log/nginx/amarre-error.log', join(work, 'error.log'));
  for (const [from, what] of [['listen 443 ssl http2;', 'the HTTPS listen line'], ['listen 80;', 'the HTTP listen line']]) {
    assert.ok(shipped.includes(from), `deploy/nginx.conf has ${what} the test expects (${from})`);
  }
  writeFileSync(join(work, 'amarre.conf'), site);
  // The rest of what Debian's /etc/nginx/nginx.conf gives, in a folder of its own.
  const temp = (name) => `${name} ${join(work, name.replace('_path', ''))};`;
  writeFileSync(
    join(work, 'nginx.conf'),
    `pid ${join(work, 'nginx.pid')};\nerror_log ${join(work, 'main-error.log')};\nuser root;\n` +
      `events {}\nhttp {\n  ${['client_body_temp_path', 'proxy_temp_path', 'fastcgi_temp_path', 'uwsgi_temp_path', 'scgi_temp_path'].map(temp).join('\n  ')}\n` +
      `  include ${join(work, 'amarre.conf')};\n}\n`,
  );
  const check = spawn(NGINX, ['-t', '-c', join(work, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let said = '';
  check.stderr.on('data', (d) => {
    said += d;
  });
  const ok = await new Promise((done) => check.on('exit', (code) => done(code === 0)));
  assert.ok(ok, `nginx -t refuses the shipped config:\n${said}`);
  nginx = spawn(NGINX, ['-c', join(work, 'nginx.conf'), '-g', 'daemon off;'], { stdio: 'ignore' });
  for (let i = 0; i < 100; i += 1) {
    const up = await get('/').then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 50));
  }
});

after(() => {
  nginx?.kill();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The wasm each app's page loads. */
const APP_OF = [
  ['/', 'amarre-'],
  ['/eleve', 'amarre-'],
  ['/famille', 'amarre-famille-'],
  ['/famille/', 'amarre-famille-'],
  ['/classe', 'amarre-classe-'],
  ['/classe/', 'amarre-classe-'],
  ['/classe/seance/k7q2m9x3', 'amarre-classe-'],
  ['/classe/parents', 'amarre-classe-'],
  ['/classe/repondre', 'amarre-classe-eleve-'],
  ['/classe/repondre/', 'amarre-classe-eleve-'],
  ['/services/', 'amarre-services-'],
  ['/confidentialite', 'amarre-services-'],
  ['/coordination', 'amarre-coordination-'],
  ['/historique/', 'amarre-historique-'],
];

test('Debian’s nginx runs the shipped config and serves every route its app', async () => {
  const version = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim();
  assert.match(version, /^nginx version: nginx\/1\.\d+/);
  console.log(version);
  for (const [path, wasm] of APP_OF) {
    const page = await get(path);
    assert.equal(page.status, 200, `${path}: ${page.status}`);
    assert.match(page.headers['content-type'], /^text\/html/, path);
    assert.equal(page.headers['cache-control'], 'no-cache', `${path} is looked up again at every visit`);
    assert.match(page.headers['content-security-policy'] || '', /default-src 'none'/, `${path} has the CSP header`);
    const body = page.body.toString('utf8');
    const loads = body.match(/\/(amarre[-a-z]*-)[0-9a-f]{15,16}\.js/)?.[1];
    assert.equal(loads, wasm, `${path} is its app's page (loads ${loads})`);
  }
});

test('hashed assets are cached for a year, a missing one is a 404 that is not', async () => {
  const index = (await get('/classe/')).body.toString('utf8');
  const asset = index.match(/\/classe\/amarre-classe-[0-9a-f]{15,16}_bg\.wasm/)[0];
  const found = await get(asset);
  assert.equal(found.status, 200);
  assert.equal(found.headers['content-type'], 'application/wasm');
  assert.match(found.headers['cache-control'], /max-age=31536000, immutable/);
  const missing = await get(asset.replace(/[0-9a-f]{15,16}(?=_bg)/, '0123456789abcdef'));
  assert.equal(missing.status, 404);
  assert.doesNotMatch(missing.headers['cache-control'] || '', /immutable|max-age=31536000/, 'a 404 is never kept for a year');
});

test('addresses no app has are 404s, and the build’s header files are not served', async () => {
  for (const path of ['/classeX', '/famille-x', '/missing.js', '/eleve/x/y.png', '/_headers', '/csp-header.conf', '/classe/_headers']) {
    const response = await get(path);
    assert.equal(response.status, 404, `${path}: ${response.status}`);
    assert.doesNotMatch(response.headers['cache-control'] || '', /immutable/, path);
  }
  // The 404 is the young people's app, which says « Cette page n'existe pas ».
  assert.match((await get('/classeX')).body.toString('utf8'), /amarre-[0-9a-f]{15,16}\.js/);
});

test('precompressed files are served gzipped with Vary, the worker and the manifest as what they are', async () => {
  const page = await get('/services/', { 'Accept-Encoding': 'gzip' });
  assert.equal(page.headers['content-encoding'], 'gzip');
  assert.match(page.headers.vary || '', /Accept-Encoding/);
  const worker = await get('/sw.js');
  assert.equal(worker.status, 200);
  assert.equal(worker.headers['cache-control'], 'no-cache');
  assert.match(worker.headers['content-type'], /javascript/);
  const manifest = await get('/manifest.webmanifest');
  assert.equal(manifest.headers['content-type'], 'application/manifest+json');
  const reader = await get('/classe/qr/worker.js');
  assert.equal(reader.status, 200, 'the class survey’s QR reader is served');
  assert.match(reader.headers['permissions-policy'] || '', /camera=\(self\)/);
});

test('a revisit asks whether a page changed and gets a 304 with no body: nginx and the local server', async () => {
  const local = await startServer({ dir: process.env.AMARRE_DIST || 'dist', port: 0 });
  try {
    const viaLocal = (path, headers = {}) =>
      fetch(local.url + path, { headers }).then(async (r) => ({
        status: r.status,
        headers: Object.fromEntries(r.headers),
        body: Buffer.from(await r.arrayBuffer()),
      }));
    for (const [server, fetchFrom] of [['nginx', get], ['local', viaLocal]]) {
      for (const path of ['/', '/eleve', '/classe/', '/services/', '/sw.js']) {
        const first = await fetchFrom(path, { 'Accept-Encoding': 'gzip' });
        assert.equal(first.status, 200, `${server} ${path}`);
        const etag = first.headers.etag;
        assert.ok(etag, `${server} ${path} has an ETag`);
        const again = await fetchFrom(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
        assert.equal(again.status, 304, `${server} ${path}: unchanged, not sent again`);
        assert.equal(again.body.length, 0);
        const stale = await fetchFrom(path, { 'Accept-Encoding': 'gzip', 'If-None-Match': '"0000"' });
        assert.equal(stale.status, 200, `${server} ${path}: another version is sent whole`);
      }
    }
  } finally {
    await local.close();
  }
});

test('every app mounts in Chromium under the headers nginx sends', async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    // The throwaway certificate: without this flag Chromium refuses to
    // fetch the service worker's script over it, even with ignoreHTTPSErrors.
    args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, locale: 'fr-BE' });
    const page = await context.newPage();
    const problems = [];
    page.on('console', (m) => {
      // The 404 page says it is one: the only error expected.
      const expected = page.url().endsWith('/classeX') && /status of 404/.test(m.text());
      if (m.type() === 'error' && !expected) problems.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`${page.url()}: ${e.message}`));
    for (const path of ['/', '/eleve', '/famille', '/classe/', '/classe/repondre', '/services/', '/confidentialite', '/historique/', '/coordination', '/classeX']) {
      await page.goto(`https://127.0.0.1:${port}${path}`);
      // The app has replaced the prerendered first view.
      await page.waitForFunction(() => window.wasmBindings !== undefined);
      await page.locator('main#main h1').first().waitFor();
    }
    assert.equal(await page.locator('main h1').first().textContent(), "Cette page n'existe pas");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
