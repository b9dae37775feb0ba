#!/usr/bin/env node
// The review's people (rules/opleidingsincentives/profiles/) walked through
// the guide in Chromium at 320 x 640 px, once per goal: how many questions
// they answer, how tall the results summary and the whole results page are,
// and a screenshot of each results page. Needs dist/ (scripts/build-web.sh)
// and the npm packages (npm ci).
//
// Usage: node scripts/profiles-browser.mjs [OUT_DIR]   (default build/profiles)

import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, startSite, launch, openPage, fixtureUrl, state, waitForScreen, answer, dontKnow, nextScreen, tabTo,
} from '../web/tests/helpers.mjs';

const out = path.resolve(process.argv[2] || path.join(REPO, 'build/profiles'));
fs.mkdirSync(out, { recursive: true });
const dir = path.join(REPO, 'rules/opleidingsincentives/profiles');
const GOALS = ['geld', 'tijd', 'begeleiding', 'alles'];
const DATE = '2026-12-02';

const site = await startSite();
const browser = await launch();
const rows = [];
try {
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const person = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    delete person._about;
    for (const goal of GOALS) {
      const profile = { ...person, doel: goal };
      const { page, context } = await openPage(browser, { width: 320, height: 640 });
      await page.goto(fixtureUrl(site, { date: DATE }));
      await waitForScreen(page, 'question');
      let asked = 0;
      for (;;) {
        const s = await state(page);
        if (s.screen !== 'question') break;
        asked += 1;
        const v = profile[s.question];
        if (v === undefined) await dontKnow(page);
        else await answer(page, s, typeof v === 'boolean' ? String(v) : v);
        await nextScreen(page, s.question);
      }
      await waitForScreen(page, 'check');
      await tabTo(page, (a) => a.action === 'results');
      await page.keyboard.press('Enter');
      await waitForScreen(page, 'results');
      const size = await page.evaluate(() => {
        const root = __testShadowRoot();
        const results = root.querySelector('.ww-results');
        const summary = root.querySelector('[data-summary]');
        const top = results.getBoundingClientRect().top;
        return {
          summaryBottom: Math.round(summary.getBoundingClientRect().bottom - top),
          results: Math.round(results.getBoundingClientRect().height),
        };
      });
      const name = `${path.basename(file, '.json')}-${goal}`;
      await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
      rows.push({ name, asked, ...size });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await site.stop();
}
console.log('| person, goal | questions | summary ends at (px from the results heading) | results page height (px) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.asked} | ${r.summaryBottom} | ${r.results} |`);
console.log(`\nscreenshots in ${out}`);
