// The conformance suites in Chromium: CertLogic 1.3.3 and the Wegwijzer
// dialect's (tests/conformance/), run through the browser build of the core
// with its test entry points (build/wasm/wasm/wegwijzer-webtest.*, made by
// the wasm preset, never shipped in dist/). The same files run natively
// (tests/conformance_test.cpp) and in Node (tests/wasm/parity.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, startSite, launch } from './helpers.mjs';

const WASM = path.join(REPO, 'build/wasm/wasm');
const SHARED = path.join(REPO, '..', 'shared', 'conformance', 'certlogic');
const CERTLOGIC = fs.existsSync(path.join(SHARED, 'testSuite')) ? SHARED : path.join(REPO, 'tests/conformance/certlogic');
const DIALECT = path.join(REPO, 'tests/conformance/wegwijzer');

function suites(dir, folder) {
  return fs.readdirSync(path.join(dir, folder)).filter((f) => f.endsWith('.json')).sort()
    .map((file) => ({ file, ...JSON.parse(fs.readFileSync(path.join(dir, folder, file), 'utf8')) }));
}

test('every conformance assertion and validation case holds in Chromium', async () => {
  for (const f of ['wegwijzer-webtest.mjs', 'wegwijzer-webtest.wasm']) {
    assert.ok(fs.existsSync(path.join(WASM, f)), `${f} is missing: build it with cmake --build --preset wasm`);
  }
  const evaluation = [...suites(CERTLOGIC, 'testSuite'), ...suites(DIALECT, 'testSuite')];
  const validation = [...suites(CERTLOGIC, 'validation-testSuite'), ...suites(DIALECT, 'validation-testSuite')];
  const site = await startSite({
    'webtest/wegwijzer-webtest.mjs': fs.readFileSync(path.join(WASM, 'wegwijzer-webtest.mjs')),
    'webtest/wegwijzer-webtest.wasm': fs.readFileSync(path.join(WASM, 'wegwijzer-webtest.wasm')),
  });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}index.html`);
    const result = await page.evaluate(async ({ evaluation, validation }) => {
      const factory = (await import('./webtest/wegwijzer-webtest.mjs')).default;
      const core = await factory({ locateFile: (name) => new URL(`webtest/${name}`, location.href).href });
      const failures = [];
      let assertions = 0;
      for (const suite of evaluation) {
        const dialect = suite.dialect ?? 'certlogic';
        for (const c of suite.cases) {
          for (const a of c.assertions) {
            assertions += 1;
            const expression = JSON.stringify(a.certLogicExpression ?? c.certLogicExpression);
            const got = JSON.parse(core.evaluateLogic(expression, JSON.stringify(a.data), dialect));
            const want = a.expectedError ? { error: a.expectedError.message, pointer: a.expectedError.pointer }
              : { value: a.expected };
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              failures.push(`${suite.file} / ${c.name}: ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
            }
          }
        }
      }
      let cases = 0;
      for (const suite of validation) {
        const dialect = suite.dialect ?? 'certlogic';
        for (const c of suite.cases) {
          cases += 1;
          const got = JSON.parse(core.evaluateLogic(JSON.stringify(c.certLogicExpression), 'null', dialect));
          const messages = (got.problems ?? []).map((p) => p.message);
          const want = c.issues.map((i) => i.message);
          if (JSON.stringify(messages) !== JSON.stringify(want)) {
            failures.push(`${suite.file} / ${JSON.stringify(c.certLogicExpression)}: ${JSON.stringify(messages)}`);
          }
        }
      }
      return { assertions, cases, failures, agent: navigator.userAgent };
    }, { evaluation, validation });
    assert.match(result.agent, /Chrome/);
    assert.deepEqual(result.failures, []);
    // CertLogic's 232 assertions and 23 validation cases, and the dialect's 49 and 20.
    assert.equal(result.assertions, 281);
    assert.equal(result.cases, 43);
  } finally {
    await browser.close();
    await site.stop();
  }
});
