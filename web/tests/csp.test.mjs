// The guide works under the strict Content-Security-Policy that
// scripts/serve.mjs sends (script-src 'self' 'wasm-unsafe-eval', no inline
// script, no inline style but the pre-rendered first screen's, by its hash):
// no CSP violation, no console error, on the demo page through to the results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startSite, launch, openPage, waitForScreen, tabTo, answerAnything, inGuide, DIST, ASSETS } from './helpers.mjs';

// style-src also names, by hash, the one <style> of the pages' pre-rendered
// first screen (dist/csp.json, web/tools/prerender.mjs).
const STYLE_HASHES = JSON.parse(fs.readFileSync(path.join(DIST, 'csp.json'), 'utf8'))['style-src'];
const CSP = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${STYLE_HASHES.join(' ')}; img-src 'self' data:; `
  + "connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

test('the server sends the strict policy and the right MIME types', async () => {
  for (const [file, type] of [['index.html', 'text/html'], ['wegwijzer-guide.js', 'text/javascript'],
    [ASSETS.glue, 'text/javascript'], [ASSETS.wasm, 'application/wasm'],
    [ASSETS.fallback, 'application/json'], ['iframe.html', 'text/html']]) {
    const res = await fetch(`${site.url}${file}`);
    assert.equal(res.status, 200, file);
    assert.equal(res.headers.get('content-security-policy'), CSP, file);
    assert.ok(res.headers.get('content-type').startsWith(type), `${file}: ${res.headers.get('content-type')}`);
  }
  assert.equal((await fetch(`${site.url}..%2f..%2fetc/passwd`)).status, 404, 'no way out of dist/');
  assert.equal((await fetch(`${site.url}index.html`, { method: 'POST' })).status, 405);
});

test('dist/ has no inline script or style attribute, and no inline style but the first screen\'s, allowed by its hash', () => {
  assert.equal(STYLE_HASHES.length, 1, 'one stylesheet for the first screens of all pages');
  const prerendered = [];
  for (const f of fs.readdirSync(DIST).filter((n) => n.endsWith('.html'))) {
    let html = fs.readFileSync(path.join(DIST, f), 'utf8');
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${f}: inline script`);
    const first = /<template shadowrootmode="closed"><style>([^<]*)<\/style>/.exec(html);
    if (first) {
      assert.equal(sha256(first[1]), STYLE_HASHES[0], `${f}: the first screen's style has the hash in the CSP`);
      html = html.replace(first[0], '');
      prerendered.push(f);
    }
    assert.doesNotMatch(html, /<style/, `${f}: <style>`);
    assert.doesNotMatch(html, /\sstyle=/, `${f}: style attribute`);
    assert.doesNotMatch(html, /\son[a-z]+=/, `${f}: inline event handler`);
  }
  assert.deepEqual(prerendered.sort(), ['en.html', 'first-screen.en.html', 'first-screen.nl.html', 'index.html'],
    'the article pages bring their first screen; the snippets for host pages hold it');
});

test('the demo page runs to a result under the policy without violations or console errors', async () => {
  const { page, context, log } = await openPage(browser);
  await page.goto(`${site.url}index.html`);
  await waitForScreen(page, 'question');
  // The policy is really enforced here: an injected inline script is refused
  // and reported (so an empty list below means something).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__inlineRan = true';
    document.head.append(s);
  });
  await page.waitForFunction(() => window.__csp.length > 0);
  assert.equal(await page.evaluate(() => window.__inlineRan), undefined);
  await page.evaluate(() => { window.__csp.length = 0; });
  assert.equal(log.consoleErrors.length, 1, 'the refused inline script, reported');
  log.consoleErrors.length = 0;

  await answerAnything(page);
  await waitForScreen(page, 'check');
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  // Stylesheet applied inside the shadow root (a file, allowed by style-src 'self').
  const color = await (await inGuide(page, '.ww-button--primary'))
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(color, 'rgb(0, 85, 204)');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  assert.deepEqual(log.consoleErrors, [], 'no console errors');
  assert.deepEqual(log.pageErrors, [], 'no page errors');
  await context.close();
});
