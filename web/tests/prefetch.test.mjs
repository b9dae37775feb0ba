// The status work ahead of a click (web/src/rules-source.js prefetch): each
// answer of the question on screen in idle time, and the answer a person has
// just chosen in a task of its own (soon). Both stop when the question is
// gone or the answers are forgotten: nothing of a wiped session is worked
// out again. Runs in Node with a stand-in for the core's session that
// records what it is asked; the module's generated config.js is a stub here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO } from './helpers.mjs';

let dir;
let RulesSource;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-prefetch-'));
  for (const f of fs.readdirSync(path.join(REPO, 'web/src')).filter((n) => n.endsWith('.js'))) {
    fs.copyFileSync(path.join(REPO, 'web/src', f), path.join(dir, f));
  }
  fs.writeFileSync(path.join(dir, 'config.js'), "export const TRUST_ROOT = '{}';\nexport const DEFAULT_RULESET_ID = 'x';\n"
    + "export const GUIDE_CSS = '';\nexport const FIRST_SCREEN = null;\nexport const ASSETS = {};\n");
  globalThis.window ??= globalThis; // no requestIdleCallback in Node: the module falls back to setTimeout
  ({ RulesSource } = await import(path.join(dir, 'rules-source.js')));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function source() {
  const asked = [];
  const rules = new RulesSource({ config: {}, urls: {}, isConnected: () => true, onRefresh: () => {} });
  rules.loaded = { session: { status: (key) => { asked.push(key); return '{"next":[]}'; } } };
  return { rules, asked };
}

test('the chosen answer is worked out in a task of its own, before the idle work, and only once', async () => {
  const { rules, asked } = source();
  const soon = rules.prefetch([{ q: 'a' }, { q: 'b' }], '2026-12-01', () => true);
  soon({ q: 'b' });
  assert.deepEqual(asked, [], 'not during the choice\'s own event');
  await sleep(5);
  assert.deepEqual(asked, ['{"q":"b"}'], 'the chosen one first');
  await sleep(200);
  assert.deepEqual(asked, ['{"q":"b"}', '{"q":"a"}'], 'then the others in idle time; "b" is not asked again');
  rules.status({ q: 'b' }, '2026-12-01');
  assert.equal(asked.length, 2, 'the click finds it ready');
});

test('nothing is worked out once the answers are forgotten or the question is gone', async () => {
  const forgotten = source();
  const soon = forgotten.rules.prefetch([{ q: 'a' }], '2026-12-01', () => true);
  soon({ q: 'b' });
  forgotten.rules.forgetAnswers();
  await sleep(200);
  assert.deepEqual(forgotten.asked, [], 'a wiped session is not worked out again');

  const gone = source();
  let onScreen = true;
  const later = gone.rules.prefetch([{ q: 'a' }], '2026-12-01', () => onScreen);
  later({ q: 'b' });
  onScreen = false;
  await sleep(200);
  assert.deepEqual(gone.asked, []);
});
