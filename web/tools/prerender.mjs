#!/usr/bin/env node
// The guide's first screen in the page's HTML (issue 13), so that the first
// question paints with the page, before any script has loaded.
//
// For each PAGE.html of DIST (built, minified): opens it in headless Chromium
// with the core held back (its files are never answered), takes the guide's
// first screen as the guide itself renders it, and writes it into the page as
// a closed declarative shadow root of the first <wegwijzer-guide>:
//
//   <wegwijzer-guide ...><template shadowrootmode="closed">
//     <style>the guide's stylesheet</style>
//     <div class="ww" hidden>the first screen</div>
//     <slot class="ww-noscript"></slot>
//   </template>the page's text for a person without JavaScript</wegwijzer-guide>
//
// The guide takes the root over when its script runs (web/src/first-screen.js,
// takePrerendered) and keeps a choice made on it. Without JavaScript the
// stylesheet hides the form, which could do nothing, and shows the slot: the
// page's own text (web/tools/first-screen.mjs). The page's script loses
// blocking="render": there is nothing left to wait for.
//
// The <style> needs its hash in the page's CSP (style-src): written to
// DIST/csp.json as {"style-src": ["'sha256-…'"]}; scripts/serve.mjs sends it,
// docs/serving.md says how a production server does.
//
// For a host page that embeds the guide: the same <template> in
// DIST/first-screen.LANG.html, to put as the first thing inside its
// <wegwijzer-guide> (web/README.md, "The first screen, fast").
//
// A page whose guide shows no question before the core (a ruleset whose first
// question is not a choice or yes/no one) is left as it is.
//
// Usage: node web/tools/prerender.mjs DIST PAGE.html...   (Chromium: /usr/bin/chromium or $CHROMIUM)

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { guideCss } from './guide-css.mjs';

const [dist, ...pages] = process.argv.slice(2);
if (!dist || pages.length === 0) {
  console.error('usage: prerender.mjs DIST PAGE.html...');
  process.exit(2);
}
const css = guideCss(new URL('../src/guide.css', import.meta.url).pathname);
if (/<\/style/i.test(css)) throw new Error('guide.css: "</style" cannot go into a <style> element');
const hash = `'sha256-${crypto.createHash('sha256').update(css, 'utf8').digest('base64')}'`;
const assets = JSON.parse(fs.readFileSync(path.join(dist, 'assets.json'), 'utf8'));
const held = new Set([assets.glue, assets.wasm, assets.fallback]);
const ORIGIN = 'http://prerender.invalid/';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };

// The build's own way into the guide's closed shadow root (nothing shipped
// has it): keeps the root the guide attaches.
function keepShadowRoot() {
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    window.__prerenderRoot = attach.call(this, init);
    return window.__prerenderRoot;
  };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
let written = 0;
try {
  for (const file of pages) {
    const name = path.relative(dist, file);
    const html = fs.readFileSync(file, 'utf8');
    const open = /<wegwijzer-guide\b[^>]*>/.exec(html);
    if (!open) throw new Error(`${file}: no <wegwijzer-guide>`);
    if (/<template shadowrootmode/.test(html)) throw new Error(`${file}: already has a pre-rendered first screen`);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: true });
    await context.addInitScript(keepShadowRoot);
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== new URL(ORIGIN).origin) return route.abort();
      const rel = decodeURIComponent(url.pathname.slice(1));
      if (held.has(rel) || rel.startsWith('bundles/')) return undefined; // the core never comes
      const target = path.resolve(dist, rel);
      if (!target.startsWith(path.resolve(dist) + path.sep) || !fs.existsSync(target)) return route.fulfill({ status: 404 });
      return route.fulfill({ status: 200, contentType: TYPES[path.extname(target)] || 'application/octet-stream', body: fs.readFileSync(target) });
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(ORIGIN + name, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => ['early-question', 'loading'].includes(window.__prerenderRoot?.querySelector('.ww-screen')?.dataset.screen),
      null, { timeout: 20000 });
    const screen = await page.evaluate(() => {
      const root = window.__prerenderRoot;
      if (root.querySelector('.ww-screen').dataset.screen !== 'early-question') return null;
      const ww = root.querySelector('.ww').cloneNode(true);
      ww.setAttribute('hidden', '');
      return ww.outerHTML;
    });
    await context.close();
    if (errors.length) throw new Error(`${file}: ${errors.join('; ')}`);
    if (!screen) {
      console.log(`${name}: no first question before the core; left as it is`);
      continue;
    }
    const template = `<template shadowrootmode="closed"><style>${css}</style>${screen}<slot class="ww-noscript"></slot></template>`;
    const lang = (/<html[^>]*\blang="([a-z]+)/.exec(html) || [])[1] || 'nl';
    fs.writeFileSync(path.join(dist, `first-screen.${lang}.html`), `${template}\n`);
    const at = open.index + open[0].length;
    // The core's files start downloading with the page, not after the
    // guide's script has come and run (the first question no longer waits
    // for that script; the answers do wait for the core). The glue as the
    // module it is; the wasm as the fetch the guide makes (same-origin
    // credentials, hence crossorigin).
    const preloads = `<link rel="modulepreload" href="${assets.glue}">\n  `
      + `<link rel="preload" href="${assets.wasm}" as="fetch" type="application/wasm" crossorigin>\n  `;
    const out = (html.slice(0, at) + template + html.slice(at))
      .replace(/(<script\b[^>]*\bsrc="[^"]*wegwijzer-guide\.js"[^>]*?)\s+blocking="render"/, '$1')
      .replace(/<script\b[^>]*\bsrc="[^"]*wegwijzer-guide\.js"/, (tag) => preloads + tag);
    fs.writeFileSync(file, out);
    written += 1;
    console.log(`${name}: first screen written (${screen.length} + ${css.length} bytes)`);
  }
} finally {
  await browser.close();
}
if (written > 0) fs.writeFileSync(path.join(dist, 'csp.json'), `${JSON.stringify({ 'style-src': [hash] })}\n`);
