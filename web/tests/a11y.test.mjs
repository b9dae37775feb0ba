// axe-core on every screen type of the guide (each question type, an error,
// check answers, each kind of result, the notices and the failure screen) and
// on the demo pages, at desktop width and at 320 px: no violations of WCAG
// 2.0/2.1 A and AA. axe covers only part of WCAG; the keyboard, focus and
// live-region checks are in flow.test.mjs. The guide's shadow root is closed;
// axe sees into it through the tests' own route (helpers.mjs, axe()).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSite, launch, openPage, fixtureUrl, waitForScreen, answerAll, tabTo, state, inGuide, axe, DIST, BUILT_IN, ASSETS,
} from './helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EXAMPLE = { bundle: 'bundles/example.dsse.json', 'ruleset-id': 'example', date: '2025-09-01' };
const WERKNEMER = {
  statuut: 'werknemer', woonplaats: 'vlaanderen', tewerkstellingspercentage: 100, 'uren-per-week': 38,
  diploma: 'so', 'opleiding-in-databank': 'true', 'opleiding-uren': 60, 'opleiding-startdatum': '2025-10-01',
};

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let site;
let browser;
before(async () => {
  const env = JSON.parse(fs.readFileSync(path.join(DIST, ASSETS.fallback), 'utf8'));
  env.signatures[0].sig = `${env.signatures[0].sig.slice(0, -4)}AAA=`; // a wrong signature
  site = await startSite({ 'bundles/bad.dsse.json': JSON.stringify(env) });
  browser = await launch();
});
after(async () => { await browser?.close(); await site?.stop(); });

// Answers until `stop` is the question on screen.
const until = (stop) => async (page) => {
  const partial = Object.fromEntries(Object.entries(WERKNEMER).filter(([k]) => k !== stop));
  await answerAll(page, partial).catch(() => {});
  await waitForScreen(page, 'question', stop);
};
const toResults = (profile, locale = 'nl') => async (page) => {
  await answerAll(page, profile, locale);
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  await page.evaluate(() => { for (const d of __testShadowRoot().querySelectorAll('details')) d.open = true; });
};

const SCREENS = {
  'question: choice': { params: EXAMPLE, steps: async () => {} },
  'question: number': { params: EXAMPLE, steps: until('tewerkstellingspercentage') },
  'question: boolean': { params: EXAMPLE, steps: until('opleiding-in-databank') },
  'question: date': { params: EXAMPLE, steps: until('opleiding-startdatum') },
  'question: error': {
    params: EXAMPLE,
    steps: async (page) => {
      await until('opleiding-startdatum')(page);
      await tabTo(page, (a) => a.tag === 'INPUT');
      await page.keyboard.type('31');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Enter');
      await inGuide(page, '.ww-error-message');
    },
  },
  'check answers': { params: EXAMPLE, steps: (page) => answerAll(page, WERKNEMER) },
  'results: entitled': { params: EXAMPLE, steps: toResults(WERKNEMER) },
  'results: other support and why not': { params: EXAMPLE, steps: toResults({ statuut: 'werkzoekende', woonplaats: 'vlaanderen' }) },
  'results: possibly (English)': { params: { ...EXAMPLE, lang: 'en' }, steps: toResults({ ...WERKNEMER, 'opleiding-in-databank': '?' }, 'en') },
  'notice: built-in rules used': { params: { bundle: 'bundles/bad.dsse.json' }, notice: 'fallback', steps: async () => {} },
  'notice: expired rules': { params: {}, today: addDays(BUILT_IN.expires, 3), notice: 'expired', steps: async () => {} },
  'failure: no rules': { params: {}, today: addDays(BUILT_IN.expires, 500), notice: 'failure', steps: async () => {} },
  'demo page': { page: 'index.html', steps: async () => {} },
  'demo page (English)': { page: 'en.html', steps: async () => {} },
  'iframe demo': {
    page: 'iframe-demo.html',
    steps: (page) => page.waitForFunction(() => document.querySelector('iframe')?.dataset.reportedHeight),
  },
};

async function violations(name, width) {
  const screen = SCREENS[name];
  const { page, context } = await openPage(browser, { width, height: 800, today: screen.today });
  await page.goto(screen.page ? `${site.url}${screen.page}` : fixtureUrl(site, screen.params));
  await page.waitForFunction(() => {
    const s = __testShadowRoot()?.querySelector('.ww-screen');
    return !document.querySelector('wegwijzer-guide') || (s && s.dataset.screen && !['loading', 'early-question'].includes(s.dataset.screen));
  });
  await screen.steps(page);
  if (screen.notice) {
    const kinds = (await state(page)).notices.map((n) => n.kind);
    assert.ok(kinds.includes(screen.notice), `the ${screen.notice} notice is shown (${kinds})`);
  }
  const result = await axe(page, { tags: TAGS });
  // WCAG 2.2's 24 px target size (2.5.8), which the design asks for too.
  const targets = await axe(page, { rules: ['target-size'] });
  result.violations.push(...targets.violations);
  const scrollsSideways = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  await context.close();
  return {
    found: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`),
    checked: result.passes.length,
    inGuide: result.inGuide,
    scrollsSideways,
  };
}

for (const width of [1280, 320]) {
  for (const name of Object.keys(SCREENS)) {
    test(`axe: ${name} at ${width}px`, async () => {
      const r = await violations(name, width);
      assert.deepEqual(r.found, []);
      assert.ok(r.checked > 5, 'axe ran its rules');
      assert.ok(r.inGuide > 5, 'axe checked the inside of the guide\'s closed root (helpers.axe)');
      // WCAG 1.4.10 reflow: no horizontal scrolling at 320 CSS px.
      assert.equal(r.scrollsSideways, false, 'the page scrolls sideways');
    });
  }
}
