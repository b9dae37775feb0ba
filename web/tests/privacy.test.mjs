// Privacy by construction: type canary answers, then prove that no request
// (URL, headers, body), cookie, storage entry, URL or host event carries
// them, and that every request is a same-origin GET of a static file.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launch, openPage, fixtureUrl, waitForScreen, answerAll, tabTo, inGuide } from './helpers.mjs';

// Values nobody else would send: typed the Belgian way and stored the JSON way.
const PROFILE = {
  statuut: 'werknemer', woonplaats: 'brussel', tewerkstellingspercentage: 93.5, 'uren-per-week': 36.25,
  diploma: 'geen-so', 'opleiding-in-databank': 'true', 'opleiding-uren': 1847, 'opleiding-startdatum': '2031-07-13',
};
const CANARIES = ['93,5', '93.5', '36,25', '36.25', '1847', '2031-07-13', '13-07-2031', '2031'];

// The only files the guide may fetch (the fixture page is the host page here).
const STATIC = new Set(['/fixture.html', '/fixture.js', '/fixture.css', '/favicon.svg', '/wegwijzer-guide.js',
  '/wegwijzer-guide.css', '/wegwijzer.mjs', '/wegwijzer.wasm', '/bundles/example.dsse.json', '/fallback.dsse.json']);

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

async function runCanaryFlow(extra = {}) {
  const { page, context, log } = await openPage(browser);
  const url = fixtureUrl(site, { bundle: 'bundles/example.dsse.json', 'ruleset-id': 'example', date: '2025-09-01', ...extra });
  await page.goto(url);
  await waitForScreen(page, 'question');
  const historyBefore = await page.evaluate(() => history.length);
  await answerAll(page, PROFILE);
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  const traces = await page.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
    idb: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    url: location.href,
    history: history.length,
    historyState: history.state,
    events: window.__events,
    workers: (await navigator.serviceWorker.getRegistrations()).length,
  }));
  return { page, context, log, url, historyBefore, traces, cookies: await context.cookies() };
}

function assertNoCanary(what, value) {
  const text = JSON.stringify(value);
  for (const c of CANARIES) assert.ok(!text.includes(c), `${what} contains the answer ${c}: ${text.slice(0, 300)}`);
}

test('answers never leave the page: requests, storage, cookies, URL, events', async () => {
  const r = await runCanaryFlow();
  // The results do show on screen (the canaries were really used).
  const shown = await (await inGuide(r.page, '.ww-results')).textContent();
  assert.match(shown, /Je hebt recht op/);

  assert.ok(r.log.requests.length >= 6, 'requests were recorded');
  for (const req of r.log.requests) {
    const u = new URL(req.url);
    assert.equal(`${u.protocol}//${u.host}/`, site.url, `same origin: ${req.url}`);
    assert.equal(req.method, 'GET', `only GET: ${req.url}`);
    assert.equal(req.body ?? null, null, `no request body: ${req.url}`);
    assert.ok(STATIC.has(u.pathname), `a static file of the guide: ${u.pathname}`);
    if (u.pathname !== '/fixture.html') assert.equal(u.search, '', `no query string: ${req.url}`);
  }
  assertNoCanary('a request', r.log.requests);

  assert.deepEqual(r.cookies, []);
  assert.equal(r.traces.cookie, '');
  assert.deepEqual(r.traces.local, { 'wegwijzer.minVersion.example': '1' }, 'only the accepted rules version');
  assert.deepEqual(r.traces.session, {});
  assert.deepEqual(r.traces.idb, []);
  assert.deepEqual(r.traces.caches, []);
  assert.equal(r.traces.workers, 0);
  assert.equal(r.traces.url, r.url, 'the URL does not change');
  // Each step is a history entry (so Back works), and an entry carries
  // only the session's mark and a step number: no answer, no URL change.
  assert.ok(r.traces.history > r.historyBefore, 'history entries for Back');
  assert.deepEqual(Object.keys(r.traces.historyState).sort(), ['step', 'wegwijzer']);
  assert.equal(typeof r.traces.historyState.step, 'number');
  assertNoCanary('the history', r.traces.historyState);

  // Without emit-results the events carry no personal data at all.
  const results = r.traces.events.filter((e) => e.type === 'wegwijzer-results');
  assert.equal(results.length, 1);
  assert.equal(results[0].detail, null);
  assertNoCanary('an event', r.traces.events);
  await r.context.close();
});

test('emit-results: the host gets results (ids, statuses, amounts), never the answers', async () => {
  const r = await runCanaryFlow({ 'emit-results': '' });
  const event = r.traces.events.find((e) => e.type === 'wegwijzer-results');
  assert.ok(event.detail, 'results are emitted');
  assert.deepEqual(Object.keys(event.detail).sort(), ['date', 'results', 'ruleset']);
  for (const res of event.detail.results) {
    assert.deepEqual(Object.keys(res).sort(), ['amounts', 'id', 'kind', 'status']);
  }
  const cheques = event.detail.results.find((res) => res.id === 'opleidingscheques');
  assert.equal(cheques.status, 'eligible');
  assert.equal(cheques.amounts['tussenkomst-overheid'], 250);
  assertNoCanary('an event', r.traces.events);
  assertNoCanary('a request', r.log.requests);
  await r.context.close();
});
