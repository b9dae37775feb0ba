// Compressed and cached like production (issue 13): the build writes brotli and gzip
// copies (web/tools/compress.mjs) and scripts/serve.mjs sends the one the
// browser accepts, with Content-Encoding, Vary and the original's type. In
// Chromium the guide's code and bundle arrive compressed.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startSite, launch, openPage, waitForScreen, DIST, ASSETS } from './helpers.mjs';

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

// A raw GET (fetch() would decompress and hide the headers' meaning).
function get(url, acceptEncoding) {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { 'Accept-Encoding': acceptEncoding };
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const CODE = [
  [ASSETS.wasm, 'application/wasm'],
  ['wegwijzer-guide.js', 'text/javascript'],
  [ASSETS.glue, 'text/javascript'],
  [ASSETS.fallback, 'application/json'],
];

test('each code file and the bundle come as brotli, gzip or plain, by Accept-Encoding, with the same bytes inside', async () => {
  for (const [file, type] of CODE) {
    const original = fs.readFileSync(path.join(DIST, file));
    const br = await get(`${site.url}${file}`, 'gzip, deflate, br');
    assert.equal(br.status, 200, file);
    assert.equal(br.headers['content-encoding'], 'br', file);
    assert.equal(br.headers.vary, 'Accept-Encoding', file);
    assert.ok(br.headers['content-type'].startsWith(type), `${file}: ${br.headers['content-type']}`);
    assert.equal(Number(br.headers['content-length']), br.body.length, file);
    assert.ok(br.body.length < original.length / 2, `${file}: brotli ${br.body.length} of ${original.length} bytes`);
    assert.ok(zlib.brotliDecompressSync(br.body).equals(original), `${file}: brotli copy differs`);

    const gz = await get(`${site.url}${file}`, 'gzip;q=1, br;q=0');
    assert.equal(gz.headers['content-encoding'], 'gzip', `${file}: br refused (q=0)`);
    assert.ok(zlib.gunzipSync(gz.body).equals(original), `${file}: gzip copy differs`);

    const plain = await get(`${site.url}${file}`);
    assert.equal(plain.headers['content-encoding'], undefined, file);
    assert.ok(plain.body.equals(original), file);
  }
});

test('a file replaced after the build is never answered with its stale compressed copy', async () => {
  const file = path.join(site.root, ASSETS.fallback);
  const before = fs.readFileSync(file);
  const changed = Buffer.from(`${before.toString('utf8')} `);
  fs.writeFileSync(file, changed);
  try {
    const res = await get(`${site.url}${ASSETS.fallback}`, 'br, gzip');
    assert.equal(res.headers['content-encoding'], undefined);
    assert.ok(res.body.equals(changed));
  } finally {
    fs.writeFileSync(file, before);
  }
});

test('in Chromium the guide\'s code and rules arrive compressed', async () => {
  const { page, context } = await openPage(browser, { width: 320, height: 640 });
  const encodings = new Map();
  page.on('response', async (res) => {
    const name = new URL(res.url()).pathname.split('/').pop();
    encodings.set(name, (await res.allHeaders())['content-encoding'] || 'none');
  });
  await page.goto(`${site.url}index.html`);
  await waitForScreen(page, 'question');
  for (const name of ['wegwijzer-guide.js', ASSETS.glue, ASSETS.wasm, 'opleidingsincentives.dsse.json']) {
    assert.equal(encodings.get(name), 'br', `${name}: ${encodings.get(name)}`);
  }
  await context.close();
});

test('the core and the built-in rules have content-hashed names and are cached for a year; the rest is asked for each time', async () => {
  for (const name of [ASSETS.glue, ASSETS.wasm, ASSETS.fallback]) {
    assert.match(name, /\.[0-9a-f]{12}\.(mjs|wasm|dsse\.json)$/, name);
    const res = await get(`${site.url}${name}`, 'br');
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', name);
  }
  for (const name of ['wegwijzer-guide.js', 'bundles/opleidingsincentives.dsse.json', 'index.html']) {
    const res = await get(`${site.url}${name}`, 'br');
    assert.equal(res.headers['cache-control'], 'no-cache', name);
  }
  // The names the guide uses are the files there are.
  const guide = fs.readFileSync(path.join(DIST, 'wegwijzer-guide.js'), 'utf8');
  for (const name of Object.values(ASSETS)) {
    assert.ok(guide.includes(name), `the guide names ${name}`);
    assert.ok(fs.existsSync(path.join(DIST, name)), name);
  }
});
