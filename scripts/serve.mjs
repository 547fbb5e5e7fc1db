// A small static server for the built app: serves dist/ on 127.0.0.1 with
// the security headers the build wrote (dist/_headers, the same policy as
// deploy/nginx.conf), gzip like production (nginx gzip_static), and
// the right page for every route (/eleve and /confidentialite have their
// own, prerendered; /classe/… is the class survey app; an address no app
// has gets 404.html with a 404). Used by
// `scripts/serve`, the end-to-end tests and the benchmark.
//
//   node scripts/serve.mjs [dist-dir] [port]     (port 0: any free port)
import { createServer } from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, normalize, extname, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** The headers of dist/_headers (`/*` block), as an object. */
function securityHeaders(dir) {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => /^\s+\S+:/.test(line))
      .map((line) => {
        const at = line.indexOf(':');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()];
      }),
  );
}

/** Starts serving `dir`; resolves to `{ url, close }`. */
export function startServer({ dir = 'dist', port = 8080, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`${root}/index.html is missing: build the app first (trunk build --release)`);
  }
  const headers = securityHeaders(root);
  const etags = new Map();
  const gzipped = new Map();
  const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.pack']);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const isFile = existsSync(file) && statSync(file).isFile();
    let status = 200;
    if (!isFile) {
      // A route of the app (no extension) gets the app; a missing asset is a 404.
      if (extname(path) !== '') {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
        return;
      }
      // The nearest page above the path: /classe/seance/x is the class
      // app, /eleve its own prerendered page. An address no app has gets
      // the 404 page, with a 404, as from nginx.
      const parts = path.split('/').filter(Boolean);
      file = undefined;
      for (let i = parts.length; i > 0 && !file; i--) {
        const candidate = normalize(join(root, ...parts.slice(0, i), 'index.html'));
        if (candidate.startsWith(root) && existsSync(candidate)) file = candidate;
      }
      if (!file && parts.length && existsSync(join(root, '404.html'))) {
        status = 404;
        file = join(root, '404.html');
      }
      file ??= join(root, 'index.html');
    }
    const ext = extname(file);
    const hashed = /-[0-9a-f]{15,16}(_bg)?\.[a-z]+$/.test(file);
    let body = readFileSync(file);
    const compress = COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] || '');
    if (compress) {
      if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
      body = gzipped.get(file);
    }
    // A validator, as nginx sends: a revisit asks « still this? » and gets
    // a 304 with no body when the file has not changed.
    if (!etags.has(file)) etags.set(file, `"${createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16)}"`);
    const etag = etags.get(file);
    const common = {
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      ...(compress ? { Vary: 'Accept-Encoding' } : {}),
      ...headers,
    };
    if (status === 200 && req.headers['if-none-match'] === etag) {
      res.writeHead(304, common).end();
      return;
    }
    res.writeHead(status, {
      'Content-Type': TYPES[ext] || 'application/octet-stream',
      ...common,
      ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolvePromise, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ dir, port: Number(port) });
  console.log(`Amarre is served at ${url}/  (Ctrl+C to stop)`);
}
