// Course pages (mode="course" and "course-summary"): the summary of what a
// course can unlock, and for whom, from the core's course view of the facts
// the page passes; then only the personal questions that remain.
//
// The expected summaries and results are worked out by hand from
// rules/opleidingsincentives/READINGS.md (and the criterion ids of
// ruleset.json), not copied from the guide's output. On TODAY (2026-12-01)
// the versions in force are: cheques, opleidingsverlof (>= 80 % and >= 28 h
// a week), opleidingskrediet and zorgkrediet from 2026-09-01, and
// loopbaancheques 2025-10-01 to 2026-12-31 (never used one).
//
// What the course decides (READINGS "Readings"):
//   cheques:      databank or POP (POP is personal); not paid or asked by the
//                 employer (personal since 2026-12: whether the employer pays
//                 is the person's situation, not the course's); diploma/POP
//                 is personal
//   verlof:       >= 32 hours or >= 3 study points (blocks), databank or POP
//   krediet:      opleiding-vok or POP; >= 120 hours or >= 9 study points (blocks)
//   zorgkrediet:  >= 120 hours or >= 9 study points (blocks)
//   loopbaan:     nothing of the course: not among what the course can
//                 unlock, but in the one line "Ook voor jou" (the core's
//                 `course`: false, rules-format.md §9)

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO, startSite, launch, openPage, fixtureUrl, state, waitForScreen, answerAll, tabTo, shownResults, ids, inGuide, axe, ASSETS,
} from './helpers.mjs';

const COURSES = JSON.parse(fs.readFileSync(path.join(REPO, 'web/demo/courses.json'), 'utf8'));

// Criteria that stay open (the "for whom"), per incentive.
const PERSON_CHEQUES = ['statuut', 'woonplaats', 'diploma-hoger-onderwijs-pop', 'niet-via-werkgever'];
const PERSON_VERLOF = ['statuut', 'werkplaats-vlaanderen', 'tewerkstelling-80-procent', 'uren-per-week-28'];
const PERSON_KREDIET = ['statuut', 'werkplaats-vlaanderen', 'loopbaan-onderbreken', 'diploma-hoger-onderwijs-pop',
  'tijdskrediet-vorm-en-tewerkstelling'];
const PERSON_ZORG = ['statuut', 'loopbaan-onderbreken', 'zorgkrediet-vorm'];
// Incentives that no course decides: the same "Ook voor jou" line on every page.
const ALSO = ['loopbaancheques'];
// What a course of fewer than 120 hours and 9 study points cannot unlock,
// and one of fewer than 32 hours and 3 study points.
const UNDER_120 = {
  'vlaams-opleidingskrediet': ['opleiding-minimum-rva'], 'vlaams-zorgkrediet-opleiding': ['opleiding-120-uur-of-9-studiepunten'],
};
const SHORT = { ...UNDER_120, 'vlaams-opleidingsverlof': ['opleiding-32-uur-of-3-studiepunten'] };

const EXPECTED = {
  // 10 hours, no study points, not in the databank, no VOK mark.
  'excel-basis': {
    possible: {
      opleidingscheques: [...PERSON_CHEQUES, 'opleiding-databank-of-pop'], // only through a POP
    },
    blocked: SHORT,
  },
  // 60 hours, no study points, in the databank.
  boekhouding: {
    possible: {
      opleidingscheques: PERSON_CHEQUES,
      'vlaams-opleidingsverlof': PERSON_VERLOF,
    },
    blocked: UNDER_120,
  },
  // 400 hours (30 study points), databank, VOK mark, higher education:
  // everything is possible.
  'graduaat-verpleegkunde': {
    possible: {
      opleidingscheques: PERSON_CHEQUES,
      'vlaams-opleidingsverlof': PERSON_VERLOF,
      'vlaams-opleidingskrediet': PERSON_KREDIET,
      'vlaams-zorgkrediet-opleiding': PERSON_ZORG,
    },
    blocked: {},
  },
  // 40 hours, no study points, databank (whether the employer pays is asked
  // of the person).
  leidinggeven: {
    possible: {
      opleidingscheques: PERSON_CHEQUES,
      'vlaams-opleidingsverlof': PERSON_VERLOF,
    },
    blocked: UNDER_120,
  },
};

// A private-sector employee in Flanders, full time, secondary diploma, 12
// years of work, never a loopbaancheque, no time credit, nothing in a POP,
// paying the course themselves.
const PERSON = {
  statuut: 'werknemer-prive', woonplaats: 'vlaanderen', tewerkstellingsplaats: 'vlaanderen',
  tewerkstellingspercentage: 100, 'tewerkstellingspercentage-maart': 100, 'uren-per-week': 38, diploma: 'so',
  'werkervaring-jaren': 12, 'loopbaancheque-gebruikt': 'false', 'wil-loopbaan-onderbreken': 'false',
  'opleiding-in-pop': 'false', 'opleiding-betaald-door-werkgever': 'false',
};
// Their results with each course (READINGS): krediet needs time credit and
// zorgkrediet the Flemish public sector, so neither; loopbaancheques always;
// federaal opleidingsrecht (private sector) "possible" (its rules never say eligible).
const RESULTS = {
  'excel-basis': ['loopbaancheques'], // no databank, no POP: no cheques; < 32 h: no verlof
  boekhouding: ['opleidingscheques', 'vlaams-opleidingsverlof', 'loopbaancheques'],
  'graduaat-verpleegkunde': ['opleidingscheques', 'vlaams-opleidingsverlof', 'loopbaancheques'],
  leidinggeven: ['opleidingscheques', 'vlaams-opleidingsverlof', 'loopbaancheques'],
};

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

async function allSummaries(page) {
  await page.waitForFunction(() => {
    const guides = [...document.querySelectorAll('wegwijzer-guide')];
    return guides.length && guides.every((g) => __testShadowRoot(g)?.querySelector('.ww-screen')?.dataset.screen === 'course');
  }, null, { timeout: 15000 });
  return page.evaluate(() => [...document.querySelectorAll('wegwijzer-guide')].map((g) => {
    const root = __testShadowRoot(g);
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
      also: [...root.querySelectorAll('[data-group="also"] [data-result]')].map((e) => e.dataset.result),
      alsoText: root.querySelector('[data-group="also"]')?.textContent ?? null,
      possibleText: texts('possible'),
      blockedText: texts('blocked'),
      button: !!root.querySelector('[data-action="check-situation"]'),
      top: [...root.querySelector('[data-course-view]').children].slice(0, 2)
        .map((e) => e.dataset.action || e.querySelector('[data-action]')?.dataset.action || e.tagName),
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
    assert.deepEqual(s.also, ALSO, `${s.course}: what no course decides, in one line`);
    assert.equal(s.button, false, 'a listing has no questions');
  }
  // The reasons and the "for whom" are the rules' own texts.
  const excel = shown.find((s) => s.course === 'excel-basis');
  // What is refused is short: the name and the reason, nothing else (the
  // cautions come with the results, after the questions).
  assert.match(excel.blockedText['vlaams-opleidingsverlof'], /^Vlaams opleidingsverlof: De opleiding heeft minder dan 32 lesuren/);
  assert.doesNotMatch(excel.blockedText['vlaams-opleidingsverlof'], /Let op|examencommissie|2026-2027/);
  assert.deepEqual(log.consoleErrors, []);
  assert.deepEqual(log.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  // Four guides, one bundle request: they share it.
  const bundleRequests = log.requests.filter((r) => r.url.endsWith('.dsse.json') && !r.url.endsWith(ASSETS.fallback));
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
    assert.deepEqual(s.top, ['H2', 'check-situation'], 'the button comes right under the heading');
    // Loopbaancheques do not depend on the course: not among what it can
    // unlock, but in the one line for what every course page would repeat.
    assert.ok(!('loopbaancheques' in s.possible), 'loopbaancheques are not unlocked by the course');
    assert.deepEqual(s.also, ALSO);
    assert.match(s.alsoText, /^Ook voor jou: Loopbaancheques\. Dat hangt niet af van de opleiding\./);
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
    const facts = await page.evaluate(() => [...__testShadowRoot()
      .querySelectorAll('[data-fact]')].map((r) => ({ id: r.dataset.fact, button: !!r.querySelector('button') })));
    assert.deepEqual(facts.map((f) => f.id).sort(), Object.keys(course.facts).sort());
    assert.ok(facts.every((f) => !f.button));

    await tabTo(page, (a) => a.action === 'results');
    await page.keyboard.press('Enter');
    await waitForScreen(page, 'results');
    const shown = await shownResults(page);
    assert.deepEqual(ids(shown.eligible), RESULTS[course.slug]);
    // Federaal opleidingsrecht (private sector): its rules never say eligible
    // ("maxStatus": "unknown"), so it shows among the possible results.
    assert.deepEqual([...ids(shown.possible), ...ids(shown.other)], ['federaal-opleidingsrecht']);
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

// On a phone the way to one's own result is on the first screen, however
// long the lists are (review 2026-12: it was at y = 3,974 px).
test('on a 320 x 640 phone, "Bekijk wat jij krijgt" is on the first screen of every demo course page', async (t) => {
  const { page, context } = await openPage(browser, { width: 320, height: 640 });
  const found = [];
  for (const course of COURSES) {
    await page.goto(`${site.url}opleiding-${course.slug}.html`);
    await allSummaries(page);
    const box = await (await inGuide(page, '[data-action="check-situation"]')).boundingBox();
    const scrolled = await page.evaluate(() => window.scrollY);
    found.push(`${course.slug}: ${Math.round(box.y + scrolled)}-${Math.round(box.y + scrolled + box.height)} px`);
    assert.equal(scrolled, 0, 'the page opens at the top');
    assert.ok(box.y >= 0 && box.y + box.height <= 640, `${course.slug}: the button's bottom edge is at ${box.y + box.height} px`);
  }
  t.diagnostic(found.join(', '));
  await context.close();
});

test('Back from the first question returns to the summary; "Opnieuw beginnen" too, with nothing kept', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(`${site.url}opleiding-boekhouding.html`);
  await allSummaries(page);
  await (await inGuide(page, '[data-action="check-situation"]')).click();
  await waitForScreen(page, 'question');
  await tabTo(page, (a) => a.action === 'back');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'course');
  assert.ok((await state(page)).headingFocused, 'the summary heading gets the focus');

  await (await inGuide(page, '[data-action="check-situation"]')).click();
  await waitForScreen(page, 'question');
  await answerAll(page, PERSON);
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  await tabTo(page, (a) => a.action === 'restart');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'course');
  await (await inGuide(page, '[data-action="check-situation"]')).click();
  await waitForScreen(page, 'question');
  assert.doesNotMatch((await state(page)).progress, /beantwoord/, 'no answers kept');
  await context.close();
});

test('a fact the core refuses (a personal question, a wrong value) is left out and reported', async () => {
  const { page, context, log } = await openPage(browser);
  // Two personal questions passed as facts: statuut, and whether the
  // employer pays (personal: it is the person's situation, not the course's).
  const facts = {
    'opleiding-in-databank': true, 'opleiding-uren': 5000, statuut: 'werkzoekende', 'opleiding-betaald-door-werkgever': true,
  };
  await page.goto(fixtureUrl(site, { mode: 'course', 'course-facts': JSON.stringify(facts) }));
  const [s] = await allSummaries(page);
  // statuut would block every incentive, the employer paying would block the
  // cheques, 5000 hours (over the maximum) would unlock zorgkrediet: none counts.
  assert.ok(s.possible.opleidingscheques.includes('statuut'), 'the person\'s status is still open');
  assert.ok(s.possible.opleidingscheques.includes('niet-via-werkgever'), 'who pays is still open: not locked by the page');
  assert.ok(s.possible['vlaams-zorgkrediet-opleiding'].includes('opleiding-120-uur-of-9-studiepunten'),
    'the hours are still open');
  assert.equal(log.consoleErrors.length, 3, log.consoleErrors.join('\n'));
  assert.match(log.consoleErrors.join('\n'), /"statuut".*left out/);
  assert.match(log.consoleErrors.join('\n'), /"opleiding-betaald-door-werkgever".*personal question.*left out/);
  assert.match(log.consoleErrors.join('\n'), /"opleiding-uren".*left out/);
  // The questionnaire skips the course questions the page did not give (or
  // gave wrongly): they stay open. The personal ones are asked.
  await (await inGuide(page, '[data-action="check-situation"]')).click();
  await waitForScreen(page, 'question');
  const asked = await answerAll(page, PERSON);
  const personal = ['opleiding-in-pop', 'opleiding-betaald-door-werkgever'];
  assert.ok(!asked.some((id) => id.startsWith('opleiding-') && !personal.includes(id)), `asked: ${asked}`);
  assert.ok(asked.includes('statuut'), 'the person is asked their status');
  assert.ok(asked.includes('opleiding-betaald-door-werkgever'), 'the person is asked who pays');
  const given = await page.evaluate(() => [...__testShadowRoot()
    .querySelectorAll('[data-fact]')].map((r) => r.dataset.fact));
  assert.ok(!given.includes('opleiding-betaald-door-werkgever'), `not listed as a fact of the course: ${given}`);
  await context.close();
});

test('on a course page the person is asked whether the employer pays; yes: no training vouchers', async () => {
  const { page, context, log } = await openPage(browser);
  await page.goto(`${site.url}opleiding-boekhouding.html`);
  const [s] = await allSummaries(page);
  assert.ok(s.possible.opleidingscheques.includes('niet-via-werkgever'), 'the summary: "if your employer does not pay"');
  await (await inGuide(page, '[data-action="check-situation"]')).click();
  await waitForScreen(page, 'question');
  const asked = await answerAll(page, { ...PERSON, 'opleiding-betaald-door-werkgever': 'true' });
  assert.ok(asked.includes('opleiding-betaald-door-werkgever'), `asked: ${asked}`);
  // The question as the person sees it ("Wijzig" on the check page leads back to it).
  await (await inGuide(page, '[data-question="opleiding-betaald-door-werkgever"]')).focus();
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question', 'opleiding-betaald-door-werkgever');
  assert.match((await state(page)).heading, /^Betaalt je werkgever de opleiding/);
  await tabTo(page, (a) => a.action === 'next');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'check');
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  const shown = await shownResults(page);
  assert.ok(!ids(shown.eligible).includes('opleidingscheques'), `eligible: ${ids(shown.eligible)}`);
  assert.ok(ids(shown['not-eligible']).includes('opleidingscheques'), 'the vouchers under "why not"');
  const reason = await page.evaluate(() => [...__testShadowRoot()
    .querySelectorAll('[data-group="not-eligible"] [data-result="opleidingscheques"] .ww-reason--not-met')].length);
  assert.equal(reason, 1, 'one reason: who pays');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('the summary in English', async () => {
  const { page, context } = await openPage(browser);
  const facts = COURSES.find((c) => c.slug === 'excel-basis').facts;
  await page.goto(fixtureUrl(site, { mode: 'course', 'course-facts': JSON.stringify(facts), lang: 'en' }));
  const [s] = await allSummaries(page);
  assert.match(s.blockedText['vlaams-opleidingsverlof'], /fewer than 32/i);
  assert.match(s.alsoText, /^Also for you: Career vouchers.*\. That does not depend on the course\./);
  assert.match(await (await inGuide(page, '[data-action="check-situation"]')).textContent(), /Check your own situation/);
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
        await page.evaluate(() => {
          for (const g of document.querySelectorAll('wegwijzer-guide')) {
            for (const d of __testShadowRoot(g).querySelectorAll('details')) d.open = true;
          }
        });
      } else if (open === 'check') {
        await (await inGuide(page, '[data-action="check-situation"]')).click();
        await waitForScreen(page, 'question');
        await answerAll(page, PERSON);
      }
      const result = await axe(page, { tags: TAGS });
      const targets = await axe(page, { rules: ['target-size'] });
      const found = [...result.violations, ...targets.violations]
        .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' > ')).join('; ')})`);
      assert.deepEqual(found, []);
      assert.ok(result.passes.length > 5);
      assert.ok(result.inGuide > 5, 'axe checked the inside of the guides\' closed roots (helpers.axe)');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1), false,
        'the page scrolls sideways');
      await context.close();
    });
  }
}
