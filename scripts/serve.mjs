#!/usr/bin/env node
// A tiny static file server for dist/ (no dependencies), with the strict
// Content-Security-Policy the widget must work under, and the right MIME
// types (application/wasm lets the browser compile while downloading).
//
// Usage: node scripts/serve.mjs [--port 8080] [--host 127.0.0.1] [--root dist]
// --port 0 picks a free port. The first line on standard output is always
// "listening on http://HOST:PORT/" (tests read it).

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The files the build compresses, and so may have a .br and a .gz copy.
import { COMPRESSIBLE } from '../web/tools/compress.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(option('root', path.join(repo, 'dist')));
const host = option('host', '127.0.0.1');
const port = Number(option('port', process.env.PORT || 8080));

// Nothing weaker than this, ever (design.md §7; tests check the header).
// style-src also allows, by hash, the <style> of the pages' pre-rendered
// first screen (dist/csp.json, written by web/tools/prerender.mjs): one
// exact text, never inline style in general.
const hashes = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'csp.json'), 'utf8'))['style-src'] || [];
  } catch {
    return [];
  }
})();
if (!hashes.every((h) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(h))) {
  console.error(`serve.mjs: ${path.join(root, 'csp.json')}: style-src holds something other than sha256 hashes`);
  process.exit(2);
}
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src ${["'self'", ...hashes].join(' ')}; `
  + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";


const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

if (!fs.existsSync(root)) {
  console.error(`serve.mjs: ${root} does not exist; build it first: scripts/build-web.sh`);
  process.exit(2);
}

function send(res, status, headers, body) {
  res.writeHead(status, {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Always ask, except for names with a content hash (docs/serving.md).
    'Cache-Control': 'no-cache',
    ...headers,
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }, 'method not allowed\n');
  }
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    return send(res, 400, { 'Content-Type': 'text/plain' }, 'bad request\n');
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.resolve(root, `.${pathname}`);
  // Never outside dist/ (../, encoded or not), never a dot file.
  if (!file.startsWith(root + path.sep) || pathname.split('/').some((p) => p.startsWith('.'))) {
    return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found\n');
  }
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, { 'Content-Type': 'text/plain' }, 'not found\n');
    const type = TYPES[path.extname(file)] || 'application/octet-stream';
    // The build's brotli or gzip copy (web/tools/compress.mjs), when the
    // browser takes it: as a production server would (docs/serving.md).
    const encoding = pickEncoding(req.headers['accept-encoding'], file);
    const sent = encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file;
    const size = encoding ? fs.statSync(sent).size : stat.size;
    const headers = {
      'Content-Type': type,
      'Content-Length': size,
      'Last-Modified': stat.mtime.toUTCString(),
    };
    if (COMPRESSIBLE.has(path.extname(file))) headers.Vary = 'Accept-Encoding';
    if (encoding) headers['Content-Encoding'] = encoding;
    // A name with a content hash (scripts/build-web.sh) never changes its bytes.
    if (/\.[0-9a-f]{12}\.(mjs|wasm|dsse\.json)$/.test(pathname)) headers['Cache-Control'] = 'public, max-age=31536000, immutable';
    if (req.method === 'HEAD') return send(res, 200, headers);
    return fs.readFile(sent, (readErr, body) => {
      if (readErr) return send(res, 500, { 'Content-Type': 'text/plain' }, 'read error\n');
      return send(res, 200, headers, body);
    });
  });
});

// br before gzip; a coding the browser refuses (q=0) is never sent.
function pickEncoding(header, file) {
  if (!header || !COMPRESSIBLE.has(path.extname(file))) return null;
  const accepted = new Map(String(header).split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return [name, q ? Number(q.slice(2)) : 1];
  }));
  const takes = (name) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  if (takes('br') && fresh(`${file}.br`, file)) return 'br';
  if (takes('gzip') && fresh(`${file}.gz`, file)) return 'gzip';
  return null;
}

// A copy older than its file is stale (the file was replaced after the
// build, as the tests do): never sent.
function fresh(copy, file) {
  try {
    return fs.statSync(copy).mtimeMs >= fs.statSync(file).mtimeMs;
  } catch {
    return false;
  }
}

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`listening on http://${host}:${actual}/ (serving ${path.relative(process.cwd(), root) || '.'})`);
});

// Browsers keep connections open: close them, or close() would wait for them.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
