// The iframe embed: iframe.html reports its height to the parent, and only its
// height; the demo host sizes the iframe with it, also when the content grows.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSite, launch, openPage, inGuide } from './helpers.mjs';

let site;
let browser;
before(async () => { site = await startSite(); browser = await launch(); });
after(async () => { await browser?.close(); await site?.stop(); });

test('the iframe page posts its height (and nothing else); the host follows it', async () => {
  const { page, context, log } = await openPage(browser, { width: 1000 });
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(`${site.url}iframe-demo.html`);
  const frame = await (await page.$('iframe.guide-frame')).contentFrame(); // loaded: goto waits for its load too
  await inGuide(frame, 'form[data-question]', { timeout: 15000 });
  await page.waitForFunction(() => document.querySelector('iframe').dataset.reportedHeight);

  const inner = () => page.frames()[1].evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = () => page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height);
  assert.ok(Math.abs((await outer()) - (await inner())) <= 1, 'the iframe is as high as its content');

  // More content: the "Waarom niet?" details opened on a results page would do;
  // an error message on the first question is quicker.
  const before = await outer();
  await (await inGuide(frame, 'button[data-action="next"]')).click();
  await inGuide(frame, '.ww-error-message');
  await page.waitForFunction((h) => document.querySelector('iframe').getBoundingClientRect().height > h, before);
  assert.ok(Math.abs((await outer()) - (await inner())) <= 1, 'the iframe grew with its content');

  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 2);
  for (const m of messages) {
    assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
    assert.equal(m.type, 'wegwijzer:height');
    assert.equal(typeof m.height, 'number');
  }
  assert.deepEqual(log.consoleErrors, []);
  await context.close();
});
