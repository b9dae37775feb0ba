// Time to the first question: the demo page of dist/ in headless Chromium,
// from the start of the navigation to the guide's first question heading
// being visible (the wasm core fetched and compiled, the bundle fetched and
// verified, the first `evaluate`, the question rendered).
//
// Usage: node bench/ttfq.mjs OUT.json [--runs 7] [--page index.html]
// Prints "skipped: ..." and writes {skipped} when dist/index.html is missing.
// Each run uses a fresh browser context (empty HTTP cache, no storage).

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testShadowRootHook } from '../web/tests/shadow-root-hook.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const outPath = resolve(argv[0] ?? join(here, 'out/ttfq.json'));
const runs = Number(opt('runs', 7));
const pagePath = opt('page', 'index.html');
// The page's clock: the real one by default. `--today YYYY-MM-DD` fakes it
// (as the widget's tests do, for when the demo bundle has expired), but the
// fake clock also replaces `performance`, so then only the time seen from
// Node counts (navigation start to the poll that saw the heading).
const TODAY = opt('today', 'real');

function skip(reason) {
  console.log(`time to first question: skipped: ${reason}`);
  writeFileSync(outPath, JSON.stringify({ skipped: reason }));
  process.exit(0);
}

const dist = join(repo, 'dist');
if (!existsSync(join(dist, 'index.html'))) skip('no dist/');
if (!existsSync(join(repo, 'scripts/serve.mjs'))) skip('no scripts/serve.mjs');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) skip(`no ${chromiumPath}`);

// playwright-core: the root's if installed, else the bench's own.
let chromium;
for (const from of [join(repo, 'package.json'), join(here, 'package.json')]) {
  try {
    ({ chromium } = createRequire(from)('playwright-core'));
    break;
  } catch { /* next */ }
}
if (!chromium) skip('no playwright-core (npm ci --prefix bench)');

const server = spawn(process.execPath, [join(repo, 'scripts/serve.mjs'), '--port', '0', '--root', dist],
  { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolveUrl, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /listening on (http:\/\/[^/\s]+\/)/.exec(out);
    if (m) resolveUrl(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

const samples = [];
let error = null;
try {
  for (let k = 0; k < runs; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'nl-BE' });
    await context.addInitScript(testShadowRootHook); // the guide's root is closed
    const page = await context.newPage();
    if (TODAY !== 'real') await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
    const t0 = process.hrtime.bigint();
    await page.goto(base + pagePath, { waitUntil: 'commit' });
    // Polled on every animation frame; the page's own clock says when (ms since navigation start).
    const handle = await page.waitForFunction(() => {
      const root = __testShadowRoot();
      const screen = root && root.querySelector('.ww-screen');
      if (!screen || !['question', 'early-question'].includes(screen.dataset.screen)) return false;
      const h = root.querySelector('.ww-heading');
      if (!h || !h.textContent.trim()) return false;
      const r = h.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        atMs: performance.now(),
        domContentLoadedMs: nav ? nav.domContentLoadedEventEnd : null,
        question: root.querySelector('form[data-question]')?.dataset.question ?? null,
        heading: h.textContent.trim(),
        wasmBytes: performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm'))
          .reduce((n, e) => n + e.transferSize, 0),
      };
    }, null, { polling: 'raf', timeout: 30000 });
    const seen = await handle.jsonValue();
    const nodeMs = Number(process.hrtime.bigint() - t0) / 1e6;
    samples.push({ ...seen, nodeMs });
    await context.close();
  }
} catch (e) {
  error = String(e && e.message ? e.message : e).split('\n')[0];
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

if (error && samples.length === 0) {
  console.log(`time to first question: failed: ${error}`);
  writeFileSync(outPath, JSON.stringify({ skipped: `failed: ${error}` }));
  process.exit(0);
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const inPage = TODAY === 'real';
const at = (s) => (inPage ? s.atMs : s.nodeMs);
const result = {
  clock: inPage ? 'real (times from the page: performance.now at the first frame showing the heading)' : `fake ${TODAY} (times seen from Node)`,
  page: pagePath,
  runs: samples.length,
  firstMs: at(samples[0]),
  medianMs: median(samples.map(at)),
  minMs: sorted(samples.map(at))[0],
  medianNodeMs: median(samples.map((s) => s.nodeMs)),
  medianDomContentLoadedMs: median(samples.map((s) => s.domContentLoadedMs ?? NaN)),
  question: samples[0].question,
  heading: samples[0].heading,
  samples,
  error,
};
writeFileSync(outPath, JSON.stringify(result, null, 1));
console.log(`time to first question (${pagePath}, ${result.runs} runs, fresh context each): first ${result.firstMs.toFixed(0)} ms, `
  + `median ${result.medianMs.toFixed(0)} ms` + (inPage ? ` (DOMContentLoaded ${result.medianDomContentLoadedMs.toFixed(0)} ms)` : '') + ', '
  + `first question "${result.question}"`);
