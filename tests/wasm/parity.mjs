// Parity: the WebAssembly build gives exactly the native results.
//  - every rule case of every ruleset in rules/: the wasm evaluation JSON
//    equals the native `wegwijzer eval` JSON for the same answers and date,
//    and the case passes in wasm as it does natively;
//  - every CertLogic conformance assertion: the wasm value equals the
//    expected value and the native `wegwijzer logic` value.
// Usage: node tests/wasm/parity.mjs WASM_DIR NATIVE_WEGWIJZER
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";

const [wasmDir, native] = process.argv.slice(2).map((p) => resolve(p));
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });
const work = mkdtempSync(join(tmpdir(), "wegwijzer-parity-"));

function runNative(args, input) {
  try {
    return { code: 0, out: execFileSync(native, args, { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] }) };
  } catch (e) {
    return { code: e.status, out: e.stdout };
  }
}

let failures = 0;
function check(name, fn) {
  try {
    fn();
  } catch (e) {
    failures++;
    console.log(`FAIL ${name}\n     ${e.message.split("\n").slice(0, 6).join("\n     ")}`);
  }
}

// 1. Rule cases
let caseCount = 0;
const rulesDir = join(root, "rules");
for (const set of readdirSync(rulesDir).sort()) {
  const rulesetPath = join(rulesDir, set, "ruleset.json");
  const casesDir = join(rulesDir, set, "cases");
  if (!existsSync(rulesetPath) || !existsSync(casesDir)) continue;
  const session = new wasm.Session();
  const loaded = JSON.parse(session.loadUnsigned(readFileSync(rulesetPath, "utf8")));
  assert.ok(!loaded.problems, `${set} loads in wasm`);
  for (const file of readdirSync(casesDir).filter((f) => f.endsWith(".json")).sort()) {
    const text = readFileSync(join(casesDir, file), "utf8");
    const results = JSON.parse(session.runCases(text));
    const doc = JSON.parse(text);
    const cases = doc.cases ?? [doc];
    cases.forEach((c, i) => {
      caseCount++;
      check(`${set}/${file} #${i} ${c.name}`, () => {
        assert.equal(results[i].name, c.name);
        assert.ok(results[i].passed, `fails in wasm: ${results[i].failures.join("; ")}`);
        const answers = join(work, "answers.json");
        writeFileSync(answers, JSON.stringify(c.answers));
        const n = runNative(["eval", rulesetPath, "--date", c.date, "--answers", answers, "--locale", "nl"]);
        const w = JSON.parse(session.evaluate(JSON.stringify(c.answers), c.date, "nl"));
        assert.deepStrictEqual(w, JSON.parse(n.out), "wasm and native evaluations differ");
      });
    });
  }
  session.delete();
}

// 2. CertLogic conformance
const certlogic = existsSync(join(root, "..", "shared", "conformance", "certlogic", "testSuite"))
  ? join(root, "..", "shared", "conformance", "certlogic")
  : join(root, "tests", "conformance", "certlogic");
let assertions = 0;
for (const file of readdirSync(join(certlogic, "testSuite")).filter((f) => f.endsWith(".json")).sort()) {
  const suite = JSON.parse(readFileSync(join(certlogic, "testSuite", file), "utf8"));
  for (const c of suite.cases) {
    for (const a of c.assertions) {
      assertions++;
      const expression = JSON.stringify(a.certLogicExpression ?? c.certLogicExpression);
      const data = JSON.stringify(a.data);
      check(`certlogic ${file} / ${c.name} / ${a.message ?? data}`, () => {
        const w = JSON.parse(wasm.evaluateLogic(expression, data, "certlogic"));
        assert.deepStrictEqual(w.value, a.expected, "wasm value differs from the expected value");
        const n = runNative(["logic", "--dialect", "certlogic", expression, data]);
        assert.equal(n.code, 0);
        assert.deepStrictEqual(w.value, JSON.parse(n.out), "wasm and native values differ");
      });
    }
  }
}

console.log(`${caseCount} rule cases and ${assertions} CertLogic assertions through wasm: ${failures} failed`);
process.exit(failures === 0 && caseCount > 0 && assertions > 0 ? 0 : 1);
