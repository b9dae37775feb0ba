// The kiosk (dist/kiosk.html, docs/kiosk.md): starts without a network from
// its service worker; newer signed rules are fetched at the interval the page
// sets, checked with the same policy, and used from the next session only;
// older rules are refused; an idle session warns ("Ben je er nog?"), can be
// continued, and is then wiped without a trace; the printed receipt has the
// rules' fingerprint, and the answers only when the person ticks the box.
// Short idle and refresh times come from the page's attributes.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  replaceFile, DIST, BUILT_IN, startSite, launch, openPage, waitForScreen, answerAll, tabTo, state, sign, withVersion, seenOf, inGuide, axe, ASSETS,
} from './helpers.mjs';

const KIOSK = fs.readFileSync(path.join(DIST, 'kiosk.html'), 'utf8');
const BUNDLE = `bundles/${BUILT_IN.id}.dsse.json`;
const CURRENT = fs.readFileSync(path.join(DIST, BUNDLE), 'utf8');
const V = BUILT_IN.version;

// The kiosk page with other settings (attributes), as a leerwinkel would set
// them; `contact`: {name, address, ...} as data-contact-* attributes.
function kioskPage({ idle = 600, warn = 30, refresh = 900, contact = {} } = {}) {
  const attrs = Object.entries(contact).map(([k, v]) => ` data-contact-${k}="${v}"`).join('');
  const out = KIOSK.replace('data-idle-seconds="120"', `data-idle-seconds="${idle}"${attrs}`)
    .replace('data-warn-seconds="30"', `data-warn-seconds="${warn}"`)
    .replace('refresh-seconds="900"', `refresh-seconds="${refresh}"`);
  assert.equal((out.match(/data-idle-seconds="\d+"|data-warn-seconds="\d+"|refresh-seconds="\d+"/g) || []).length, 3);
  return out;
}

// A private-sector employee; the two odd numbers are canaries.
const PERSON = {
  doel: 'alles',
  statuut: 'werknemer-prive', woonplaats: 'vlaanderen', tewerkstellingsplaats: 'vlaanderen',
  tewerkstellingspercentage: 93.5, 'tewerkstellingspercentage-maart': 93.5, 'uren-per-week': 36.25, diploma: 'so',
  'werkervaring-jaren': 12,
  'loopbaancheque-gebruikt': 'false', 'wil-loopbaan-onderbreken': 'false', 'opleiding-in-pop': 'false',
  'opleiding-in-databank': 'true', 'opleiding-vok': 'false', 'opleiding-uren': 60, 'opleiding-hoger-onderwijs': 'false',
  'opleiding-betaald-door-werkgever': 'false', 'opleiding-studiepunten': 0,
};
const CANARIES = ['93,5', '93.5', '36,25', '36.25'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const footer = (page) => page.evaluate(() => ({ ...document.querySelector('[data-kiosk="footer"]').dataset,
  text: document.querySelector('[data-kiosk="footer"]').textContent }));

async function kioskReady(page, version) {
  await page.waitForFunction((v) => {
    const f = document.querySelector('[data-kiosk="footer"]');
    return f && f.dataset.rulesVersion && (v === undefined || f.dataset.rulesVersion === String(v));
  }, version, { timeout: 15000 });
}

async function waitFor(page, fn, arg, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    if (await page.evaluate(fn, arg)) return;
    if (Date.now() > end) throw new Error(`waitFor: timed out: ${fn}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// The service worker controls the page and the accepted bundle is cached.
async function offlineReady(page) {
  await waitFor(page, async () => !!navigator.serviceWorker.controller
    && (await (await caches.open('wegwijzer-rules')).keys()).length === 1);
  await page.waitForFunction(() => document.querySelector('[data-kiosk="footer"]').dataset.offlineReady === 'true');
}

async function startSession(page, lang = 'nl') {
  await page.locator(`[data-start="${lang}"]`).click();
  await waitForScreen(page, 'question');
}

async function toResults(page) {
  await answerAll(page, PERSON);
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
}

// The kiosk of `site`, a session in Dutch, PERSON's results.
async function kioskResults(page, site) {
  await page.goto(`${site.url}kiosk.html`);
  await kioskReady(page, V);
  await startSession(page);
  await toResults(page);
}

// What `read` (run in the page) finds with the print styles on. Then the
// media is reset, not set to 'screen': page.pdf() would print that.
async function onPaper(page, read) {
  await page.emulateMedia({ media: 'print' });
  try {
    return await page.evaluate(read);
  } finally {
    await page.emulateMedia({ media: null });
  }
}

// Everything the page shows or holds in its DOM, the guide's shadow root
// included (input values too).
function pageText(page) {
  return page.evaluate(() => {
    const g = document.querySelector('wegwijzer-guide');
    const root = __testShadowRoot(g);
    const values = root ? [...root.querySelectorAll('input')].map((i) => `${i.value}|${i.checked}`) : [];
    return [document.documentElement.outerHTML, root ? root.innerHTML : '', values.join(' ')].join('\n');
  });
}

async function traces(page) {
  return page.evaluate(async () => {
    const cacheEntries = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const type = response.headers.get('content-type') || '';
        cacheEntries.push({ name, url: request.url, body: /wasm/.test(type) ? '' : await response.text() });
      }
    }
    return {
      local: Object.fromEntries(Object.entries(localStorage)),
      session: Object.fromEntries(Object.entries(sessionStorage)),
      cookie: document.cookie,
      idb: (await indexedDB.databases()).map((d) => d.name),
      cacheEntries,
      history: history.length,
    };
  });
}

function assertNoCanary(what, text) {
  for (const c of CANARIES) assert.ok(!text.includes(c), `${what} contains the answer ${c}`);
}

test('the kiosk starts and works with the network cut (service worker cache)', async () => {
  const site = await startSite({ 'kiosk.html': kioskPage() });
  const { page, context, log } = await openPage(browser);
  try {
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V);
    await offlineReady(page);
    // Cut the network: the browser is offline and the server is gone.
    await context.setOffline(true);
    await site.stop();
    await page.reload();
    await kioskReady(page, V);
    let f = await footer(page);
    assert.doesNotMatch(f.text, /ingebouwde regels/, 'the last accepted bundle, from the cache');
    assert.match(f.text, new RegExp(`versie ${V} van`));
    await page.waitForFunction(() => document.querySelector('[data-kiosk="footer"]').dataset.updateStatus);
    assert.ok(['offline', 'unreachable'].includes((await footer(page)).updateStatus));

    // A new tab, as after a restart of the PC: starts, and runs to a result.
    const second = await context.newPage();
    await second.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
    await second.goto(`${site.url}kiosk.html`);
    await kioskReady(second, V);
    await startSession(second);
    await toResults(second);
    const shown = await second.evaluate(() => __testShadowRoot()
      .querySelector('.ww-results').textContent);
    assert.match(shown, /Je hebt recht op/);
    f = await footer(second);
    assert.equal(f.offlineReady, 'true');
    assert.deepEqual(log.pageErrors, []);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation (worker registration included)');
  } finally {
    await context.close();
    await site.stop().catch(() => {});
  }
});

test('newer signed rules are fetched, and used from the next session, never during one', async () => {
  const site = await startSite({ 'kiosk.html': kioskPage({ refresh: 1 }) });
  const { page, context, log } = await openPage(browser);
  try {
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V);
    await offlineReady(page);
    await startSession(page);
    await answerAll(page, { doel: 'alles', statuut: 'werknemer-prive' }).catch(() => {}); // two answers given
    const during = await state(page);
    assert.match(during.progress, /2 vragen beantwoord/);

    replaceFile(path.join(site.root, BUNDLE), sign(withVersion(BUILT_IN.text, V + 1)));
    await page.waitForFunction(() => document.querySelector('[data-kiosk="footer"]').dataset.updateStatus === 'new',
      null, { timeout: 15000 });
    // Mid-session: still the old rules, the same question, the answer kept.
    const f = await footer(page);
    assert.equal(f.rulesVersion, String(V));
    assert.match(f.text, new RegExp(`nieuwe regels \\(versie ${V + 1}\\) klaar voor de volgende persoon`));
    const still = await state(page);
    assert.equal(still.question, during.question);
    assert.equal(still.progress, during.progress);
    assert.equal(await page.evaluate(() => localStorage.getItem(Object.keys(localStorage)[0])), BUILT_IN.seen,
      'the device has not switched yet');

    // The session ends ("Stoppen"): the next one has the new rules.
    await page.locator('.kiosk-header [data-action="stop"]').click();
    await kioskReady(page, V + 1);
    await page.waitForFunction(() => !document.querySelector('[data-kiosk="welcome"]').hidden);
    await startSession(page);
    assert.equal((await footer(page)).rulesVersion, String(V + 1));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), `wegwijzer.minVersion.${BUILT_IN.id}`),
      seenOf(withVersion(BUILT_IN.text, V + 1)));

    // Newer rules while nobody is in a session: used at once, without a reload.
    await page.locator('.kiosk-header [data-action="stop"]').click();
    await kioskReady(page, V + 1);
    await page.evaluate(() => { window.__sameDocument = true; });
    replaceFile(path.join(site.root, BUNDLE), sign(withVersion(BUILT_IN.text, V + 2)));
    await kioskReady(page, V + 2);
    assert.equal(await page.evaluate(() => window.__sameDocument), true);
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await site.stop();
  }
});

test('older rules are refused (rollback): the kiosk keeps the newer ones, also from its cache', async () => {
  const newer = sign(withVersion(BUILT_IN.text, V + 1));
  const site = await startSite({ 'kiosk.html': kioskPage({ refresh: 1 }), [BUNDLE]: newer });
  const { page, context } = await openPage(browser);
  try {
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V + 1);
    await offlineReady(page);
    replaceFile(path.join(site.root, BUNDLE), CURRENT); // version V again
    await page.waitForFunction(() => document.querySelector('[data-kiosk="footer"]').dataset.updateStatus === 'refused',
      null, { timeout: 15000 });
    assert.match((await footer(page)).text, /nieuwe regels geweigerd \(rollback\)/);
    await startSession(page);
    assert.equal((await footer(page)).rulesVersion, String(V + 1));
    await page.locator('.kiosk-header [data-action="stop"]').click();
    await kioskReady(page, V + 1);
    const cached = await page.evaluate(async (url) => (await (await caches.open('wegwijzer-rules')).match(url)).text(),
      `${site.url}${BUNDLE}`);
    assert.equal(cached, newer, 'the cache holds the accepted (newer) bundle, not the refused one');
  } finally {
    await context.close();
    await site.stop();
  }
});

test('idle: "Ben je er nog?", continue, then the session is wiped without a trace', async () => {
  const site = await startSite({ 'kiosk.html': kioskPage({ idle: 2, warn: 3 }) });
  const { page, context } = await openPage(browser);
  try {
    await page.goto(`${site.url}index.html`); // a page before the kiosk, to go back to
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V);
    const historyBefore = await page.evaluate(() => history.length);
    await startSession(page);
    await answerAll(page, PERSON);
    assert.ok((await pageText(page)).includes('93,5'), 'the answers are on the check page');

    // The warning: a modal dialog, the focus on "continue".
    const dialog = page.locator('dialog.kiosk-idle');
    await dialog.waitFor({ state: 'visible', timeout: 10000 });
    assert.equal(await dialog.getAttribute('role'), 'alertdialog');
    assert.match(await dialog.textContent(), /Ben je er nog\?.*Nog \d seconden?\./s);
    assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'continue');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    assert.ok((await pageText(page)).includes('93,5'), 'continued: the answers are still there');
    assert.equal((await state(page)).screen, 'check');

    // Nobody there: the warning again, then the wipe (a new document).
    await page.evaluate(() => { window.__oldDocument = true; });
    await dialog.waitFor({ state: 'visible', timeout: 10000 });
    await page.waitForFunction(() => !window.__oldDocument && document.querySelector('[data-kiosk="welcome"]')
      && !document.querySelector('[data-kiosk="welcome"]').hidden, null, { timeout: 15000 });
    await kioskReady(page, V);

    assertNoCanary('the page', await pageText(page));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl', 'the language is back to Dutch');
    const t = await traces(page);
    assert.deepEqual(t.local, { [`wegwijzer.minVersion.${BUILT_IN.id}`]: BUILT_IN.seen }, 'only the version counter');
    assert.deepEqual(t.session, {});
    assert.equal(t.cookie, '');
    assert.deepEqual(t.idb, []);
    assert.deepEqual(await context.cookies(), []);
    const allowed = new Set(['kiosk.html', 'kiosk.css', 'kiosk.js', 'favicon.svg', 'wegwijzer-guide.js',
      ASSETS.glue, ASSETS.wasm, ASSETS.fallback, BUNDLE].map((f) => `${site.url}${f}`));
    for (const e of t.cacheEntries) {
      assert.ok(allowed.has(e.url), `only code and the accepted bundle are cached: ${e.url}`);
      assertNoCanary(`the cached ${e.url}`, e.body);
    }
    assert.equal(t.cacheEntries.filter((e) => e.name === 'wegwijzer-rules').length, 1);
    assert.equal(t.history, historyBefore, 'no history entry');

    // Back shows the page before the kiosk; forward a fresh kiosk.
    await page.goBack();
    assert.match(page.url(), /index\.html$/);
    assertNoCanary('the previous page', await pageText(page));
    await page.goForward();
    await kioskReady(page, V);
    assertNoCanary('the kiosk after back and forward', await pageText(page));
    assert.equal(await page.locator('[data-kiosk="welcome"]').isVisible(), true);
  } finally {
    await context.close();
    await site.stop();
  }
});

test('leaving mid-session and coming back (back/forward cache on) shows no answers', async (t) => {
  const bfBrowser = await launch({ bfcache: true });
  const site = await startSite({ 'kiosk.html': kioskPage() });
  const { page, context } = await openPage(bfBrowser);
  const shows = [];
  page.on('console', (m) => { if (m.text().startsWith('pageshow')) shows.push(m.text()); });
  await page.addInitScript(() => window.addEventListener('pageshow', (e) => console.log(`pageshow persisted=${e.persisted}`)));
  try {
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V);
    await startSession(page);
    await answerAll(page, PERSON);
    assert.ok((await pageText(page)).includes('93,5'));
    await page.goto(`${site.url}index.html`);
    await page.goBack();
    await kioskReady(page, V);
    await page.waitForFunction(() => !document.querySelector('[data-kiosk="welcome"]').hidden);
    assertNoCanary('the kiosk after going back', await pageText(page));
    t.diagnostic(`pageshow events: ${shows.join(', ')}`);
  } finally {
    await context.close();
    await site.stop();
    await bfBrowser.close();
  }
});

test('the receipt: results, rules id, version, fingerprint and date; the answers only when ticked', async () => {
  const site = await startSite({ 'kiosk.html': kioskPage() });
  const { page, context, log } = await openPage(browser);
  try {
    await kioskResults(page, site);
    const fingerprint = crypto.createHash('sha256').update(fs.readFileSync(path.join(site.root, BUNDLE))).digest('hex');
    const short = fingerprint.slice(0, 16).match(/.{4}/g).join(' ');
    const printed = () => onPaper(page, () => document.body.innerText + __testShadowRoot().querySelector('.ww').innerText);
    let paper = await printed();
    // A title with the date, and where to go with questions: without a
    // leerwinkel's settings, the free 1700 line.
    assert.match(paper, /Wegwijzer opleidingsincentives – je resultaat van 1 december 2026\n/);
    assert.match(paper, /Vragen\? Bel gratis 1700\. Dat is de Vlaamse Infolijn\./);
    assert.match(paper, /Je hebt recht op/, 'the results');
    assert.match(paper, /Waarom/, 'with their reasons');
    assert.match(paper, /Zo vraag je het aan.*adres: https:\/\//s, 'how to apply, with the addresses');
    assert.ok(paper.includes(`Vingerafdruk: ${short}`), `the fingerprint ${short}`);
    assert.match(paper, new RegExp(`Regels: ${BUILT_IN.id}, versie ${V} van`));
    assert.match(paper, /Berekend voor 1 december 2026/);
    assert.doesNotMatch(paper, /Je antwoorden/);
    assertNoCanary('the receipt without the box ticked', paper);
    assert.doesNotMatch(paper, /Stoppen en alles wissen|Nagekeken om/, 'no kiosk chrome on paper');
    assert.equal((await footer(page)).fingerprint, fingerprint, 'the staff footer has the same fingerprint');

    await tabTo(page, (a) => a.action === 'answers-on-paper');
    await page.keyboard.press('Space');
    paper = await printed();
    assert.match(paper, /Je antwoorden/);
    assert.ok(paper.includes('93,5 procent'), 'the answers, when asked for');
    // (The box is not printed, so it lost the focus in the print view.)
    await (await inGuide(page, '[data-action="answers-on-paper"]')).focus();
    await page.keyboard.press('Space');
    paper = await printed();
    assertNoCanary('the receipt after unticking', paper);
    assert.doesNotMatch(paper, /Je antwoorden/);

    // "Klaar: alles wissen" on the results ends the session like "Stoppen".
    await page.evaluate(() => { window.__oldDocument = true; });
    await tabTo(page, (a) => a.action === 'restart');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !window.__oldDocument, null, { timeout: 15000 });
    await kioskReady(page, V);
    assertNoCanary('the kiosk after "Klaar"', await pageText(page));
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await site.stop();
  }
});

// The number of pages of a PDF (its page objects, not the page tree's /Pages).
function pdfPages(bytes) {
  return (Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
}

test('the receipt on paper: the leerwinkel\'s contact, and at most two A4 pages for an ordinary person', async (t) => {
  const contact = {
    name: 'Leerwinkel Gent', address: 'Kammerstraat 12, 9000 Gent', phone: '09 123 45 67',
    hours: 'ma-vr 9-12 u. en 13-16 u.', 'hours-en': 'Mon-Fri 9-12 and 13-16',
  };
  const site = await startSite({ 'kiosk.html': kioskPage({ contact }) });
  const { page, context, log } = await openPage(browser);
  try {
    await kioskResults(page, site);
    const paper = async () => (await onPaper(page, () => document.querySelector('[data-kiosk="paper"]').innerText))
      .split('\n').filter(Boolean);
    assert.deepEqual(await paper(), ['Wegwijzer opleidingsincentives – je resultaat van 1 december 2026',
      'Vragen? Leerwinkel Gent helpt je graag.',
      'Kammerstraat 12, 9000 Gent · tel. 09 123 45 67 · open: ma-vr 9-12 u. en 13-16 u.']);
    assert.equal(await page.locator('[data-kiosk="paper"]').isVisible(), false, 'on paper only');

    // Printing opens every folded part (conditions, cautions, sources) and
    // keeps it all; the layout makes it fit (guide.css, kiosk.css @media print).
    const closed = () => page.evaluate(() => [...__testShadowRoot().querySelectorAll('details')].filter((d) => !d.open).length);
    const before = await closed();
    assert.ok(before > 0);
    const pages = {};
    pages.nl = pdfPages(await page.pdf({ format: 'A4' }));
    assert.equal(await closed(), before, 'after printing the screen is as before');
    await tabTo(page, (a) => a.action === 'answers-on-paper');
    await page.keyboard.press('Space');
    pages['nl, with the answers'] = pdfPages(await page.pdf({ format: 'A4' }));
    await page.locator('[data-lang="en"]').click();
    await page.waitForFunction(() => /Your result/.test(__testShadowRoot().querySelector('.ww-heading').textContent));
    pages['en, with the answers'] = pdfPages(await page.pdf({ format: 'A4' }));
    assert.deepEqual(await paper(), ['Training incentives guide – your result of 1 December 2026',
      'Questions? Leerwinkel Gent is glad to help.',
      'Kammerstraat 12, 9000 Gent · phone 09 123 45 67 · open: Mon-Fri 9-12 and 13-16']);
    t.diagnostic(`A4 pages: ${JSON.stringify(pages)}`);
    for (const [what, n] of Object.entries(pages)) {
      assert.ok(n >= 1 && n <= 2, `${what}: ${n} A4 pages`);
    }

    // On paper a source shows once, by its name: the name must be the whole
    // address (host and path), or the printout would lose part of it.
    const sources = await page.evaluate(() => [...__testShadowRoot().querySelectorAll('.ww-sources li')].map((li) => ({
      name: li.firstChild.textContent, address: li.querySelector('.ww-address').textContent,
    })));
    assert.ok(sources.length > 5);
    for (const { name, address } of sources) {
      const url = /\((?:adres|address): (\S+)\)$/.exec(address)[1];
      assert.equal(url.replace(/^https:\/\/(www\.)?/, '').replace(/\/$/, ''), name, `the source ${url}`);
    }
    assert.deepEqual(log.pageErrors, []);
  } finally {
    await context.close();
    await site.stop();
  }
});

test('the language can be chosen on screen, also during a session (answers kept)', async () => {
  const site = await startSite({ 'kiosk.html': kioskPage() });
  const { page, context } = await openPage(browser);
  try {
    await page.goto(`${site.url}kiosk.html`);
    await kioskReady(page, V);
    await startSession(page, 'en');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.match((await state(page)).heading, /What do you want to know\?/i);
    assert.match((await footer(page)).text, new RegExp(`Rules ${BUILT_IN.id}, version ${V} of`));
    await answerAll(page, { doel: 'alles', statuut: 'werknemer-prive' }, 'en').catch(() => {});
    await page.locator('[data-lang="nl"]').click();
    const s = await state(page);
    assert.match(s.progress, /2 vragen beantwoord/);
    assert.equal(await page.locator('[data-lang="nl"]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.locator('.kiosk-header [data-action="stop"]').textContent(), /Stoppen en alles wissen/);
  } finally {
    await context.close();
    await site.stop();
  }
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SCREENS = {
  welcome: async () => {},
  question: (page) => startSession(page),
  'idle warning': async (page) => {
    await startSession(page);
    await page.locator('dialog.kiosk-idle').waitFor({ state: 'visible', timeout: 10000 });
  },
  results: async (page) => { await startSession(page); await toResults(page); },
};
for (const width of [1280, 320]) {
  for (const [name, steps] of Object.entries(SCREENS)) {
    test(`kiosk axe and touch targets: ${name} at ${width}px`, async () => {
      const site = await startSite({ 'kiosk.html': kioskPage({ idle: name === 'idle warning' ? 1 : 600 }) });
      const { page, context } = await openPage(browser, { width, height: 900 });
      try {
        await page.goto(`${site.url}kiosk.html`);
        await kioskReady(page, V);
        await steps(page);
        const result = await axe(page, { tags: TAGS });
        // On the welcome screen and behind the modal idle warning the guide is
        // hidden or inert: axe still reaches into its root, but checks few nodes.
        const least = name === 'welcome' || name === 'idle warning' ? 1 : 6;
        assert.ok(result.inGuide >= least, `axe checked the inside of the guide's closed root (helpers.axe): ${result.inGuide} nodes`);
        assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`), []);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1), false);
        // Touch: every button, radio tile and checkbox at least 44 x 44 px.
        const small = await page.evaluate(() => {
          const root = __testShadowRoot();
          const inDialog = document.querySelector('dialog[open]');
          const targets = inDialog ? [...inDialog.querySelectorAll('button')]
            : [...document.querySelectorAll('button'), ...root.querySelectorAll('button, .ww-radios__item, .ww-checkbox__input, summary')];
          return targets.filter((el) => el.getClientRects().length)
            .map((el) => ({ el: el.textContent.trim().slice(0, 30) || el.className, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.width < 44 || r.height < 44)
            .map(({ el, r }) => `${el}: ${Math.round(r.width)}x${Math.round(r.height)}`);
        });
        assert.deepEqual(small, []);
      } finally {
        await context.close();
        await site.stop();
      }
    });
  }
}
