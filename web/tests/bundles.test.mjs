// Signed rules in the browser: WebCrypto Ed25519 + the core's policy. A bundle
// that is changed, signed by an unknown key, older than one accepted before on
// this device, of another ruleset, or unreachable is refused; the guide then
// uses the bundle built into it and says so. Expired rules: a banner within
// the grace period, no verdicts after it.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launch, openPage, fixtureUrl, state, announced, sign, signUnchecked, withVersion, seenOf, inGuide, DIST, BUILT_IN, ASSETS,
} from './helpers.mjs';

const builtInText = fs.readFileSync(path.join(DIST, ASSETS.fallback), 'utf8');

function flipPayloadByte(text) {
  const env = JSON.parse(text);
  const bytes = Buffer.from(env.payload, 'base64');
  bytes[Math.floor(bytes.length / 2)] ^= 0x20; // one byte of the rules, changed
  env.payload = bytes.toString('base64');
  return JSON.stringify(env, null, 2);
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Reliability review D1: four "reduce" inside each other over 300 items
// (8 * 10^9 steps) as the first criterion of the first result.
function timeBomb(text) {
  const rules = JSON.parse(text);
  let lambda = { '+': [{ var: 'accumulator' }, 1] };
  for (let d = 0; d < 4; d += 1) lambda = { reduce: [new Array(300).fill(0), lambda, 0] };
  const number = rules.questions.find((q) => q.type === 'number').id;
  rules.results[0].versions.at(-1).criteria[0].test = { '>=': [{ var: number }, lambda] };
  return JSON.stringify(rules);
}

function withFreshUntil(text, date) {
  return JSON.stringify({ ...JSON.parse(text), freshUntil: date });
}

// Version + 1 twice, with other content (one more space at the end).
const otherNewer = `${withVersion(BUILT_IN.text, BUILT_IN.version + 1).trimEnd()} \n`;

let site;
let browser;
before(async () => {
  site = await startSite({
    'bundles/changed.dsse.json': flipPayloadByte(builtInText),
    'bundles/stranger.dsse.json': sign(BUILT_IN.text, { stranger: true }),
    'bundles/newer.dsse.json': sign(withVersion(BUILT_IN.text, BUILT_IN.version + 1)),
    'bundles/newer-other.dsse.json': sign(otherNewer),
    'bundles/fresh.dsse.json': sign(withFreshUntil(BUILT_IN.text, addDays(BUILT_IN.published, 14))),
    'bundles/current.dsse.json': builtInText,
    // The real signed bundle, a NUL byte, then more (reliability review D2).
    'bundles/nul.dsse.json': `${builtInText}\u0000{"extra": true}`,
    // A ruleset that would evaluate for hours, signed with a valid key (the
    // command refuses to sign it; a key holder's own tool might not).
    'bundles/time-bomb.dsse.json': signUnchecked(timeBomb(BUILT_IN.text)),
  });
  browser = await launch();
});
after(async () => { await browser?.close(); await site?.stop(); });

async function load(page, params) {
  await page.goto(fixtureUrl(site, params));
  await page.waitForFunction(() => {
    const s = __testShadowRoot().querySelector('.ww-screen');
    return s.dataset.screen && !['loading', 'early-question'].includes(s.dataset.screen);
  }, null, { timeout: 15000 });
  return state(page);
}

const storage = (page) => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
const VERSION_KEY = `wegwijzer.minVersion.${BUILT_IN.id}`;

test('a valid bundle is used as it is: no notice, its version in the footer', async () => {
  const { page, context, log } = await openPage(browser);
  const s = await load(page, { bundle: 'bundles/current.dsse.json' });
  assert.equal(s.screen, 'question');
  assert.deepEqual(s.notices, []);
  assert.match(s.footer, new RegExp(`^Regels versie ${BUILT_IN.version} van `));
  assert.doesNotMatch(s.footer, /ingebouwd/);
  // The version and the digest of its signed message: nothing about the person.
  assert.deepEqual(await storage(page), { [VERSION_KEY]: BUILT_IN.seen });
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});

// A refused bundle: the guide goes on with its built-in rules, and its
// notice says why (`reason`). Returns the notice.
async function refusedForBuiltIn(bundle, reason) {
  const { page, context } = await openPage(browser);
  const s = await load(page, { bundle });
  assert.equal(s.screen, 'question', 'the guide still works, on the built-in rules');
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice, 'a visible notice');
  assert.match(notice.text, reason);
  assert.match(s.footer, /\(ingebouwde regels\)/);
  await context.close();
  return notice;
}

test('one changed byte: refused, the built-in rules are used, and the guide says why', async () => {
  const notice = await refusedForBuiltIn('bundles/changed.dsse.json', /de regels zijn veranderd nadat ze ondertekend werden/);
  assert.match(notice.text, /ingebouwde regels/);
});

test('a NUL byte and more after a valid bundle: refused as damaged, built-in rules', async () => {
  await refusedForBuiltIn('bundles/nul.dsse.json', /beschadigd/);
});

test('a signed time bomb: refused when loaded (the limits on work), the page never freezes, built-in rules', async () => {
  const { page, context } = await openPage(browser);
  // The longest gap between two animation frames while the guide loads.
  await page.addInitScript(() => {
    window.__longestGap = 0;
    let last = performance.now();
    const tick = (now) => { window.__longestGap = Math.max(window.__longestGap, now - last); last = now; requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const s = await load(page, { bundle: 'bundles/time-bomb.dsse.json' });
  assert.equal(s.screen, 'question', 'the guide still works, on the built-in rules');
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice, 'a visible notice');
  assert.match(notice.text, /de regels bevatten een fout/);
  assert.match(s.footer, /\(ingebouwde regels\)/);
  const gap = await page.evaluate(() => window.__longestGap);
  assert.ok(gap < 1000, `the page kept drawing frames (longest gap ${Math.round(gap)} ms)`);
  await context.close();
});

test('signed by an unknown key: refused, built-in rules, with the reason', async () => {
  const { page, context } = await openPage(browser, {});
  const s = await load(page, { bundle: 'bundles/stranger.dsse.json', lang: 'en' });
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice);
  assert.match(notice.text, /the rules are not signed by the Flemish government/);
  assert.equal(s.screen, 'question');
  await context.close();
});

test('an older version than one accepted before on this device: refused as a rollback', async () => {
  const { page, context } = await openPage(browser);
  let s = await load(page, { bundle: 'bundles/newer.dsse.json' });
  assert.deepEqual(s.notices, []);
  assert.match(s.footer, new RegExp(`versie ${BUILT_IN.version + 1} `));
  // The device remembers the version (and its digest), nothing else.
  const newer = seenOf(withVersion(BUILT_IN.text, BUILT_IN.version + 1));
  assert.deepEqual(await storage(page), { [VERSION_KEY]: newer });

  s = await load(page, { bundle: 'bundles/current.dsse.json' });
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice, 'the older bundle is refused');
  assert.match(notice.text, /ouder dan de regels die dit toestel al eerder gebruikte/);
  assert.match(s.footer, /\(ingebouwde regels\)/);
  assert.deepEqual(await storage(page), { [VERSION_KEY]: newer }, 'never lowered');
  await context.close();
});

// TUF: a version number names one content. A mirror (or an insider) that
// shows this device other rules under a version it already used is refused.
test('the same version as one accepted before, with other content: refused (version-reused)', async () => {
  const { page, context } = await openPage(browser);
  let s = await load(page, { bundle: 'bundles/newer.dsse.json' });
  assert.deepEqual(s.notices, []);
  s = await load(page, { bundle: 'bundles/newer-other.dsse.json' });
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice, 'the other bundle with the same version is refused');
  assert.match(notice.text, /hetzelfde versienummer als regels die dit toestel al gebruikte, maar een andere inhoud/);
  assert.match(s.footer, /\(ingebouwde regels\)/);
  assert.deepEqual(await storage(page), { [VERSION_KEY]: seenOf(withVersion(BUILT_IN.text, BUILT_IN.version + 1)) });
  // The one it used is still taken, also as it was stored by an older widget (the version alone).
  s = await load(page, { bundle: 'bundles/newer.dsse.json' });
  assert.deepEqual(s.notices, []);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [VERSION_KEY, String(BUILT_IN.version + 1)]);
  s = await load(page, { bundle: 'bundles/newer-other.dsse.json' });
  assert.deepEqual(s.notices, [], 'without a digest there is nothing to compare: accepted');
  assert.deepEqual(await storage(page), { [VERSION_KEY]: seenOf(otherNewer) }, 'and its digest is kept from now on');
  await context.close();
});

test('a bundle that cannot be fetched: built-in rules, "we could not fetch them"', async () => {
  const { page, context } = await openPage(browser);
  const s = await load(page, { bundle: 'bundles/missing.dsse.json' });
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice);
  assert.match(notice.text, /we konden ze niet ophalen/);
  await context.close();
});

test('another ruleset than the page asked for: refused (wrong ruleset id)', async () => {
  const { page, context } = await openPage(browser);
  const s = await load(page, { bundle: 'bundles/example.dsse.json', 'ruleset-id': BUILT_IN.id });
  if (BUILT_IN.id === 'example') return context.close(); // nothing to compare with
  assert.match(s.notices.find((n) => n.kind === 'fallback').text, /andere regels dan gevraagd/);
  return context.close();
});

test('expired within the grace period: a warning banner, verdicts still shown', async () => {
  const { page, context } = await openPage(browser, { today: addDays(BUILT_IN.expires, 10) });
  const s = await load(page, { bundle: 'bundles/current.dsse.json' });
  assert.equal(s.screen, 'question');
  const banner = s.notices.find((n) => n.kind === 'expired');
  assert.ok(banner, 'the banner');
  assert.match(banner.text, /De regels zijn verlopen op/);
  await context.close();
});

test('expired past the grace period: no verdicts, only where to get help', async () => {
  const { page, context } = await openPage(browser, { today: addDays(BUILT_IN.expires, 31) });
  const s = await load(page, { bundle: 'bundles/current.dsse.json' });
  assert.equal(s.screen, 'failed');
  assert.equal(await page.evaluate(() => __testShadowRoot().querySelectorAll('form').length), 0, 'no questions, no verdicts');
  assert.match(await (await inGuide(page, '.ww-failure')).textContent(), /te lang verlopen.*vlaanderen\.be.*1700/s);
  assert.match(await announced(page), /De wegwijzer werkt nu niet/);
  await context.close();
});

test('grace-days lets an embedder (a kiosk) accept expired rules for longer', async () => {
  const { page, context } = await openPage(browser, { today: addDays(BUILT_IN.expires, 31) });
  const s = await load(page, { bundle: 'bundles/current.dsse.json', 'grace-days': '90' });
  assert.equal(s.screen, 'question');
  assert.ok(s.notices.find((n) => n.kind === 'expired'));
  await context.close();
});

// Freshness (issue 15): a copy served after its freshUntil is an old copy.
const FRESH_UNTIL = addDays(BUILT_IN.published, 14);

test('an old copy, past its freshUntil: refused as stale, the built-in rules with the reason', async () => {
  const { page, context } = await openPage(browser, { today: addDays(FRESH_UNTIL, 1) });
  const s = await load(page, { bundle: 'bundles/fresh.dsse.json' });
  assert.equal(s.screen, 'question');
  const notice = s.notices.find((n) => n.kind === 'fallback');
  assert.ok(notice, JSON.stringify(s.notices));
  assert.match(notice.text, /het is een oude kopie van de regels/);
  assert.match(s.footer, /\(ingebouwde regels\)/, 'the built-in rules have no freshUntil to check');
  await context.close();
});

test('on its freshUntil a copy is current; with grace-days it is used after, with a banner', async () => {
  let { page, context } = await openPage(browser, { today: FRESH_UNTIL });
  let s = await load(page, { bundle: 'bundles/fresh.dsse.json' });
  assert.deepEqual(s.notices, []);
  await context.close();
  ({ page, context } = await openPage(browser, { today: addDays(FRESH_UNTIL, 5) }));
  s = await load(page, { bundle: 'bundles/fresh.dsse.json', 'grace-days': '7' });
  assert.equal(s.screen, 'question');
  const banner = s.notices.find((n) => n.kind === 'stale');
  assert.ok(banner, JSON.stringify(s.notices));
  assert.match(banner.text, /Deze regels waren de nieuwste tot .*Er zijn misschien nieuwere regels/);
  assert.doesNotMatch(s.footer, /ingebouwd/);
  await context.close();
});

test('a browser without Ed25519 in WebCrypto: no verdicts, and the reason', async () => {
  const { page, context } = await openPage(browser);
  await page.addInitScript(() => {
    const original = crypto.subtle.importKey.bind(crypto.subtle);
    crypto.subtle.importKey = (format, key, algorithm, ...rest) => (algorithm?.name === 'Ed25519'
      ? Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'))
      : original(format, key, algorithm, ...rest));
  });
  const s = await load(page, { bundle: 'bundles/current.dsse.json' });
  assert.equal(s.screen, 'failed');
  assert.match(await (await inGuide(page, '.ww-failure')).textContent(), /deze browser kan de handtekening/);
  await context.close();
});

test('the WebAssembly core cannot load: a clear failure screen, not a crash', async () => {
  const { page, context, log } = await openPage(browser);
  await page.route(`**/${ASSETS.wasm}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const s = await load(page, { bundle: 'bundles/current.dsse.json' });
  assert.equal(s.screen, 'failed');
  assert.match(await (await inGuide(page, '.ww-failure')).textContent(), /rekenmodule/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
