// The short interview on the real ruleset (issue 12): the goal question
// first, progress that moves after "I don't know", a result at every step,
// the summary panel on top of the results, the offer for what was not asked
// for, and a results page that fits a phone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, startSite, launch, openPage, fixtureUrl, state, waitForScreen, answer, dontKnow, nextScreen, tabTo,
} from './helpers.mjs';

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

const DATE = '2026-12-02';
const profile = (name, goal) => {
  const p = JSON.parse(fs.readFileSync(path.join(REPO, 'rules/opleidingsincentives/profiles', `${name}.json`), 'utf8'));
  delete p._about;
  return { ...p, doel: goal };
};

async function start(width = 1280, height = 900) {
  const { page, context, log } = await openPage(browser, { width, height });
  await page.goto(fixtureUrl(site, { date: DATE }));
  await waitForScreen(page, 'question');
  return { page, context, log };
}

// Answers from the profile ("I don't know" to the rest) until `stop` (a
// question id) or the check page; returns the questions asked.
async function walk(page, p, stop = null) {
  const asked = [];
  for (;;) {
    const s = await state(page);
    if (s.screen !== 'question' || s.question === stop) return asked;
    asked.push(s.question);
    const v = p[s.question];
    if (v === undefined) await dontKnow(page);
    else await answer(page, s, typeof v === 'boolean' ? String(v) : v);
    await nextScreen(page, s.question);
  }
}

async function click(page, action) {
  await tabTo(page, (a) => a.action === action, 80);
  await page.keyboard.press('Enter');
}

const summary = (page) => page.evaluate(() => {
  const root = __testShadowRoot();
  const panel = root.querySelector('[data-summary]');
  const items = (k) => [...panel.querySelectorAll(`[data-summary="${k}"] li`)].map((li) => li.textContent);
  return {
    eligible: panel ? items('eligible') : null,
    possible: panel ? items('possible') : null,
    next: panel?.querySelector('[data-summary="next"]')?.textContent || null,
    unfinished: root.querySelector('[data-unfinished]')?.textContent || null,
    offer: root.querySelector('[data-offer]')?.textContent || null,
    sourcesPerResult: [...root.querySelectorAll('[data-result]')].map((r) => r.querySelectorAll('[data-sources]').length),
    moreClosed: [...root.querySelectorAll('details[data-more]')].every((d) => !d.open),
  };
});

test('the first question asks what the person wants to know', async () => {
  const { page, context, log } = await start();
  const s = await state(page);
  assert.equal(s.question, 'doel');
  assert.deepEqual(s.options, ['geld', 'tijd', 'begeleiding', 'alles']);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the progress line moves after every answer, "I don\'t know" included', async () => {
  const { page, context } = await start();
  for (const [q, v] of [['doel', 'tijd'], ['statuut', 'werknemer-prive']]) {
    await answer(page, await state(page), v);
    await nextScreen(page, q);
  }
  const seen = [];
  for (let k = 0; k < 3; k += 1) {
    const s = await state(page);
    seen.push(Number(/Nog ongeveer (\d+) vragen?\./.exec(s.progress)[1]));
    await dontKnow(page);
    await nextScreen(page, s.question);
  }
  seen.push(Number(/Nog ongeveer (\d+) vragen?\./.exec((await state(page)).progress)[1]));
  // The count follows the core's estimate after each "I don't know" (it may
  // go up: not knowing where you work keeps more results open); it is never
  // stuck where it started, as it was when "I don't know" still counted.
  assert.ok(new Set(seen).size > 2, `questions left after each "Ik weet het niet": ${seen}`);
  await context.close();
});

test('stopping early shows what is certain and what is open, and the questions go on from there', async () => {
  const { page, context } = await start(320, 640);
  const p = profile('gent-werknemer', 'tijd');
  const asked = await walk(page, p, 'opleiding-uren');
  assert.ok(asked.length >= 3, `asked ${asked}`);
  await click(page, 'results-so-far');
  await waitForScreen(page, 'results');
  const s = await summary(page);
  assert.ok(s.unfinished && /Nog|nog ongeveer \d+/.test(s.unfinished), `unfinished: ${s.unfinished}`);
  assert.ok(s.possible.some((t) => t.includes('opleidingsverlof')), `possible: ${s.possible}`);
  await click(page, 'continue');
  await waitForScreen(page, 'question');
  const after = await state(page);
  assert.equal(after.question, 'opleiding-uren');
  assert.equal(after.headingFocused, true);
  await context.close();
});

test('the results start with one summary panel: entitled with the amount, possibly, one next step', async () => {
  const { page, context } = await start(320, 640);
  await walk(page, profile('gent-werknemer', 'tijd'));
  await waitForScreen(page, 'check');
  await click(page, 'results');
  await waitForScreen(page, 'results');
  const s = await summary(page);
  assert.deepEqual(s.eligible, ['Vlaams opleidingsverlof: 125 uur']);
  assert.ok(s.next && s.next.startsWith('Vlaams opleidingsverlof'), `next step: ${s.next}`);
  assert.equal(s.unfinished, null);
  // One source list per result, folded with the conditions and cautions.
  assert.ok(s.sourcesPerResult.every((n) => n <= 1), `source lists per result: ${s.sourcesPerResult}`);
  assert.ok(s.moreClosed);
  // The summary fits the first phone screen (320 x 640).
  const bottom = await page.evaluate(() => __testShadowRoot().querySelector('[data-summary]').getBoundingClientRect().bottom
    + window.scrollY);
  assert.ok(bottom <= 640, `the summary ends at ${bottom} px`);
  // The results the person did not ask for are offered, with a count.
  assert.match(s.offer, /Wil je ook weten of je minder betaalt voor een opleiding en of je hulp krijgt bij je loopbaan\? Dan stellen we nog ongeveer \d+ vragen?\./);
  await click(page, 'widen');
  await waitForScreen(page, 'question');
  assert.notEqual((await state(page)).question, 'doel');
  await context.close();
});

test('printing opens the folded details', async () => {
  const { page, context } = await start();
  await walk(page, profile('gent-werknemer', 'geld'));
  await waitForScreen(page, 'check');
  await click(page, 'results');
  await waitForScreen(page, 'results');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const open = await page.evaluate(() => [...__testShadowRoot().querySelectorAll('details')].every((d) => d.open));
  assert.equal(open, true);
  await context.close();
});
