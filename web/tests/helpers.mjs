// Shared helpers of the widget's browser tests: a test site (a copy of dist/
// plus the fixture page and test bundles) served by scripts/serve.mjs on a
// free port, Debian's Chromium through playwright-core, and keyboard-only
// ways to answer the guide's questions.

import { spawn, execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testShadowRootHook } from './shadow-root-hook.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(REPO, 'dist');
export const CLI = path.join(REPO, 'build/release/cli/wegwijzer');
export const DEV_KEY = path.join(REPO, 'rules/keys/dev-only-private-key.pem');
const FIXTURES = path.join(REPO, 'web/tests/fixtures');

// A fixed clock for the page ("today" of the trust policy), so that the tests
// do not start failing when a demo bundle nears its expiry date.
export const TODAY = '2026-12-01';

if (!fs.existsSync(path.join(DIST, 'wegwijzer-guide.js'))) {
  throw new Error('dist/ is not built: run scripts/build-web.sh first');
}

// Replaces a file of a running site at once (a new name, then a rename): the
// server, or a guide polling it, never reads it half written.
export function replaceFile(file, text) {
  fs.writeFileSync(`${file}.new`, text);
  fs.renameSync(`${file}.new`, file);
}

export function tmpdir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `wegwijzer-${prefix}-`));
}

// What the guide stores for ruleset text it accepted: "VERSION:SHA256", the
// SHA-256 of the signed message (DSSE PAE, docs/bundle-format.md §3).
export function seenOf(rulesetText) {
  const type = 'application/vnd.wegwijzer.ruleset+json';
  const payload = Buffer.from(rulesetText, 'utf8');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
  return `${JSON.parse(rulesetText).version}:${crypto.createHash('sha256').update(pae).digest('hex')}`;
}

// The ruleset inside a bundle: {id, version, published, expires, text, seen}.
export function bundleInfo(bundleText) {
  const payload = Buffer.from(JSON.parse(bundleText).payload, 'base64').toString('utf8');
  const r = JSON.parse(payload);
  return { id: r.id, version: r.version, published: r.published, expires: r.expires, text: payload, seen: seenOf(payload) };
}

// The content-hashed names of the core's files and the built-in bundle (scripts/build-web.sh).
export const ASSETS = JSON.parse(fs.readFileSync(path.join(DIST, 'assets.json'), 'utf8'));
export const BUILT_IN = bundleInfo(fs.readFileSync(path.join(DIST, ASSETS.fallback), 'utf8'));

// Signs ruleset text with the native tool; returns the bundle text. With
// {stranger: true}, signs with a fresh key that no trust root knows.
export function sign(rulesetText, { stranger = false } = {}) {
  const dir = tmpdir('sign');
  try {
    let key = DEV_KEY;
    if (stranger) {
      key = path.join(dir, 'k.pem');
      execFileSync(CLI, ['keygen', '--private', key, '--public', path.join(dir, 'k.json'), '--owner', 'test: not trusted'],
        { stdio: 'pipe' });
    }
    fs.writeFileSync(path.join(dir, 'ruleset.json'), rulesetText);
    execFileSync(CLI, ['sign', '--key', key, path.join(dir, 'ruleset.json'), '-o', path.join(dir, 'b.json')],
      { stdio: 'pipe' });
    return fs.readFileSync(path.join(dir, 'b.json'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Signs any bytes as a ruleset bundle with the development key, as a key
// holder's own tool could: without the command's checks (which refuse, for
// instance, a ruleset over the limits on work). DSSE, as docs/bundle-format.md.
export function signUnchecked(payloadText) {
  const type = 'application/vnd.wegwijzer.ruleset+json';
  const payload = Buffer.from(payloadText, 'utf8');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} ${type} ${payload.length} `), payload]);
  const sig = crypto.sign(null, pae, crypto.createPrivateKey(fs.readFileSync(DEV_KEY)));
  const keyid = JSON.parse(fs.readFileSync(path.join(REPO, 'rules/keys/dev-only-trust-root.json'), 'utf8')).keys[0].keyid;
  return JSON.stringify({ payloadType: type, payload: payload.toString('base64'), signatures: [{ keyid, sig: sig.toString('base64') }] });
}

// The ruleset text with another version number (the first "version" member
// is the header's: rules-format.md puts it at the top).
export function withVersion(rulesetText, version) {
  return rulesetText.replace(/"version"\s*:\s*\d+/, `"version": ${version}`);
}

// The emulated mid-range phone of issue 13: 4x slower CPU, 1.6 Mbit/s down,
// 750 kbit/s up, 150 ms round trip. One definition for the tests and for
// bench/first-screen.mjs.
export const PHONE = {
  viewport: { width: 360, height: 740 },
  cpu: 4,
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};

// Slows `cdp` (a CDP session of one page) down to `profile` (PHONE, or one
// with network: null and cpu: 1 for an unthrottled desktop).
export async function emulate(cdp, profile) {
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

// Starts a test site: dist/ + the fixture page + extra files {relative path: text}.
export async function startSite(extra = {}) {
  const root = tmpdir('site');
  fs.cpSync(DIST, root, { recursive: true, preserveTimestamps: true });
  for (const f of fs.readdirSync(FIXTURES)) fs.copyFileSync(path.join(FIXTURES, f), path.join(root, f));
  for (const [rel, text] of Object.entries(extra)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  const server = spawn(process.execPath, [path.join(REPO, 'scripts/serve.mjs'), '--port', '0', '--root', root],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/[^/\s]+\/)/.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return {
    url,
    root,
    async stop() {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r() : server.on('exit', r)));
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

// Debian's Chromium; nothing may reach the network (only loopback resolves).
// {bfcache: true} keeps the back/forward cache on (Playwright turns it off).
export async function launch({ bfcache = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    ignoreDefaultArgs: bfcache ? ['--disable-back-forward-cache'] : [],
  });
}

// A new page in a fresh context (its own storage), with records of requests,
// console errors, page errors and CSP violations.
export async function openPage(browser, { width = 1280, height = 900, today = TODAY, storage = {} } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'nl-BE' });
  await context.addInitScript(testShadowRootHook); // the tests' own way into the closed root
  const page = await context.newPage();
  const log = { requests: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  // "Leave the page? Your answers are lost": recorded and accepted, so that a
  // test can navigate on (Playwright would otherwise dismiss it and stay).
  page.on('dialog', (d) => {
    log.dialogs.push(d.type());
    if (d.type() === 'beforeunload') d.accept(); else d.dismiss();
  });
  page.on('request', (r) => log.requests.push({
    url: r.url(), method: r.method(), headers: r.headers(), body: r.postData(), type: r.resourceType(),
  }));
  page.on('websocket', (ws) => log.requests.push({ url: ws.url(), method: 'WEBSOCKET' }));
  page.on('console', (m) => { if (m.type() === 'error') log.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => log.pageErrors.push(e.message));
  await page.addInitScript(([entries]) => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`), true);
    for (const [k, v] of Object.entries(entries)) {
      if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    }
  }, [storage]);
  if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  return { context, page, log };
}

export function fixtureUrl(site, params = {}) {
  return `${site.url}fixture.html?${new URLSearchParams(params)}`;
}

// An element inside a guide's closed shadow root (the first match of
// `selector` in the root of the guide `host` matches), once it is there: an
// ElementHandle to click, focus or read. `page` may be a frame.
export async function inGuide(page, selector, { host = 'wegwijzer-guide', timeout = 5000 } = {}) {
  const handle = await page.waitForFunction(([s, g]) => __testShadowRoot(document.querySelector(g))?.querySelector(s),
    [selector, host], { timeout });
  return handle.asElement();
}

// axe reads element.shadowRoot, which a closed root leaves null: axe would
// skip the guide. For the length of one axe run, every guide (in every frame)
// gets a test-only `shadowRoot` property that returns its real, closed root,
// so that axe checks the markup people get. Returns axe's result, plus
// `inGuide`: how many nodes axe checked inside a guide's root.
export async function axe(page, { tags, rules }) {
  const reveal = (on) => Promise.all(page.frames().map((f) => f.evaluate((show) => {
    for (const g of document.querySelectorAll('wegwijzer-guide')) {
      if (show) Object.defineProperty(g, 'shadowRoot', { configurable: true, get: () => __testShadowRoot(g) });
      else delete g.shadowRoot;
    }
  }, on).catch(() => {}))); // a frame that is going away
  let builder = new AxeBuilder({ page });
  if (tags) builder = builder.withTags(tags);
  if (rules) builder = builder.withRules(rules);
  await reveal(true);
  try {
    const result = await builder.analyze();
    // axe writes a node inside a shadow root as an array of selectors, host first.
    result.inGuide = [...result.passes, ...result.violations, ...result.incomplete]
      .flatMap((r) => r.nodes).filter((n) => n.target.some(Array.isArray)).length;
    return result;
  } finally {
    await reveal(false);
  }
}

// What the guide shows now.
export function state(page) {
  return page.evaluate(() => {
    const root = __testShadowRoot();
    const screen = root.querySelector('.ww-screen');
    const form = root.querySelector('form[data-question]');
    const active = root.activeElement;
    return {
      screen: screen.dataset.screen || 'loading',
      question: form ? form.dataset.question : null,
      type: form ? form.dataset.type : null,
      min: form && form.dataset.min !== undefined ? Number(form.dataset.min) : null,
      max: form && form.dataset.max !== undefined ? Number(form.dataset.max) : null,
      options: form ? [...form.querySelectorAll('input[type=radio]')].map((i) => i.value) : [],
      heading: (root.querySelector('.ww-heading') || {}).textContent || null,
      headingFocused: !!active && active.classList.contains('ww-heading'),
      active: active ? { tag: active.tagName, action: active.dataset.action || null, type: active.type || null } : null,
      notices: [...root.querySelectorAll('[data-notice]')].map((n) => ({ kind: n.dataset.notice, text: n.textContent })),
      footer: (root.querySelector('.ww-footer') || {}).textContent || null,
      live: root.querySelector('[data-live]').textContent,
      error: (root.querySelector('.ww-error-message') || {}).textContent || null,
      progress: (root.querySelector('.ww-progress') || {}).textContent || null,
    };
  });
}

export async function waitForScreen(page, screen, question) {
  await page.waitForFunction(([s, q]) => {
    const root = __testShadowRoot();
    const el = root && root.querySelector('.ww-screen');
    if (!el || el.dataset.screen !== s) return false;
    return !q || root.querySelector('form[data-question]')?.dataset.question === q;
  }, [screen, question], { timeout: 15000 });
}

// Returns after the page's next animation frame and the task after it: what
// the guide schedules for after a screen's paint (its history entry) is done.
export async function afterFrame(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}

// The live region's text, once the guide has set it (it does so on the next
// animation frame, so that a repeated message is spoken again).
export async function announced(page) {
  const handle = await page.waitForFunction(() => __testShadowRoot()
    .querySelector('[data-live]').textContent || false, null, { timeout: 5000 });
  return handle.jsonValue();
}

// Presses Tab until the guide's focused element matches, or fails.
export async function tabTo(page, matches, max = 40) {
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const active = await page.evaluate(() => {
      const a = __testShadowRoot().activeElement;
      return a ? { tag: a.tagName, action: a.dataset.action || null, type: a.type || null, question: a.dataset.question || null } : null;
    });
    if (active && matches(active)) return active;
  }
  throw new Error('tabTo: the element was not reached with Tab');
}

const isControl = (a) => a.tag === 'INPUT';

// Answers the question on screen with the keyboard only: Tab into the first
// control, arrows/space for radios, typing for inputs, Enter to continue.
export async function answer(page, s, value, locale = 'nl') {
  await tabTo(page, isControl);
  if (s.type === 'choice' || s.type === 'boolean') {
    const index = s.options.indexOf(String(value));
    if (index < 0) throw new Error(`${s.question}: no option ${value} in ${s.options}`);
    if (index === 0) await page.keyboard.press('Space');
    for (let i = 0; i < index; i += 1) await page.keyboard.press('ArrowDown');
    await tabTo(page, (a) => a.action === 'next');
    await page.keyboard.press('Enter');
  } else if (s.type === 'number') {
    await page.keyboard.type(locale === 'nl' ? String(value).replace('.', ',') : String(value));
    await page.keyboard.press('Enter');
  } else if (s.type === 'date') {
    const [y, m, d] = value.split('-');
    await page.keyboard.type(String(Number(d)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(String(Number(m)));
    await page.keyboard.press('Tab');
    await page.keyboard.type(y);
    await page.keyboard.press('Enter');
  } else {
    throw new Error(`unknown question type ${s.type}`);
  }
}

// "I don't know", by keyboard.
export async function dontKnow(page) {
  await tabTo(page, (a) => a.action === 'unknown');
  await page.keyboard.press('Enter');
}

// Waits until the guide shows another screen than the question `prev`.
export function nextScreen(page, prev) {
  return page.waitForFunction((asked) => {
    const root = __testShadowRoot();
    const f = root.querySelector('form[data-question]');
    return root.querySelector('.ww-screen').dataset.screen !== 'question' || (f && f.dataset.question !== asked);
  }, prev, { timeout: 5000 });
}

// Answers whatever the core asks from `profile` (id -> value, or "?" for
// "I don't know") until the check page. Checks that every question after the
// first gets the focus on its heading. Returns the ids asked, in order.
export async function answerAll(page, profile, locale = 'nl') {
  const asked = [];
  for (let step = 0; step < 40; step += 1) {
    const s = await state(page);
    if (s.screen === 'check') return asked;
    if (s.screen !== 'question') throw new Error(`unexpected screen ${s.screen}`);
    if (step > 0 && !s.headingFocused) throw new Error(`focus is not on the heading of ${s.question}`);
    if (!(s.question in profile)) throw new Error(`the guide asked "${s.question}", which the profile does not answer (asked so far: ${asked})`);
    asked.push(s.question);
    if (profile[s.question] === '?') await dontKnow(page);
    else await answer(page, s, profile[s.question], locale);
    await nextScreen(page, s.question).catch(async () => {
      throw new Error(`no new screen after answering ${s.question}: ${JSON.stringify(await state(page))}`);
    });
  }
  throw new Error('too many questions');
}

// The results as shown: group -> [{id, text}].
export function shownResults(page) {
  return page.evaluate(() => {
    const root = __testShadowRoot();
    const out = {};
    for (const g of root.querySelectorAll('[data-group]')) {
      out[g.dataset.group] = [...g.querySelectorAll('[data-result]')].map((r) => ({ id: r.dataset.result, text: r.textContent }));
    }
    return out;
  });
}

export const ids = (list) => (list || []).map((r) => r.id);

// Answers every question with a plausible value (first option, yes, the middle
// of the range, a date next year) until the check page: for rulesets whose
// exact questions a test does not fix (the real one, which its authors edit).
export async function answerAnything(page) {
  for (let step = 0; step < 60; step += 1) {
    const s = await state(page);
    if (s.screen !== 'question') return;
    const value = {
      choice: s.options[0], boolean: 'true', number: Math.round((s.min + s.max) / 2), date: '2027-01-15',
    }[s.type];
    await answer(page, s, value);
    await nextScreen(page, s.question);
  }
  throw new Error('too many questions');
}
