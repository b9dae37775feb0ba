// Privacy by construction: type canary answers, then prove that no request
// (URL, headers, body), cookie, storage entry, URL or host event carries
// them, and that every request is a same-origin GET of a static file.
// Then the host page itself: with an analytics script listening as such
// tools do, clicking through the guide leaves no answer in what it records
// (the shadow root is closed); what it does see (keys typed, text selected)
// is the documented limit of web/README.md, which a cross-origin iframe lifts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, DIST, startSite, launch, openPage, fixtureUrl, waitForScreen, answerAll, tabTo, inGuide, state, announced, ASSETS,
  bundleInfo,
} from './helpers.mjs';

// Values nobody else would send: typed the Belgian way and stored the JSON way.
const PROFILE = {
  statuut: 'werknemer', woonplaats: 'brussel', tewerkstellingspercentage: 93.5, 'uren-per-week': 36.25,
  diploma: 'geen-so', 'opleiding-in-databank': 'true', 'opleiding-uren': 1847, 'opleiding-startdatum': '2031-07-13',
};
const CANARIES = ['93,5', '93.5', '36,25', '36.25', '1847', '2031-07-13', '13-07-2031', '2031'];

// The only files the guide may fetch (the fixture page is the host page here).
const STATIC = new Set(['/fixture.html', '/fixture.js', '/fixture.css', '/favicon.svg', '/wegwijzer-guide.js',
  `/${ASSETS.glue}`, `/${ASSETS.wasm}`, '/bundles/example.dsse.json', `/${ASSETS.fallback}`]);

// The test page with a host analytics script (fixtures/host-analytics.js),
// loaded as a host loads one: a plain script in the head, before the guide.
const FIXTURE = fs.readFileSync(path.join(REPO, 'web/tests/fixtures/fixture.html'), 'utf8');
const ANALYTICS_PAGE = FIXTURE.replace('<script type="module" src="fixture.js">',
  '<script src="host-analytics.js"></script>\n  <script type="module" src="fixture.js">');
assert.notEqual(ANALYTICS_PAGE, FIXTURE);

let site;
let browser;
before(async () => { site = await startSite({ 'analytics.html': ANALYTICS_PAGE }); browser = await launch(); });
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
  const example = bundleInfo(fs.readFileSync(path.join(DIST, 'bundles/example.dsse.json'), 'utf8'));
  assert.deepEqual(r.traces.local, { 'wegwijzer.minVersion.example': example.seen },
    'only the accepted rules version and its digest');
  assert.match(example.seen, /^1:[0-9a-f]{64}$/);
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

// ---- What a host page's own scripts can see.

const EXAMPLE = { bundle: 'bundles/example.dsse.json', 'ruleset-id': 'example', date: '2025-09-01' };
const WERKNEMER = { statuut: 'werknemer', woonplaats: 'vlaanderen', 'opleiding-in-databank': 'true' }; // up to the first number
const analyticsUrl = (params = EXAMPLE) => `${site.url}analytics.html?${new URLSearchParams(params)}`;

// A person's click. The test finds where the element is through its own
// route into the closed root (helpers.inGuide: a bounding box), then the
// mouse clicks there: the events are the browser's own. `page` may be a frame.
async function clickAt(page, selector) {
  const el = await inGuide(page, selector);
  await el.scrollIntoViewIfNeeded();
  const box = await el.boundingBox();
  await (page.mouse ?? page.page().mouse).click(box.x + box.width / 2, box.y + box.height / 2);
}

// Answers the choice questions the core asks from `profile` by clicking the
// option's label and "Volgende", until a question that is not a choice, or
// the check page. Returns what the person saw: the questions, the options.
async function clickAnswers(page, profile) {
  const seen = [];
  for (let step = 0; step < 20; step += 1) {
    const s = await state(page);
    if (s.screen !== 'question' || !['choice', 'boolean'].includes(s.type)) return seen;
    const option = `.ww-radios__item:has(input[value="${profile[s.question]}"]) label`;
    seen.push(s.heading, await (await inGuide(page, option)).textContent());
    await clickAt(page, option);
    await clickAt(page, 'button[data-action="next"]');
    await page.waitForFunction((q) => __testShadowRoot().querySelector('form[data-question]')?.dataset.question !== q,
      s.question);
  }
  throw new Error('too many questions');
}

// A job seeker in Flanders, by mouse, to the results. Returns every text that
// would give the person away: the chosen values, the questions and option
// texts seen, the result titles and the announcement.
async function clickThrough(page) {
  await page.goto(analyticsUrl());
  await waitForScreen(page, 'question', 'statuut');
  const secrets = ['werkzoekende', 'vlaanderen'];
  secrets.push(...await clickAnswers(page, { statuut: 'werkzoekende', woonplaats: 'vlaanderen' }));
  await waitForScreen(page, 'check');
  await clickAt(page, 'button[data-action="results"]');
  await waitForScreen(page, 'results');
  secrets.push(await announced(page));
  const titles = await page.evaluate(() => [...__testShadowRoot().querySelectorAll('.ww-result__title')]
    .map((t) => t.textContent));
  assert.ok(titles.length >= 3, `result titles: ${titles}`);
  secrets.push(...titles);
  return secrets.map((t) => t.trim()).filter(Boolean);
}

const hostRecords = (page) => page.evaluate(() => ({ events: window.__hostRecords, end: window.__hostSnapshot() }));

// The texts of `secrets` found in the host's records (case-insensitive).
function found(records, secrets) {
  const text = JSON.stringify(records).toLowerCase();
  return secrets.filter((t) => text.includes(t.toLowerCase()));
}

test('a host analytics script that listens to everything finds no answer, option or result', async () => {
  const { page, context, log } = await openPage(browser);
  const secrets = await clickThrough(page);
  const r = await hostRecords(page);
  assert.deepEqual(found(r, secrets), [], 'the host recorded an answer, a question or a result');
  const text = JSON.stringify(r);
  assert.doesNotMatch(text, /ww-|data-question|data-result/, 'no markup from inside the guide');

  // The script did listen, and saw what a host may see: the guide element.
  const clicks = r.events.filter((e) => e.type === 'click');
  assert.ok(clicks.length >= 5 * 4, `every click, on window and document, both phases (${clicks.length})`);
  for (const e of r.events.filter((x) => ['click', 'pointerdown', 'focusin', 'input'].includes(x.type))) {
    assert.equal(e.target.node, 'WEGWIJZER-GUIDE', `${e.type}: retargeted to the guide`);
    assert.equal(e.path[0].node, 'WEGWIJZER-GUIDE', `${e.type}: composedPath() starts at the guide`);
    assert.equal(e.target.text, '', `${e.type}: the guide has no text of its own`);
    if (e.atPointer) assert.equal(e.atPointer.node, 'WEGWIJZER-GUIDE', 'elementFromPoint: the guide');
  }
  // Where, though, is not hidden: each click keeps its coordinates.
  assert.ok(clicks.every((e) => e.x > 0 && e.y > 0), 'the pointer\'s coordinates');
  assert.ok(r.events.some((e) => e.type === 'input'), 'the radio\'s input event crossed, without its value');
  assert.ok(!r.events.some((e) => ['change', 'submit'].includes(e.type)), 'change and submit stay inside');
  assert.ok(r.events.some((e) => e.type === 'mutation:attributes' && e.attribute === 'bundle'),
    'the MutationObserver saw the host page set up the guide');
  const firstClick = r.events.findIndex((e) => e.type === 'click');
  assert.deepEqual(r.events.slice(firstClick).filter((e) => e.type.startsWith('mutation:')), [],
    'the guide\'s screens change nothing the host\'s MutationObserver sees');
  assert.equal(r.events.find((e) => e.type === 'wegwijzer-results').detail, 'null');
  assert.ok(r.events.some((e) => e.type === 'wegwijzer-ready'));
  assert.equal(r.end.guideShadowRoot, 'null');
  assert.equal(r.end.guideHTML, '');
  assert.equal(r.end.guideSerialized, '', 'getHTML({serializableShadowRoots}) gives nothing');
  assert.equal(r.end.active.node, 'WEGWIJZER-GUIDE', 'document.activeElement is the guide, no deeper');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('control: the same script on an open shadow root (forced by the test) does find the answers', async () => {
  const { page, context } = await openPage(browser);
  await page.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function open(init) { return attach.call(this, { ...init, mode: 'open' }); };
  });
  const secrets = await clickThrough(page);
  const r = await hostRecords(page);
  assert.ok(found(r, secrets).includes('werkzoekende'), 'the listener is not blind: it reads an open root');
  assert.notEqual(r.end.guideShadowRoot, 'null');
  await context.close();
});

test('from the host page, the guide\'s shadowRoot is null (no test route in this page)', async () => {
  // A context without helpers.openPage: nothing of the tests in the page.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
  await page.goto(fixtureUrl(site, EXAMPLE));
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'wegwijzer-ready'), null, { timeout: 15000 });
  assert.deepEqual(await page.evaluate(() => {
    const g = document.querySelector('wegwijzer-guide');
    return {
      shadowRoot: g.shadowRoot, childNodes: g.childNodes.length, testRoute: typeof window.__testShadowRoot,
      rendered: g.getBoundingClientRect().height > 100,
    };
  }), { shadowRoot: null, childNodes: 0, testRoute: 'undefined', rendered: true });
  await context.close();
});

test('the page\'s own first screen (a closed declarative shadow root) is as closed to the host as the guide\'s', async () => {
  // A context without helpers.openPage: nothing of the tests in the page.
  const context = await browser.newContext();
  const page = await context.newPage();
  let releaseScript;
  const scriptHeld = new Promise((r) => { releaseScript = r; });
  await page.route('**/wegwijzer-guide.js', async (route) => { await scriptHeld; await route.continue(); });
  await page.goto(`${site.url}index.html`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('wegwijzer-guide')?.getBoundingClientRect().height > 100);
  const reach = () => page.evaluate(() => {
    const g = document.querySelector('wegwijzer-guide');
    let internals;
    try {
      internals = g.attachInternals().shadowRoot === null ? 'no root' : 'root';
    } catch (e) {
      internals = e.name;
    }
    return { defined: !!customElements.get('wegwijzer-guide'), shadowRoot: g.shadowRoot, internals };
  });
  // Before the guide's script: the element is not defined, so it has no internals to give.
  assert.deepEqual(await reach(), { defined: false, shadowRoot: null, internals: 'NotSupportedError' });
  releaseScript();
  await page.waitForFunction(() => customElements.get('wegwijzer-guide'));
  // After: the guide took its internals; they cannot be taken twice.
  assert.deepEqual(await reach(), { defined: true, shadowRoot: null, internals: 'NotSupportedError' });
  await context.close();
});

test('documented limit (web/README.md): a host\'s capture-phase key listener sees the digits typed into a number field', async () => {
  // Keys go to the focused element; a shadow root does not hide them. If this
  // test ever fails because the host no longer sees them, update web/README.md.
  const { page, context } = await openPage(browser);
  await page.goto(analyticsUrl());
  await waitForScreen(page, 'question', 'statuut');
  // The arrow keys that move between options are keys too: their number
  // gives away the position of the chosen option.
  await tabTo(page, (a) => a.tag === 'INPUT');
  await page.keyboard.press('ArrowDown');
  const keys = (await hostRecords(page)).events.filter((e) => e.type === 'keydown' && e.on === 'document' && e.phase === 'capture')
    .map((e) => e.key);
  assert.equal(keys.at(-1), 'ArrowDown');
  assert.ok(keys.includes('Tab'));

  await clickAnswers(page, WERKNEMER);
  const question = await state(page);
  assert.equal(question.type, 'number');
  await clickAt(page, 'form[data-question] input');
  const before = (await hostRecords(page)).events.length;
  await page.keyboard.type('93,5');
  const r = await hostRecords(page);
  const typed = (type, field, phase) => r.events.slice(before)
    .filter((e) => e.type === type && e.on === 'document' && e.phase === phase).map((e) => e[field]).join('');
  for (const phase of ['capture', 'bubble']) {
    assert.equal(typed('keydown', 'key', phase), '93,5', `keydown.key (${phase})`);
    assert.equal(typed('input', 'data', phase), '93,5', `InputEvent.data (${phase})`);
    assert.equal(typed('beforeinput', 'data', phase), '93,5', `InputEvent.data of beforeinput (${phase})`);
  }
  // Only the keys: the field, its question and the options stay hidden.
  assert.deepEqual(found(r, [question.question, question.heading, 'werknemer', 'zelfstandige']), []);
  assert.ok(r.events.slice(before).filter((e) => e.type === 'keydown').every((e) => e.target.node === 'WEGWIJZER-GUIDE'),
    'the keys\' target is the guide element');
  await context.close();
});

test('documented limit (web/README.md): text the person selects inside the guide is readable with getSelection()', async () => {
  // The selection's nodes are retargeted to the host, but its text is not
  // hidden (Chromium). If this ever fails because the text is hidden, update
  // web/README.md.
  const { page, context } = await openPage(browser);
  await page.goto(analyticsUrl());
  await waitForScreen(page, 'question', 'statuut');
  await clickAnswers(page, { statuut: 'werkzoekende', woonplaats: 'vlaanderen' });
  await waitForScreen(page, 'check');
  const box = await (await inGuide(page, '.ww-summary')).boundingBox(); // a drag over the answers
  await page.mouse.move(box.x + 1, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, box.y + box.height - 2, { steps: 5 });
  await page.mouse.up();
  const selection = await page.evaluate(() => ({
    text: document.getSelection().toString(), anchor: document.getSelection().anchorNode.nodeName,
  }));
  const answers = await page.evaluate(() => [...__testShadowRoot().querySelectorAll('.ww-summary__value')]
    .map((v) => v.textContent));
  assert.equal(answers.length, 2);
  for (const a of answers) assert.ok(selection.text.includes(a), `the answer "${a}" in ${JSON.stringify(selection.text)}`);
  assert.match(selection.text, /Wat doe je nu vooral\?/, 'and the questions');
  assert.equal(selection.anchor, 'MAIN', 'the node is the guide\'s parent in the host page, not the text inside');
  // A double-click on a word selects it, readable the same way.
  const answer = await (await inGuide(page, '.ww-summary__value')).boundingBox();
  await page.mouse.dblclick(answer.x + 3, answer.y + answer.height / 2);
  const word = await page.evaluate(() => document.getSelection().toString());
  assert.ok(word.trim() && answers[0].includes(word.trim()), `a word of "${answers[0]}": "${word}"`);
  await context.close();
});

test('a cross-origin iframe: the host page sees no key, no click and no text of the guide (a same-origin one it can read)', async () => {
  // The guide's iframe page from another origin (another port); the host page,
  // with the same analytics script, on this site. Each server allows the
  // other in its CSP (frame-src, frame-ancestors), as a real embedding would.
  const other = await startSite();
  const { page, context, log } = await openPage(browser);
  try {
    const frameUrl = `${other.url}iframe.html?${new URLSearchParams(EXAMPLE)}`;
    fs.writeFileSync(path.join(site.root, 'iframe-host.html'), `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Host</title><script src="host-analytics.js"></script></head>
<body><main><h1>Host</h1><iframe src="${frameUrl.replace(/&/g, '&amp;')}" title="Wegwijzer" width="1000" height="700"></iframe></main></body></html>`);
    const allow = (from, to) => page.route(`${from}**`, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] = `${headers['content-security-policy']}; ${to}`
        .replace("frame-ancestors 'self'", `frame-ancestors 'self' ${site.url.slice(0, -1)}`);
      await route.fulfill({ response, headers });
    });
    await allow(`${site.url}iframe-host.html`, `frame-src ${other.url.slice(0, -1)}`);
    await allow(`${other.url}iframe.html`, '');
    await page.goto(`${site.url}iframe-host.html`);
    const frame = page.frames().find((f) => f.url().startsWith(other.url));
    assert.ok(frame, 'the iframe loaded');
    await waitForScreen(frame, 'question', 'statuut');
    const seen = ['werknemer', 'vlaanderen', ...await clickAnswers(frame, WERKNEMER)];
    const s = await state(frame);
    assert.equal(s.type, 'number', `a number question: ${s.question}`);
    seen.push(s.heading);
    await clickAt(frame, 'form[data-question] input');
    await page.keyboard.type('93,5');
    assert.equal(await frame.evaluate(() => __testShadowRoot().querySelector('form[data-question] input').value), '93,5');
    const heading = await (await inGuide(frame, '.ww-heading')).boundingBox();
    await page.mouse.dblclick(heading.x + 3, heading.y + heading.height / 2); // a word selected in the frame
    assert.notEqual(await frame.evaluate(() => document.getSelection().toString()), '');
    assert.equal(await page.evaluate(() => document.getSelection().toString()), '', 'not in the host\'s selection');

    const r = await hostRecords(page);
    const types = new Set(r.events.map((e) => e.type));
    for (const t of ['keydown', 'keyup', 'input', 'beforeinput', 'click', 'pointerdown', 'focusin']) {
      assert.ok(!types.has(t), `the host saw a ${t} event from inside the iframe`);
    }
    assert.deepEqual(found(r, [...seen, '93,5', '93.5']), []);
    assert.deepEqual(await page.evaluate(() => {
      const f = document.querySelector('iframe');
      let read;
      try { read = f.contentWindow.document.body.innerText; } catch (e) { read = e.name; }
      return { contentDocument: f.contentDocument, read };
    }), { contentDocument: null, read: 'SecurityError' });
    assert.deepEqual(log.pageErrors, []);

    // The same iframe page on the host's own origin (the demo): readable.
    await page.goto(`${site.url}iframe-demo.html`);
    await page.waitForFunction(() => document.querySelector('iframe').contentDocument?.querySelector('wegwijzer-guide'));
  } finally {
    await context.close();
    await other.stop();
  }
});
