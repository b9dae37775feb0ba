#!/usr/bin/env node
// Screenshots of every screen of the widget, at desktop width and at 320 px,
// for people to look at (review, accessibility checks by eye). Needs dist/
// (scripts/build-web.sh) and the npm packages (npm ci).
//
// Usage: node scripts/screenshots.mjs [OUT_DIR]   (default build/screenshots;
// build/ is not committed)

import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, BUILT_IN, startSite, launch, openPage, fixtureUrl, waitForScreen, answerAll, tabTo, sign, withVersion, inGuide,
} from '../web/tests/helpers.mjs';

const out = path.resolve(process.argv[2] || path.join(REPO, 'build/screenshots'));
fs.mkdirSync(out, { recursive: true });

const EXAMPLE = { bundle: 'bundles/example.dsse.json', 'ruleset-id': 'example', date: '2025-09-01' };
// A person for the real ruleset: the course pages ask only about them.
const PERSON = {
  statuut: 'werknemer-prive', woonplaats: 'vlaanderen', tewerkstellingsplaats: 'vlaanderen',
  tewerkstellingspercentage: 100, 'tewerkstellingspercentage-maart': 100, 'uren-per-week': 38, diploma: 'so',
  'werkervaring-jaren': 12, 'loopbaancheque-gebruikt': 'false', 'wil-loopbaan-onderbreken': 'false',
  'opleiding-in-pop': 'false',
  'opleiding-betaald-door-werkgever': 'false', // a personal question, also on a course page
};
const PERSON_FULL = {
  ...PERSON, 'opleiding-in-databank': 'true', 'opleiding-vok': 'false', 'opleiding-uren': 60,
  'opleiding-studiepunten': 0, 'opleiding-hoger-onderwijs': 'false',
};
const WERKNEMER = {
  statuut: 'werknemer', woonplaats: 'vlaanderen', tewerkstellingspercentage: 100, 'uren-per-week': 38,
  diploma: 'so', 'opleiding-in-databank': 'true', 'opleiding-uren': 60, 'opleiding-startdatum': '2025-10-01',
};

// A copy of the built-in bundle with one payload byte changed: refused, so the
// guide shows its fallback notice.
function tampered(text) {
  const env = JSON.parse(text);
  const bytes = Buffer.from(env.payload, 'base64');
  bytes[bytes.length - 3] ^= 0x01;
  env.payload = bytes.toString('base64');
  return JSON.stringify(env);
}
const builtInText = fs.readFileSync(path.join(REPO, 'dist',
  JSON.parse(fs.readFileSync(path.join(REPO, 'dist/assets.json'), 'utf8')).fallback), 'utf8');

// The kiosk page with a short idle time, to catch its warning.
const kioskShort = fs.readFileSync(path.join(REPO, 'dist/kiosk.html'), 'utf8')
  .replace('data-idle-seconds="120"', 'data-idle-seconds="1"');

const site = await startSite({
  'bundles/tampered.dsse.json': tampered(builtInText),
  'bundles/next.dsse.json': sign(withVersion(BUILT_IN.text, BUILT_IN.version + 1)),
  'kiosk-short.html': kioskShort,
});
const browser = await launch();
const shots = [];

async function shoot(name, width, params, steps = async () => {}, options = {}) {
  const { page, context } = await openPage(browser, { width, height: 800, today: options.today });
  await page.goto(params.page ? `${site.url}${params.page}` : fixtureUrl(site, params));
  await page.waitForFunction(() => {
    const s = __testShadowRoot()?.querySelector('.ww-screen');
    return s ? s.dataset.screen && s.dataset.screen !== 'loading' : true;
  });
  await steps(page);
  if (options.print) await page.emulateMedia({ media: 'print' });
  const file = path.join(out, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(path.relative(process.cwd(), file));
  await context.close();
}

// Answers from the profile until the question `stop` is on screen.
const until = (stop, profile = WERKNEMER) => async (page) => {
  await waitForScreen(page, 'question');
  const partial = {};
  for (const [k, v] of Object.entries(profile)) if (k !== stop) partial[k] = v;
  await answerAll(page, partial).catch(() => {}); // stops at `stop`, which the partial profile lacks
  await waitForScreen(page, 'question', stop);
};

const toResults = async (page) => {
  await waitForScreen(page, 'check');
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
};

for (const width of [1280, 320]) {
  await shoot('01-demo-page', width, { page: 'index.html' });
  await shoot('02-question-choice', width, EXAMPLE);
  await shoot('03-question-number', width, EXAMPLE, until('tewerkstellingspercentage'));
  await shoot('04-question-boolean', width, EXAMPLE, until('opleiding-in-databank'));
  await shoot('05-question-date', width, EXAMPLE, until('opleiding-startdatum'));
  await shoot('06-question-error', width, EXAMPLE, async (page) => {
    await until('tewerkstellingspercentage')(page);
    await tabTo(page, (a) => a.tag === 'INPUT');
    await page.keyboard.type('140');
    await page.keyboard.press('Enter');
  });
  await shoot('07-check-answers', width, EXAMPLE, (page) => answerAll(page, WERKNEMER));
  await shoot('08-results-eligible', width, EXAMPLE, async (page) => { await answerAll(page, WERKNEMER); await toResults(page); });
  await shoot('09-results-other-why-not', width, EXAMPLE, async (page) => {
    await answerAll(page, { statuut: 'werkzoekende', woonplaats: 'vlaanderen' });
    await toResults(page);
    await (await inGuide(page, 'details summary')).click();
  });
  await shoot('10-results-possibly', width, { ...EXAMPLE, lang: 'en' }, async (page) => {
    await answerAll(page, { ...WERKNEMER, 'opleiding-in-databank': '?' }, 'en');
    await toResults(page);
  });
  await shoot('11-results-print', width, EXAMPLE, async (page) => { await answerAll(page, WERKNEMER); await toResults(page); },
    { print: true });
  await shoot('12-notice-fallback', width, { bundle: 'bundles/tampered.dsse.json' });
  await shoot('13-notice-expired', width, {}, async () => {}, { today: addDays(BUILT_IN.expires, 5) });
  await shoot('14-failure', width, {}, async () => {}, { today: addDays(BUILT_IN.expires, 400) });
  await shoot('15-iframe-demo', width, { page: 'iframe-demo.html' }, async (page) => {
    await page.waitForFunction(() => document.querySelector('iframe')?.dataset.reportedHeight);
  });

  // Course pages: the listing (one card's conditions unfolded), a course's
  // page with the summary, its questions and its check page.
  await shoot('16-catalogue', width, { page: 'opleidingen.html' }, async (page) => {
    await allCourseViews(page);
    await (await inGuide(page, 'details summary', { host: '[data-course="boekhouding"] wegwijzer-guide' })).click();
  });
  for (const slug of ['excel-basis', 'boekhouding', 'graduaat-verpleegkunde', 'leidinggeven']) {
    await shoot(`17-course-${slug}`, width, { page: `opleiding-${slug}.html` });
  }
  await shoot('18-course-question', width, { page: 'opleiding-boekhouding.html' }, async (page) => {
    await (await inGuide(page, '[data-action="check-situation"]')).click();
    await waitForScreen(page, 'question');
  });
  await shoot('19-course-check', width, { page: 'opleiding-boekhouding.html' }, async (page) => {
    await (await inGuide(page, '[data-action="check-situation"]')).click();
    await waitForScreen(page, 'question');
    await answerAll(page, PERSON);
  });
  await shoot('20-course-results', width, { page: 'opleiding-boekhouding.html' }, async (page) => {
    await (await inGuide(page, '[data-action="check-situation"]')).click();
    await waitForScreen(page, 'question');
    await answerAll(page, PERSON);
    await toResults(page);
  });

  // The kiosk: welcome, a question, the idle warning, results, the receipt.
  await shoot('21-kiosk-welcome', width, { page: 'kiosk.html' }, kioskReady);
  await shoot('22-kiosk-question', width, { page: 'kiosk.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="nl"]').click();
    await waitForScreen(page, 'question');
  });
  await shoot('23-kiosk-question-en', width, { page: 'kiosk.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="en"]').click();
    await waitForScreen(page, 'question');
    await answerAll(page, { statuut: 'werknemer-prive' }, 'en').catch(() => {});
  });
  await shoot('24-kiosk-idle-warning', width, { page: 'kiosk-short.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="nl"]').click();
    await page.locator('dialog.kiosk-idle[open]').waitFor();
  });
  await shoot('25-kiosk-results', width, { page: 'kiosk.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="nl"]').click();
    await waitForScreen(page, 'question');
    await answerAll(page, PERSON_FULL);
    await toResults(page);
  });
  await shoot('26-kiosk-receipt-print', width, { page: 'kiosk.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="nl"]').click();
    await waitForScreen(page, 'question');
    await answerAll(page, PERSON_FULL);
    await toResults(page);
  }, { print: true });
  await shoot('27-kiosk-receipt-with-answers', width, { page: 'kiosk.html' }, async (page) => {
    await kioskReady(page);
    await page.locator('[data-start="nl"]').click();
    await waitForScreen(page, 'question');
    await answerAll(page, PERSON_FULL);
    await toResults(page);
    await (await inGuide(page, '[data-action="answers-on-paper"]')).check();
  }, { print: true });
}

// Every guide on the page has its summary.
async function allCourseViews(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('wegwijzer-guide')]
    .every((g) => __testShadowRoot(g)?.querySelector('.ww-screen')?.dataset.screen === 'course'));
}

async function kioskReady(page) {
  await page.waitForFunction(() => document.querySelector('[data-kiosk="footer"]')?.dataset.rulesVersion);
}

function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

await browser.close();
await site.stop();
console.log(shots.join('\n'));
console.log(`${shots.length} screenshots in ${out}`);
