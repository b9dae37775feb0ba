// Course pages (mode="course" and "course-summary"): the summary of what a
// course can unlock, and for whom, from the core's course view of the facts
// the page passes; then only the personal questions that remain.
//
// The expected summaries and results are worked out by hand from
// rules/opleidingsincentives/READINGS.md (and the criterion ids of
// ruleset.json), not copied from the guide's output. On TODAY (2026-12-01)
// the versions in force are: cheques (from 2024-09-01), opleidingsverlof
// from 2025-09-01 (>= 80 % and >= 28 h a week), opleidingskrediet,
// zorgkrediet, and loopbaancheques 2025-10-01 to 2026-12-31 (never used one).
//
// What the course decides (READINGS "Readings"):
//   cheques:      databank or POP (POP is personal); not paid or asked by the
//                 employer (a course fact: blocks); diploma/POP is personal
//   verlof:       >= 32 hours (blocks), databank or POP
//   krediet:      opleiding-vok or POP
//   zorgkrediet:  >= 120 hours (blocks)
//   loopbaan:     nothing of the course

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import {
  REPO, startSite, launch, openPage, fixtureUrl, state, waitForScreen, answerAll, tabTo, shownResults, ids,
} from './helpers.mjs';

const COURSES = JSON.parse(fs.readFileSync(path.join(REPO, 'web/demo/courses.json'), 'utf8'));

// Criteria that stay open (the "for whom"), per incentive.
const PERSON_CHEQUES = ['statuut', 'woonplaats', 'diploma-hoger-onderwijs-pop'];
const PERSON_VERLOF = ['statuut', 'werkplaats-vlaanderen', 'tewerkstelling-80-procent', 'uren-per-week-28'];
const PERSON_KREDIET = ['statuut', 'werkplaats-vlaanderen', 'loopbaan-onderbreken', 'diploma-hoger-onderwijs-pop',
  'tijdskrediet-vorm-en-tewerkstelling'];
const LOOPBAAN = ['statuut', 'woonplaats', 'werkervaring-7-jaar', 'nooit-loopbaancheque-gebruikt'];

const EXPECTED = {
  // 10 hours, not in the databank, no VOK mark.
  'excel-basis': {
    possible: {
      opleidingscheques: [...PERSON_CHEQUES, 'opleiding-databank-of-pop'], // only through a POP
      'vlaams-opleidingskrediet': [...PERSON_KREDIET, 'opleiding-vok-of-pop'], // only through a POP
      loopbaancheques: LOOPBAAN,
    },
    blocked: { 'vlaams-opleidingsverlof': ['opleiding-32-uur'], 'vlaams-zorgkrediet-opleiding': ['opleiding-120-uur'] },
  },
  // 60 hours, in the databank.
  boekhouding: {
    possible: {
      opleidingscheques: PERSON_CHEQUES,
      'vlaams-opleidingsverlof': PERSON_VERLOF,
      'vlaams-opleidingskrediet': [...PERSON_KREDIET, 'opleiding-vok-of-pop'],
      loopbaancheques: LOOPBAAN,
    },
    blocked: { 'vlaams-zorgkrediet-opleiding': ['opleiding-120-uur'] },
  },
  // 400 hours, databank, VOK mark, higher education: everything is possible.
  'graduaat-verpleegkunde': {
    possible: {
      opleidingscheques: PERSON_CHEQUES,
      'vlaams-opleidingsverlof': PERSON_VERLOF,
      'vlaams-opleidingskrediet': PERSON_KREDIET,
      'vlaams-zorgkrediet-opleiding': ['statuut', 'loopbaan-onderbreken'],
      loopbaancheques: LOOPBAAN,
    },
    blocked: {},
  },
  // 40 hours, databank, paid by the employer.
  leidinggeven: {
    possible: {
      'vlaams-opleidingsverlof': PERSON_VERLOF,
      'vlaams-opleidingskrediet': [...PERSON_KREDIET, 'opleiding-vok-of-pop'],
      loopbaancheques: LOOPBAAN,
    },
    blocked: { opleidingscheques: ['niet-via-werkgever'], 'vlaams-zorgkrediet-opleiding': ['opleiding-120-uur'] },
  },
};

// A private-sector employee in Flanders, full time, secondary diploma, 12
// years of work, never a loopbaancheque, no time credit, nothing in a POP.
const PERSON = {
  statuut: 'werknemer-prive', woonplaats: 'vlaanderen', tewerkstellingsplaats: 'vlaanderen',
  tewerkstellingspercentage: 100, 'uren-per-week': 38, diploma: 'so', 'werkervaring-jaren': 12,
  'loopbaancheque-gebruikt': 'false', 'wil-loopbaan-onderbreken': 'false', 'opleiding-in-pop': 'false',
};
// Their results with each course (READINGS): krediet needs time credit and
// zorgkrediet the Flemish public sector, so neither; loopbaancheques always;
// federaal opleidingsrecht (private sector) under other support.
const RESULTS = {
  'excel-basis': ['loopbaancheques'], // no databank, no POP: no cheques; < 32 h: no verlof
  boekhouding: ['opleidingscheques', 'vlaams-opleidingsverlof', 'loopbaancheques'],
  'graduaat-verpleegkunde': ['opleidingscheques', 'vlaams-opleidingsverlof', 'loopbaancheques'],
  leidinggeven: ['vlaams-opleidingsverlof', 'loopbaancheques'], // employer pays: no cheques
};

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

async function allSummaries(page) {
  await page.waitForFunction(() => {
    const guides = [...document.querySelectorAll('wegwijzer-guide')];
    return guides.length && guides.every((g) => g.shadowRoot?.querySelector('.ww-screen')?.dataset.screen === 'course');
  }, null, { timeout: 15000 });
  return page.evaluate(() => [...document.querySelectorAll('wegwijzer-guide')].map((g) => {
    const root = g.shadowRoot;
    const items = (group) => Object.fromEntries([...root.querySelectorAll(`[data-group="${group}"] [data-result]`)]
      .map((li) => [li.dataset.result, [...li.querySelectorAll('[data-criterion]')].map((c) => c.dataset.criterion).sort()]));
    const texts = (group) => Object.fromEntries([...root.querySelectorAll(`[data-group="${group}"] [data-result]`)]
      .map((li) => [li.dataset.result, li.textContent]));
    const amounts = Object.fromEntries([...root.querySelectorAll('[data-group="possible"] [data-result]')]
      .map((li) => [li.dataset.result, [...li.querySelectorAll('.ww-amounts__value')].map((e) => e.textContent)]));
    return {
      course: g.closest('[data-course]')?.dataset.course ?? null,
      amounts,
      possible: items('possible'),
      blocked: items('blocked'),
      possibleText: texts('possible'),
      blockedText: texts('blocked'),
      button: !!root.querySelector('[data-action="check-situation"]'),
    };
  }));
}

const sorted = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, [...v].sort()]));

test('the catalogue: each course card has the right summary, without a button', async () => {
  const { page, context, log } = await openPage(browser);
  await page.goto(`${site.url}opleidingen.html`);
  const shown = await allSummaries(page);
  assert.deepEqual(shown.map((s) => s.course), COURSES.map((c) => c.slug), 'one summary per course, in order');
  for (const s of shown) {
    const want = EXPECTED[s.course];
    assert.deepEqual(s.possible, sorted(want.possible), `${s.course}: what it can unlock, and for whom`);
    assert.deepEqual(s.blocked, sorted(want.blocked), `${s.course}: what it cannot unlock`);
    assert.equal(s.button, false, 'a listing has no questions');
  }
  // The reasons and the "for whom" are the rules' own texts.
  const excel = shown.find((s) => s.course === 'excel-basis');
  assert.match(excel.blockedText['vlaams-opleidingsverlof'], /Vlaams opleidingsverlof: De opleiding heeft minder dan 32 lesuren/);
  const work = shown.find((s) => s.course === 'leidinggeven');
  assert.match(work.blockedText.opleidingscheques, /Je werkgever betaalt de opleiding/);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  // Four guides, one bundle request: they share it.
  const bundleRequests = log.requests.filter((r) => r.url.endsWith('.dsse.json') && !r.url.endsWith('fallback.dsse.json'));
  assert.equal(bundleRequests.length, 1, bundleRequests.map((r) => r.url).join(', '));
  await context.close();
});

for (const course of COURSES) {
  test(`course page "${course.slug}": the summary, then only personal questions, then the results`, async () => {
    const { page, context, log } = await openPage(browser);
    await page.goto(`${site.url}opleiding-${course.slug}.html`);
    const [s] = await allSummaries(page);
    const want = EXPECTED[course.slug];
    assert.deepEqual(s.possible, sorted(want.possible));
    assert.deepEqual(s.blocked, sorted(want.blocked));
    assert.ok(s.button, 'the button to check one\'s own situation');
    if (want.possible['vlaams-opleidingsverlof']) {
      // "opleidingsverlof: als je in de privésector werkt, in Vlaanderen"
      assert.match(s.possibleText['vlaams-opleidingsverlof'], /Als:.*Je werkt in de privésector\..*Je werkplaats ligt in Vlaanderen\./s);
    }
    // Amounts the course alone settles: outside higher education the cheque
    // ceiling is 250 euros (the government pays half, 125), whatever the
    // person's diploma; in higher education it depends on the diploma (500
    // or 250), so no amount is shown yet. No other amount is settled by a
    // course alone (verlof hours and krediet premiums are the person's).
    const cheques = course.facts['opleiding-hoger-onderwijs'] ? [] : [/€\s?250/, /€\s?125/];
    if (s.amounts.opleidingscheques) {
      assert.equal(s.amounts.opleidingscheques.length, cheques.length, `${course.slug}: ${s.amounts.opleidingscheques}`);
      cheques.forEach((re, k) => assert.match(s.amounts.opleidingscheques[k], re));
    }
    for (const [id, shownAmounts] of Object.entries(s.amounts)) {
      if (id !== 'opleidingscheques') assert.deepEqual(shownAmounts, [], `${course.slug}: ${id} shows no amount`);
    }
    assert.equal((await state(page)).headingFocused, false, 'the summary does not take the focus');

    // The questionnaire, by keyboard: the course facts are filled in, so no
    // course question (answerAll fails on any question PERSON lacks).
    await tabTo(page, (a) => a.action === 'check-situation');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'question');
    assert.ok((await state(page)).headingFocused, 'the first question gets the focus');
    const asked = await answerAll(page, PERSON);
    for (const id of asked) assert.ok(!Object.hasOwn(course.facts, id), `asked the course question ${id}`);
    // The check page lists the course's facts, without "Wijzig".
    const facts = await page.evaluate(() => [...document.querySelector('wegwijzer-guide').shadowRoot
      .querySelectorAll('[data-fact]')].map((r) => ({ id: r.dataset.fact, button: !!r.querySelector('button') })));
    assert.deepEqual(facts.map((f) => f.id).sort(), Object.keys(course.facts).sort());
    assert.ok(facts.every((f) => !f.button));

    await tabTo(page, (a) => a.action === 'results');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'results');
    const shown = await shownResults(page);
    assert.deepEqual(ids(shown.eligible), RESULTS[course.slug]);
    assert.deepEqual(ids(shown.other), ['federaal-opleidingsrecht']);
    if (course.slug === 'graduaat-verpleegkunde') {
      // Kort/middengeschoold starting higher education: ceiling € 500.
      assert.match(shown.eligible[0].text, /€\s?500/);
    } else if (RESULTS[course.slug].includes('opleidingscheques')) {
      assert.match(shown.eligible[0].text, /€\s?250/);
    }
    assert.deepEqual(log.consoleErrors, []);
    assert.deepEqual(log.pageErrors, []);
    await context.close();
  });
}

test('Back from the first question returns to the summary; "Opnieuw beginnen" too, with nothing kept', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(`${site.url}opleiding-boekhouding.html`);
  await allSummaries(page);
  await page.locator('wegwijzer-guide [data-action="check-situation"]').click();
  await waitForScreen(page, 'question');
  await tabTo(page, (a) => a.action === 'back');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'course');
  assert.ok((await state(page)).headingFocused, 'the summary heading gets the focus');

  await page.locator('wegwijzer-guide [data-action="check-situation"]').click();
  await waitForScreen(page, 'question');
  await answerAll(page, PERSON);
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  await tabTo(page, (a) => a.action === 'restart');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'course');
  await page.locator('wegwijzer-guide [data-action="check-situation"]').click();
  await waitForScreen(page, 'question');
  assert.doesNotMatch((await state(page)).progress, /beantwoord/, 'no answers kept');
  await context.close();
});

test('a fact the core refuses (a personal question, a wrong value) is left out and reported', async () => {
  const { page, context, log } = await openPage(browser);
  const facts = { 'opleiding-in-databank': true, 'opleiding-uren': 5000, statuut: 'werkzoekende', 'opleiding-betaald-door-werkgever': false };
  await page.goto(fixtureUrl(site, { mode: 'course', 'course-facts': JSON.stringify(facts) }));
  const [s] = await allSummaries(page);
  // statuut would block every incentive, 5000 hours (over the maximum) would
  // unlock zorgkrediet: neither counts.
  assert.ok(s.possible.opleidingscheques.includes('statuut'), 'the person\'s status is still open');
  assert.ok(s.possible['vlaams-zorgkrediet-opleiding'].includes('opleiding-120-uur'), 'the hours are still open');
  assert.equal(log.consoleErrors.length, 2, log.consoleErrors.join('\n'));
  assert.match(log.consoleErrors.join('\n'), /"statuut".*left out/);
  assert.match(log.consoleErrors.join('\n'), /"opleiding-uren".*left out/);
  // The questionnaire skips the course questions the page did not give (or
  // gave wrongly): they stay open.
  await page.locator('wegwijzer-guide [data-action="check-situation"]').click();
  await waitForScreen(page, 'question');
  const asked = await answerAll(page, PERSON);
  assert.ok(!asked.some((id) => id.startsWith('opleiding-') && id !== 'opleiding-in-pop'), `asked: ${asked}`);
  assert.ok(asked.includes('statuut'), 'the person is asked their status');
  await context.close();
});

test('the summary in English', async () => {
  const { page, context } = await openPage(browser);
  const facts = COURSES.find((c) => c.slug === 'excel-basis').facts;
  await page.goto(fixtureUrl(site, { mode: 'course', 'course-facts': JSON.stringify(facts), lang: 'en' }));
  const [s] = await allSummaries(page);
  assert.match(s.blockedText['vlaams-opleidingsverlof'], /fewer than 32/i);
  assert.match(await page.locator('wegwijzer-guide [data-action="check-situation"]').textContent(), /Check your own situation/);
  await context.close();
});

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
for (const width of [1280, 320]) {
  for (const [name, file, open] of [
    ['the catalogue (conditions unfolded)', 'opleidingen.html', true],
    ['a course page with the summary', 'opleiding-leidinggeven.html', false],
    ['a course page, the check page with the facts', 'opleiding-excel-basis.html', 'check'],
  ]) {
    test(`axe: ${name} at ${width}px`, async () => {
      const { page, context } = await openPage(browser, { width, height: 800 });
      await page.goto(`${site.url}${file}`);
      await allSummaries(page);
      if (open === true) {
        for (const d of await page.locator('wegwijzer-guide details').all()) await d.evaluate((el) => { el.open = true; });
      } else if (open === 'check') {
        await page.locator('wegwijzer-guide [data-action="check-situation"]').click();
        await waitForScreen(page, 'question');
        await answerAll(page, PERSON);
      }
      const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const targets = await new AxeBuilder({ page }).withRules(['target-size']).analyze();
      const found = [...result.violations, ...targets.violations]
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`);
      assert.deepEqual(found, []);
      assert.ok(result.passes.length > 5);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1), false,
        'the page scrolls sideways');
      await context.close();
    });
  }
}
