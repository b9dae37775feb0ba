// The whole flow, keyboard only, for several people (the example ruleset,
// whose expectations are fixed in rules/example/cases): one question per
// screen in the order the core chooses, focus on each new heading, the check
// page with its "Wijzig" buttons, the grouped results and their live region.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startSite, launch, openPage, fixtureUrl, state, waitForScreen, answerAll, answerAnything, answer, announced, tabTo,
  shownResults, ids, dontKnow, nextScreen, inGuide, afterFrame, BUILT_IN,
} from './helpers.mjs';

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

const EXAMPLE = { bundle: 'bundles/example.dsse.json', 'ruleset-id': 'example', date: '2025-09-01' };

const WERKNEMER = {
  statuut: 'werknemer', woonplaats: 'vlaanderen', tewerkstellingspercentage: 100, 'uren-per-week': 38,
  diploma: 'so', 'opleiding-in-databank': 'true', 'opleiding-uren': 60, 'opleiding-startdatum': '2025-10-01',
};

async function start(params = EXAMPLE) {
  const { page, log, context } = await openPage(browser);
  await page.goto(fixtureUrl(site, params));
  await waitForScreen(page, 'question');
  return { page, log, context };
}

// From the check page to the results, by keyboard.
async function toResults(page) {
  await waitForScreen(page, 'check');
  assert.ok((await state(page)).headingFocused, 'the check page heading has the focus');
  await tabTo(page, (a) => a.action === 'results');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'results');
  const s = await state(page);
  assert.ok(s.headingFocused, 'the results heading has the focus');
}

test('employee in Flanders with a secondary diploma: vouchers and training leave', async () => {
  const { page, context } = await start();
  const live = () => page.evaluate(() => {
    const el = __testShadowRoot().querySelector('[data-live]');
    return { role: el.getAttribute('role'), polite: el.getAttribute('aria-live'), text: el.textContent };
  });
  assert.deepEqual(await live(), { role: 'status', polite: 'polite', text: '' }, 'the live region is there, silent, from the start');
  const asked = await answerAll(page, WERKNEMER);
  assert.equal((await live()).text, '', 'questions are not announced (the focus moves to them)');
  assert.equal(asked.length, 8, `asked: ${asked}`);
  await toResults(page);
  const shown = await shownResults(page);
  assert.deepEqual(ids(shown.eligible), ['opleidingscheques', 'vlaams-opleidingsverlof']);
  assert.equal(shown.possible, undefined);
  assert.equal(shown.other, undefined);
  assert.equal(shown['not-eligible'], undefined, 'no "Waarom niet?" when every incentive applies');
  const cheques = shown.eligible[0].text;
  assert.match(cheques, /€\s?250/, 'the voucher maximum in euro, nl-BE');
  assert.match(cheques, /€\s?125/, 'the government share');
  assert.match(shown.eligible[1].text, /125 uur/, 'training leave in hours');
  assert.match(cheques, /Vraag opleidingscheques aan in het WSE-loket/, 'how to apply');
  assert.match(cheques, /Let op/, 'cautions');
  assert.equal(await announced(page),
    'Je resultaat is klaar. Recht op: Opleidingscheques, Vlaams opleidingsverlof. Misschien: geen. Andere steun: geen.');
  await context.close();
});

test('the language can change mid-way: same answers, texts in the new language', async () => {
  const { page, context } = await start();
  await answer(page, await state(page), 'werknemer');
  await page.waitForFunction(() => __testShadowRoot()
    .querySelector('form[data-question]').dataset.question !== 'statuut');
  const before = await state(page);
  await page.evaluate(() => document.querySelector('wegwijzer-guide').setAttribute('lang', 'en'));
  const after = await state(page);
  assert.equal(after.question, before.question, 'the same question');
  assert.notEqual(after.heading, before.heading);
  assert.match(after.footer, /^Rules version 1 of 1 June 2025/);
  assert.match(await (await inGuide(page, 'button[data-action="next"]')).textContent(), /Continue/);
  assert.match(after.progress, /^1 question answered\./, 'the answer is kept');
  await context.close();
});

test('job seeker: VDAB under "other support", the incentives under "why not"', async () => {
  const { page, context } = await start();
  await answerAll(page, { statuut: 'werkzoekende', woonplaats: 'vlaanderen' });
  await toResults(page);
  const shown = await shownResults(page);
  assert.equal(shown.eligible, undefined);
  assert.deepEqual(ids(shown.other), ['vdab-opleiding-werkzoekenden']);
  assert.deepEqual(ids(shown['not-eligible']), ['opleidingscheques', 'vlaams-opleidingsverlof']);
  assert.match(shown['not-eligible'][0].text, /alleen voor werknemers/, 'the reason why not');
  const live = await announced(page);
  assert.match(live, /Je resultaat is klaar/);
  assert.match(live, /Andere steun: Gratis opleiding met begeleiding van VDAB/);
  await context.close();
});

test('employee in Wallonia with a higher diploma, in English: leave only', async () => {
  const { page, context } = await start({ ...EXAMPLE, lang: 'en' });
  assert.match((await state(page)).heading, /What do you mainly do now\?/);
  await answerAll(page, { ...WERKNEMER, woonplaats: 'wallonie', diploma: 'ho' }, 'en');
  await toResults(page);
  const shown = await shownResults(page);
  assert.deepEqual(ids(shown.eligible), ['vlaams-opleidingsverlof']);
  assert.deepEqual(ids(shown['not-eligible']), ['opleidingscheques']);
  assert.match(shown.eligible[0].text, /125 hours/);
  assert.match(await announced(page), /^Your result is ready\. Entitled to: Flemish training leave/);
  assert.match((await state(page)).footer, /Rules version 1 of 1 June 2025/);
  await context.close();
});

test('"I don\'t know" leaves a result open: "Possibly, if …" names the condition', async () => {
  const { page, context } = await start();
  await answerAll(page, { ...WERKNEMER, 'opleiding-in-databank': '?' });
  const check = await (await inGuide(page, '.ww-summary')).textContent();
  assert.match(check, /Ik weet het niet/, 'the check page shows the unknown answer');
  await toResults(page);
  const shown = await shownResults(page);
  assert.deepEqual(ids(shown.possible), ['opleidingscheques', 'vlaams-opleidingsverlof']);
  assert.match(shown.possible[0].text, /als:.*De opleiding staat in de Opleidingsdatabank/s);
  await context.close();
});

test('focus moves to each question heading; Back keeps the answers; Change returns to the check page', async () => {
  const { page, context } = await start();
  const first = await state(page);
  assert.equal(first.headingFocused, false, 'the first screen does not steal the focus from the host page');
  await answerAll(page, WERKNEMER); // asserts the heading focus after each answer
  // Back from the check page: the last question, with its answer kept.
  await tabTo(page, (a) => a.action === 'back');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question');
  let s = await state(page);
  assert.ok(s.headingFocused);
  const last = s.question;
  // "Wijzig" on the check page goes to that question and back to the check page.
  await tabTo(page, (a) => a.action === 'next');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'check');
  await tabTo(page, (a) => a.tag === 'BUTTON' && a.action === null);
  const target = await page.evaluate(() => __testShadowRoot().activeElement.dataset.question);
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question', target);
  s = await state(page);
  assert.ok(s.headingFocused, 'the changed question gets the focus');
  assert.notEqual(last, null);
  await tabTo(page, (a) => a.action === 'next');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'check');
  await context.close();
});

test('changing the status drops the answers that no longer apply', async () => {
  const { page, context } = await start();
  await answerAll(page, WERKNEMER);
  const rows = () => page.evaluate(() => [...__testShadowRoot()
    .querySelectorAll('.ww-summary [data-question]')].map((b) => b.dataset.question));
  assert.ok((await rows()).includes('uren-per-week'));
  await (await inGuide(page, '[data-question="statuut"]')).focus();
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question', 'statuut');
  await tabTo(page, (a) => a.tag === 'INPUT'); // the checked option
  await page.keyboard.press('ArrowDown'); // werknemer -> zelfstandige
  await tabTo(page, (a) => a.action === 'next');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'check');
  const after = await rows();
  assert.ok(!after.includes('uren-per-week') && !after.includes('tewerkstellingspercentage'), `rows: ${after}`);
  await context.close();
});

test('a wrong number gets a clear error on the same question', async () => {
  const { page, context } = await start();
  await answerAll(page, WERKNEMER);
  await (await inGuide(page, '[data-question="uren-per-week"]')).focus();
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question', 'uren-per-week');
  await tabTo(page, (a) => a.tag === 'INPUT');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('99');
  await page.keyboard.press('Enter');
  const s = await state(page);
  assert.equal(s.question, 'uren-per-week');
  assert.match(s.error, /Geef een getal van 0 tot en met 60/);
  assert.equal(s.active.tag, 'INPUT', 'the focus is on the wrong field');
  await context.close();
});

test('the real ruleset built into dist/ runs to a result', async () => {
  const { page, context, log } = await start({ date: '2026-12-01' });
  await answerAnything(page);
  await toResults(page);
  const s = await state(page);
  assert.match(s.footer, new RegExp(`Regels versie ${BUILT_IN.version}`));
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

// Answers from `profile`, and "I don't know" to any other question: for the
// real ruleset, whose authors may add questions that a test does not need.
async function answerOrDontKnow(page, profile) {
  for (let step = 0; step < 60; step += 1) {
    const s = await state(page);
    if (s.screen !== 'question') return;
    if (Object.hasOwn(profile, s.question)) await answer(page, s, profile[s.question]);
    else await dontKnow(page);
    await nextScreen(page, s.question);
  }
  throw new Error('too many questions');
}

test('a refusal keeps its cautions, on screen and on paper (the real ruleset)', async () => {
  // A private-sector employee working in Flanders at 60 %: not enough for
  // Vlaams opleidingsverlof (80 % since 2025-26), a rule whose caution says
  // it is not confirmed: exactly what the person must see with the "no".
  const { page, context, log } = await start({ date: '2026-12-01' });
  await answerOrDontKnow(page, {
    statuut: 'werknemer-prive', woonplaats: 'vlaanderen', tewerkstellingsplaats: 'vlaanderen',
    tewerkstellingspercentage: 60, 'tewerkstellingspercentage-maart': 60, 'uren-per-week': 23,
  });
  await toResults(page);
  const shown = await shownResults(page);
  assert.ok(ids(shown['not-eligible']).includes('vlaams-opleidingsverlof'), `not eligible: ${ids(shown['not-eligible'])}`);
  const card = '[data-group="not-eligible"] [data-result="vlaams-opleidingsverlof"]';
  const texts = await page.evaluate((c) => [...__testShadowRoot().querySelectorAll(`${c} [data-cautions] li`)]
    .map((li) => li.textContent), card);
  assert.ok(texts.length > 0 && texts.every((t) => t.trim() !== ''), `the cautions of the card: ${JSON.stringify(texts)}`);
  assert.ok(texts.some((t) => t.includes('80 procent')), `a caution on the 80 % rule: ${JSON.stringify(texts)}`);
  const caution = (await page.evaluateHandle((c) => [...__testShadowRoot().querySelectorAll(`${c} [data-cautions] li`)]
    .find((li) => li.textContent.includes('80 procent')), card)).asElement();
  assert.equal(await caution.isVisible(), false, 'on screen it is folded away under "Waarom niet?"');

  // On paper every <details> shows its content (no beforeprint here: the
  // print stylesheet alone must do it).
  await page.emulateMedia({ media: 'print' });
  assert.equal(await caution.isVisible(), true, 'the caution is printed');
  const paper = await page.evaluate(() => __testShadowRoot().querySelector('.ww').innerText);
  assert.match(paper, /80 procent/);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await caution.isVisible(), false, 'folded again on screen');

  // And a real print: beforeprint opens the details, afterprint closes them again.
  const open = () => page.evaluate(() => __testShadowRoot()
    .querySelector('details[data-group="not-eligible"]').open);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  assert.equal(await open(), true);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await open(), false);
  // Something applies: the page still ends with where to ask, without the
  // "nothing applies" advice.
  const next = await (await inGuide(page, '[data-next-steps]')).innerText();
  assert.match(next, /1700/);
  assert.doesNotMatch(next, /VDAB/);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('nothing applies: the results end with where to turn, not a dead end (the real ruleset)', async () => {
  // A teacher (Flemish public sector) who lives and works in Brussels, with a
  // higher education diploma, 6 years of work, a 40-hour course outside any
  // plan, not taking a break: no incentive and no referral applies.
  const { page, context, log } = await start({ date: '2026-12-01' });
  await answerOrDontKnow(page, {
    statuut: 'werknemer-publiek-vlaams', woonplaats: 'brussel', tewerkstellingsplaats: 'brussel', tewerkstellingspercentage: 100,
    diploma: 'ho', 'werkervaring-jaren': 6, 'loopbaancheque-gebruikt': 'false', 'wil-loopbaan-onderbreken': 'false',
    'opleiding-in-pop': 'false', 'opleiding-in-databank': 'true', 'opleiding-vok': 'false', 'opleiding-hoger-onderwijs': 'false',
    'opleiding-uren': 40, 'opleiding-studiepunten': 0, 'opleiding-betaald-door-werkgever': 'false',
  });
  await toResults(page);
  const shown = await shownResults(page);
  assert.deepEqual([...ids(shown.eligible), ...ids(shown.possible), ...ids(shown.other)], [], JSON.stringify(shown));
  const next = await inGuide(page, '[data-next-steps]');
  assert.equal(await next.isVisible(), true);
  const text = await next.innerText();
  assert.match(text, /Wat kan je nu doen\?/);
  assert.match(text, /werkgever/);
  assert.match(text, /VDAB/);
  assert.match(text, /bel gratis 1700/i);
  assert.equal(await next.evaluate((el) => el.querySelectorAll('a[href^="https://www.vdab.be/"]').length), 1, 'a link to VDAB');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

// The value a question shows as given (a checked option or a typed number).
function shownValue(page) {
  return page.evaluate(() => {
    const form = __testShadowRoot().querySelector('form[data-question]');
    const checked = form.querySelector('input[type=radio]:checked');
    return checked ? checked.value : (form.querySelector('input:not([type=radio])')?.value ?? null);
  });
}

// Answers the first `count` questions as WERKNEMER; returns their ids.
async function answerFirst(page, count) {
  const asked = [];
  for (let k = 0; k < count; k += 1) {
    const s = await state(page);
    asked.push(s.question);
    await answer(page, s, WERKNEMER[s.question]);
    await nextScreen(page, s.question);
  }
  return asked;
}

test("the browser's Back and Forward move between the guide's questions, answers kept, URL unchanged", async () => {
  const { page, context, log } = await start();
  const url = page.url();
  const asked = await answerFirst(page, 3);
  const third = (await state(page)).question;
  // A person reads the screen before pressing Back; by then its history entry
  // is written (the same moment is the next test).
  await afterFrame(page);
  await page.goBack();
  await waitForScreen(page, 'question', asked[2]);
  assert.equal(String(await shownValue(page)), String(WERKNEMER[asked[2]]), 'the answer is still there');
  assert.ok((await state(page)).headingFocused, 'the focus is on the question');
  await page.goBack();
  await waitForScreen(page, 'question', asked[1]);
  assert.equal(String(await shownValue(page)), String(WERKNEMER[asked[1]]));
  await page.goForward();
  await waitForScreen(page, 'question', asked[2]);
  // The guide's own Back button and the browser's history stay in step.
  await tabTo(page, (a) => a.action === 'back');
  await page.keyboard.press('Enter');
  await waitForScreen(page, 'question', asked[1]);
  await page.goForward();
  await waitForScreen(page, 'question', asked[2]);
  await page.goForward();
  await waitForScreen(page, 'question', third);
  assert.equal(page.url(), url, 'the URL never changes');
  // To the results; Back from there is the check page, not another site.
  await answerAll(page, WERKNEMER);
  await toResults(page);
  await afterFrame(page);
  await page.goBack();
  await waitForScreen(page, 'check');
  assert.equal(page.url(), url);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test("Back pressed in the same moment as an answer goes back one screen from the one shown, Forward still works", async () => {
  const { page, context, log } = await start();
  const url = page.url();
  const asked = await answerFirst(page, 2);
  // The third answer and the browser's Back in one task, on a page whose next
  // frame comes late (held here until the popstate): the guide writes a step's
  // history entry only after that frame, so the browser moves from the entry
  // before it. (Had the entry been written before the browser decided, it
  // would move from there: the screen and the history agree either way.)
  await afterFrame(page);
  const s = await state(page);
  asked.push(s.question);
  assert.ok(['choice', 'boolean', 'number'].includes(s.type), `${s.question}: ${s.type}`);
  await page.evaluate((value) => {
    const frame = window.requestAnimationFrame;
    const held = [];
    window.requestAnimationFrame = (callback) => held.push(callback);
    window.addEventListener('popstate', () => setTimeout(() => {
      window.requestAnimationFrame = frame;
      for (const callback of held) frame(callback);
    }), { once: true });
    const form = __testShadowRoot().querySelector('form[data-question]');
    const radio = form.querySelector(`input[type=radio][value="${value}"]`);
    if (radio) radio.checked = true;
    else form.querySelector('input').value = value;
    form.requestSubmit();
    history.back();
  }, String(WERKNEMER[s.question]));
  await waitForScreen(page, 'question', asked[2]);
  assert.equal(String(await shownValue(page)), String(WERKNEMER[asked[2]]), 'the answer is kept');
  await page.goBack();
  await waitForScreen(page, 'question', asked[1]);
  await page.goForward();
  await waitForScreen(page, 'question', asked[2]);
  await page.goForward();
  const after = await page.waitForFunction((q) => {
    const f = __testShadowRoot().querySelector('form[data-question]');
    return f && f.dataset.question !== q && f.dataset.question;
  }, asked[2], { timeout: 15000 });
  assert.ok(!asked.includes(await after.jsonValue()), 'Forward reaches the screen after the answer');
  assert.equal(page.url(), url);
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});

test('leaving or reloading with answers in progress asks first; with none it does not', async () => {
  const { page, context, log } = await start();
  await page.reload();
  await waitForScreen(page, 'question');
  assert.deepEqual(log.dialogs, [], 'nothing to lose yet: no question');
  const s = await state(page);
  await answer(page, s, WERKNEMER[s.question]);
  await nextScreen(page, s.question);
  await page.reload(); // the test accepts the dialog (helpers.openPage)
  await waitForScreen(page, 'question', s.question);
  assert.deepEqual(log.dialogs, ['beforeunload'], 'asked before the answers were lost');
  assert.equal(await shownValue(page), null, 'answers live in memory only: after the reload they are gone');
  assert.deepEqual(log.pageErrors, []);
  await context.close();
});
