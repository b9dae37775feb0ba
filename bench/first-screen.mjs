// The first screen as people meet it (issue 13): the demo page of dist/ and a
// static baseline (the same page with the same first question as a plain
// form, no script) on the same server, in one run, on
//   - an emulated mid-range phone: 4x CPU slowdown, 1.6 Mbit/s down,
//     750 kbit/s up, 150 ms round trip, cache off, 360 x 740 px;
//   - an unthrottled desktop, cache off, 1280 x 900 px.
// Per page and profile (median of the runs, a fresh context each):
//   - time to the first question: navigation start to the first animation
//     frame in which the question's heading is laid out (the page's clock);
//   - bytes transferred (encoded, headers included) by then;
//   - sequential round trips: the longest chain of requests where each one
//     starts after the one before it has finished;
//   - cumulative layout shift by then (Layout Instability API);
// and for the guide, the ratio to the baseline and the time until its core
// is ready (the wegwijzer-ready event: rules downloaded, checked, loaded);
// then the time from an answer to the next question, by this script's own
// clock and by Chromium's Event Timing (the measure under INP).
// Both pages are served compressed, as dist/ is; the guide's page is
// dist/index.html with its pre-rendered first screen open instead of closed,
// so that the page's clock can see it before any script has run. Prints a markdown table and
// writes it with the samples to bench/out/first-screen.{md,json}.
// Not a test: nothing is checked against the goals, they are reported.
//
// Usage: node bench/first-screen.mjs [--runs 5]   (needs dist/: scripts/build-web.sh)

import fs from 'node:fs';
import path from 'node:path';
import { REPO, startSite, launch, PHONE, emulate } from '../web/tests/helpers.mjs';
import { testShadowRootHook } from '../web/tests/shadow-root-hook.mjs';
import { brotli, gzip } from '../web/tools/compress.mjs';

const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 0) || 5;
const outDir = path.join(REPO, 'bench/out');

const PROFILES = {
  phone: PHONE,
  desktop: { viewport: { width: 1280, height: 900 }, cpu: 1, network: null },
};

// The baseline: the demo page with the guide replaced by its first question
// as a plain HTML form (what a static page would show), and no script (nor
// the guide's preloads).
function baselinePage() {
  const html = fs.readFileSync(path.join(REPO, 'dist/index.html'), 'utf8');
  const rules = JSON.parse(fs.readFileSync(path.join(REPO, 'rules/opleidingsincentives/ruleset.json'), 'utf8'));
  const q = rules.questions[0];
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const form = `<form data-question="${q.id}" action="#"><fieldset><legend><h3 class="q">${esc(q.text.nl)}</h3></legend>
${q.help ? `<p>${esc(q.help.nl)}</p>` : ''}
${q.options.map((o) => `<p><label><input type="radio" name="${q.id}" value="${o.value}"> ${esc(o.text.nl)}</label></p>`).join('\n')}
</fieldset><button type="submit">Volgende</button></form>`;
  return html
    .replace(/<script[^>]*><\/script>\s*/g, '')
    .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\s*/g, '')
    .replace(/<wegwijzer-guide[^>]*>[\s\S]*?<\/wegwijzer-guide>/, form);
}

// The guide's page as dist/index.html has it, but with its pre-rendered first
// screen (a declarative shadow root, web/tools/prerender.mjs) open instead of
// closed: the script below can then see the question before the guide's
// script has run. Nothing else differs; a test-only copy, never shipped.
function guidePage() {
  const html = fs.readFileSync(path.join(REPO, 'dist/index.html'), 'utf8');
  return html.replace('<template shadowrootmode="closed">', '<template shadowrootmode="open">');
}

// Both pages compressed as the build compresses dist/ (the server sends the
// .br or .gz copy by Accept-Encoding).
const compressed = (pages) => Object.fromEntries(Object.entries(pages)
  .flatMap(([name, text]) => [[name, text], [`${name}.br`, brotli(Buffer.from(text))], [`${name}.gz`, gzip(Buffer.from(text))]]));

// Runs in the page from its very start (an init script): on every animation
// frame, until the question's heading is laid out; then records the page's
// clock and the layout shift so far. (Polling from Node would only see it
// when the poll happens to start.)
function watchFirstQuestion(which) {
  window.__cls = 0;
  document.addEventListener('wegwijzer-ready', () => { window.__coreReady ??= performance.now(); });
  // The browser's own measure of each interaction (Event Timing, what INP
  // is built on): from the input to the next paint, in steps of 8 ms; only
  // events of 16 ms or more are reported at all.
  window.__eventTiming = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__eventTiming.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const shown = () => {
    let heading = null;
    if (which === 'guide') {
      const host = document.querySelector('wegwijzer-guide');
      const root = (typeof __testShadowRoot === 'function' ? __testShadowRoot() : null) || host?.shadowRoot;
      const screen = root && root.querySelector('.ww-screen');
      if (screen && ['question', 'early-question'].includes(screen.dataset.screen)) heading = root.querySelector('.ww-heading');
    } else {
      heading = document.querySelector('form[data-question] .q');
    }
    if (!heading || !heading.textContent.trim()) return false;
    const r = heading.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  const tick = () => {
    if (shown()) window.__firstQuestion = { atMs: performance.now(), cls: window.__cls };
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function measure(browser, site, which, profile) {
  const context = await browser.newContext({ viewport: profile.viewport, locale: 'nl-BE' });
  await context.addInitScript(testShadowRootHook);
  await context.addInitScript(watchFirstQuestion, which);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await emulate(cdp, profile);
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, { url: e.request.url, start: e.timestamp }));
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) Object.assign(r, { end: e.timestamp, bytes: e.encodedDataLength });
  });
  const url = `${site.url}${which}.html`;
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(() => window.__firstQuestion, null, { polling: 200, timeout: 60000 });
  const seen = await handle.jsonValue();
  // The core ready (the rules loaded and checked): what an answer to the
  // first question waits for when it is given sooner.
  const coreReadyMs = which === 'guide'
    ? await (await page.waitForFunction(() => window.__coreReady, null, { polling: 50, timeout: 60000 })).jsonValue() : null;
  // Answer to next screen (the guide, once its core is ready), as a person
  // clicks: real (trusted) mouse clicks on the option and on "Volgende",
  // held down for PRESS_MS as a finger or a mouse button is; from the click's
  // event time (the release) to just after the next frame is painted (a
  // message posted from that frame's animation callback): the click's part
  // of Interaction to Next Paint. Twice: at
  // once (no time to read: nothing evaluated ahead) and after 1.5 s of reading.
  const firstLoad = new Map(requests); // the reloads below add theirs to `requests`
  let answerMs = null;
  let eventMs = null; // per click: the Event Timing duration, 0 when under 16 ms (not reported)
  if (which === 'guide') {
    answerMs = { atOnce: [], afterReading: [] };
    eventMs = { atOnce: [], afterReading: [] };
    for (const [mode, pauseMs] of [['atOnce', 0], ['afterReading', 1500]]) {
      await page.reload({ waitUntil: 'commit' });
      await page.waitForFunction(() => __testShadowRoot()?.querySelector('.ww-screen')?.dataset.screen === 'question',
        null, { polling: 100, timeout: 60000 });
      for (const value of ANSWERS) {
        if (pauseMs) await page.waitForTimeout(pauseMs);
        const centre = (selector) => page.evaluate((sel) => {
          const el = __testShadowRoot().querySelector(sel);
          const target = el.closest('label') || el;
          target.scrollIntoView({ block: 'center' });
          const r = target.getBoundingClientRect();
          return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
        }, selector);
        const option = await centre(`input[value="${value}"]`);
        await page.mouse.click(option.x, option.y, { delay: PRESS_MS });
        const next = await centre('[data-action="next"]');
        const before = await page.evaluate(() => {
          window.__answerMs = undefined;
          window.__pressedAt = performance.now();
          window.addEventListener('click', (e) => requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => { window.__answerMs = performance.now() - e.timeStamp; };
            channel.port2.postMessage(0);
          }), { capture: true, once: true });
          return __testShadowRoot().querySelector('form[data-question]').dataset.question;
        });
        await page.mouse.click(next.x, next.y, { delay: PRESS_MS });
        const ms = await (await page.waitForFunction(() => window.__answerMs, null, { polling: 50 })).jsonValue();
        const after = await page.evaluate(() => __testShadowRoot().querySelector('form[data-question]')?.dataset.question);
        if (after === before) throw new Error(`${before}: the answer ${value} did not move on`);
        answerMs[mode].push(ms);
        // Event Timing delivers its entries after the frame is shown.
        await page.waitForTimeout(250);
        eventMs[mode].push(await page.evaluate(() => Math.max(0, ...window.__eventTiming
          .filter((e) => e.start >= window.__pressedAt).map((e) => e.duration))));
      }
    }
  }
  // Only what had arrived when the question showed: the page's clock starts
  // with the navigation, the first request's timestamp.
  const navStart = Math.min(...[...firstLoad.values()].map((r) => r.start));
  const cutoff = navStart + seen.atMs / 1000;
  const done = [...firstLoad.values()].filter((r) => r.end !== undefined && r.end <= cutoff);
  // Chain depth: 1 + the deepest request that had finished before this one started.
  const sorted = done.sort((a, b) => a.start - b.start);
  for (const r of sorted) {
    r.depth = 1 + Math.max(0, ...sorted.filter((q) => q !== r && q.end <= r.start).map((q) => q.depth || 0));
  }
  const result = {
    ms: seen.atMs,
    coreReadyMs,
    cls: seen.cls,
    bytes: done.reduce((n, r) => n + r.bytes, 0),
    trips: Math.max(0, ...sorted.map((r) => r.depth)),
    answerMs,
    eventMs,
    files: sorted.map((r) => `${path.basename(new URL(r.url).pathname)} (${r.bytes} B, chain ${r.depth})`),
  };
  await context.close();
  return result;
}

// How long a click holds the button down. Without it, the release is sent
// at once and waits behind the press's own work (focus, styles: about 10 ms
// on the emulated phone), which a person's click never does.
const PRESS_MS = 80;

// The first three answers of a private employee working in Flanders who wants time to learn.
const ANSWERS = ['tijd', 'werknemer-prive', 'vlaanderen'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const site = await startSite(compressed({ 'baseline.html': baselinePage(), 'guide.html': guidePage() }));
const browser = await launch();
const table = {};
try {
  for (const [name, profile] of Object.entries(PROFILES)) {
    for (const which of ['baseline', 'guide']) {
      const samples = [];
      for (let k = 0; k < runs; k += 1) samples.push(await measure(browser, site, which, profile));
      table[`${name} ${which}`] = {
        ms: median(samples.map((s) => s.ms)),
        coreReadyMs: which === 'guide' ? median(samples.map((s) => s.coreReadyMs)) : null,
        bytes: median(samples.map((s) => s.bytes)),
        trips: median(samples.map((s) => s.trips)),
        cls: median(samples.map((s) => s.cls)),
        files: samples[0].files,
        answerAtOnceMs: samples[0].answerMs ? median(samples.flatMap((x) => x.answerMs.atOnce)) : null,
        answerAfterReadingMs: samples[0].answerMs ? median(samples.flatMap((x) => x.answerMs.afterReading)) : null,
        eventMs: samples[0].eventMs ? samples.flatMap((x) => [...x.eventMs.atOnce, ...x.eventMs.afterReading]) : null,
        samples: samples.map((s) => Math.round(s.ms)),
      };
      process.stderr.write(`${name} ${which}: ${samples.map((s) => Math.round(s.ms)).join(', ')} ms`
        + `${which === 'guide' ? `; core ready ${samples.map((s) => Math.round(s.coreReadyMs)).join(', ')} ms` : ''}\n`);
    }
  }
} finally {
  await browser.close();
  await site.stop();
}

const lines = [
  `Time to the first question, median of ${runs} runs (bench/first-screen.mjs, ${new Date().toISOString().slice(0, 10)})`,
  '',
  '| profile | page | first question (ms) | ratio to baseline | transferred (KB) | sequential round trips | layout shift | core ready (ms) |',
  '|---|---|---|---|---|---|---|---|',
];
for (const name of Object.keys(PROFILES)) {
  const base = table[`${name} baseline`];
  for (const which of ['baseline', 'guide']) {
    const r = table[`${name} ${which}`];
    lines.push(`| ${name} | ${which} | ${r.ms.toFixed(0)} | ${(r.ms / base.ms).toFixed(2)} | ${(r.bytes / 1024).toFixed(1)} | ${r.trips} | ${r.cls.toFixed(3)} | ${r.coreReadyMs === null ? '' : r.coreReadyMs.toFixed(0)} |`);
  }
}
lines.push('', `Answer to next question (the guide, core ready; real mouse clicks held ${PRESS_MS} ms; from the click to the next `
  + `question painted; median over the answers ${ANSWERS.join(', ')} of every run), answered at once / after 1.5 s of reading, in ms:`, '');
for (const name of Object.keys(PROFILES)) {
  const r = table[`${name} guide`];
  lines.push(`- ${name}: ${r.answerAtOnceMs.toFixed(1)} / ${r.answerAfterReadingMs.toFixed(1)}`);
}
lines.push('', 'The same clicks as Chromium\'s Event Timing measures them (what Interaction to Next Paint is built on; '
  + 'steps of 8 ms; under 16 ms is not reported), both ways together:', '');
for (const name of Object.keys(PROFILES)) {
  const all = table[`${name} guide`].eventMs;
  const under = all.filter((d) => d < 16).length;
  const count = (d) => all.filter((x) => x === d).length;
  const spread = [...new Set(all.filter((d) => d >= 16))].sort((a, b) => a - b).map((d) => `${d} ms × ${count(d)}`).join(', ');
  lines.push(`- ${name}: ${under} of ${all.length} clicks under 16 ms${spread ? `; the others: ${spread}` : ''}; median ${median(all) < 16 ? 'under 16' : median(all)} ms`);
}
lines.push('', 'Requests of the guide on the phone (first run):', '', ...table['phone guide'].files.map((f) => `- ${f}`));
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'first-screen.md'), `${lines.join('\n')}\n`);
fs.writeFileSync(path.join(outDir, 'first-screen.json'), JSON.stringify({ runs, profiles: PROFILES, table }, null, 1));
console.log(lines.join('\n'));
