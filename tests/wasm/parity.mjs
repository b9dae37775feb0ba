// Parity: the WebAssembly build gives exactly the native results.
//  - every rule case of every ruleset in rules/: the wasm evaluation JSON
//    equals the native `wegwijzer eval` JSON for the same answers and date,
//    and the case passes in wasm as it does natively;
//  - the fast path (web/src/fast-path.js FastPath over the core's Program) gives
//    the statuses, criteria, amounts and rule-error flag of the native
//    evaluation on every rule case, and the statuses and amounts of the wasm
//    Session.status on 400 random answer sets per ruleset;
//  - the course view of every demo course (web/demo/courses.json) and of no
//    facts, on several dates: the wasm JSON equals the native `wegwijzer
//    course` JSON, and every result says whether it depends on the course;
//  - every assertion of the conformance suites (CertLogic 1.3.3 and the
//    Wegwijzer dialect's): the wasm value (or error) equals the expected one
//    and the native `wegwijzer logic` one; every validation case: wasm
//    reports exactly the expected problems and the command refuses it.
// Usage: node tests/wasm/parity.mjs WASM_DIR NATIVE_WEGWIJZER
import { createRequire } from "node:module";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import assert from "node:assert/strict";
import { FastPath } from "../../web/src/fast-path.js";

const [wasmDir, native] = process.argv.slice(2).map((p) => resolve(p));
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });
const work = mkdtempSync(join(tmpdir(), "wegwijzer-parity-"));

function runNative(args, input) {
  try {
    return { code: 0, out: execFileSync(native, args, { input, encoding: "utf8", stdio: ["pipe", "pipe", "pipe"] }), err: "" };
  } catch (e) {
    return { code: e.status, out: e.stdout, err: e.stderr };
  }
}

let failures = 0;
let fastCount = 0; // comparisons of the fast path
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
        fastAgrees(session, c.date, c.answers, JSON.parse(n.out));
      });
    });
  }
  fastRandom(session, set);
  fastAfterGrowth(session, set);
  session.delete();
}

// The fast path against a full evaluation of the same answers.
function fastPathFor(session, date) {
  const questions = JSON.parse(session.describe("nl")).questions;
  const fast = FastPath.open(wasm, session, date, questions);
  assert.ok(fast, "the fast path compiles these rules");
  return fast;
}
function fastAgrees(session, date, answers, full) {
  const fast = fastPathFor(session, date).run(answers);
  const outcome = fast.outcome();
  fastCount++;
  assert.deepStrictEqual(Object.keys(outcome), full.results.map((r) => r.id), "fast path: results in force");
  for (const r of full.results) {
    const f = outcome[r.id];
    assert.equal(f.status, r.status, `fast path: status of ${r.id}`);
    assert.deepStrictEqual(f.amounts, r.amounts, `fast path: amounts of ${r.id}`);
    for (const reason of r.reasons) {
      assert.equal(f.criteria[reason.criterion], reason.outcome, `fast path: ${r.id}/${reason.criterion}`);
    }
  }
  assert.equal(fast.ruleErrors, full.ruleErrors.length > 0, "fast path: rule errors");
  assert.equal(fast.invalidAnswer, null, "fast path: an answer was refused");
}
// Random answer sets (every option, booleans, numbers at the range ends and
// inside it, and "not answered"), against Session.status of the same module.
function fastRandom(session, set) {
  const questions = JSON.parse(session.describe("nl")).questions;
  let seed = 20261123;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  for (const date of ["2024-06-01", "2025-09-01", "2026-12-01"]) {
    const fast = fastPathFor(session, date);
    for (let n = 0; n < 400; n++) {
      const answers = {};
      for (const q of questions) {
        if (random() < 0.25) continue;
        if (q.type === "choice") answers[q.id] = pick(q.options).value;
        else if (q.type === "boolean") answers[q.id] = random() < 0.5;
        else if (q.type === "number") answers[q.id] = pick([q.min, q.max, Math.round(q.min + random() * (q.max - q.min))]);
        else answers[q.id] = pick(["1970-01-01", "2000-02-29", date]);
      }
      // One set in ten has an answer the core must refuse (left out, flagged).
      let invalid = null;
      if (n % 10 === 9) {
        const q = pick(questions);
        invalid = q.id;
        answers[q.id] = { choice: "no-such-option", boolean: "yes", number: q.max + 1, date: "2025-02-30" }[q.type];
      }
      check(`${set} random #${n} on ${date}`, () => {
        const status = JSON.parse(session.status(JSON.stringify(answers), date));
        const outcome = fast.run(answers).outcome();
        fastCount++;
        assert.equal(fast.invalidAnswer, invalid, "fast path: the refused answer");
        assert.deepStrictEqual(status.errors.map((e) => e.path), invalid ? [`/${invalid}`] : [], "status: the refused answer");
        for (const r of status.results) {
          assert.equal(outcome[r.id].status, r.status, `fast path: status of ${r.id} for ${JSON.stringify(answers)}`);
          assert.deepStrictEqual(outcome[r.id].amounts, r.amounts, `fast path: amounts of ${r.id}`);
        }
        assert.equal(fast.ruleErrors, status.ruleErrors.length > 0, "fast path: rule errors");
      });
    }
  }
}

// The module's memory grows (an argument larger than all of it is copied in): FastPath
// must notice that its views are gone and give the same outcome after.
function fastAfterGrowth(session, set) {
  check(`${set} fast path after the module's memory grew`, () => {
    const questions = JSON.parse(session.describe("nl")).questions;
    const fast = fastPathFor(session, "2026-12-01");
    const answers = {};
    for (const q of questions) if (q.type === "choice") answers[q.id] = q.options[0].value;
    const before = JSON.stringify(fast.run(answers).outcome());
    const buffer = wasm.HEAPU8.buffer;
    session.status(" ".repeat(wasm.HEAPU8.length), "2026-12-01"); // more than the whole memory
    assert.notEqual(wasm.HEAPU8.buffer, buffer, "the memory did not grow: the test tests nothing");
    assert.equal(JSON.stringify(fast.run(answers).outcome()), before);
    fastCount++;
  });
}

// 1b. Course views (rules-format.md §9)
let courseCount = 0;
{
  const rulesetPath = join(rulesDir, "opleidingsincentives", "ruleset.json");
  const session = new wasm.Session();
  assert.ok(!JSON.parse(session.loadUnsigned(readFileSync(rulesetPath, "utf8"))).problems);
  const courses = JSON.parse(readFileSync(join(root, "web", "demo", "courses.json"), "utf8"));
  for (const facts of [{}, ...courses.map((c) => c.facts)]) {
    for (const date of ["2025-03-01", "2026-12-01", "2027-06-01"]) {
      courseCount++;
      check(`course view ${JSON.stringify(facts)} on ${date}`, () => {
        const file = join(work, "facts.json");
        writeFileSync(file, JSON.stringify(facts));
        const n = runNative(["course", rulesetPath, "--date", date, "--facts", file, "--locale", "nl"]);
        assert.equal(n.code, 0);
        const w = JSON.parse(session.courseView(JSON.stringify(facts), date, "nl"));
        assert.deepStrictEqual(w, JSON.parse(n.out), "wasm and native course views differ");
        assert.ok(w.results.length > 0 && w.results.every((r) => typeof r.course === "boolean"));
        assert.equal(w.results.find((r) => r.id === "loopbaancheques")?.course, false);
      });
    }
  }
  session.delete();
}

// 2. The conformance suites (the same files as tests/conformance_test.cpp):
// CertLogic 1.3.3 in the CertLogic dialect, and the Wegwijzer dialect's own
// suite (tests/conformance/wegwijzer), each file in the dialect it names.
const certlogic = existsSync(join(root, "..", "shared", "conformance", "certlogic", "testSuite"))
  ? join(root, "..", "shared", "conformance", "certlogic")
  : join(root, "tests", "conformance", "certlogic");
const suites = [certlogic, join(root, "tests", "conformance", "wegwijzer")];
const suiteFiles = (dir, folder) =>
  readdirSync(join(dir, folder)).filter((f) => f.endsWith(".json")).sort()
    .map((f) => ({ file: f, suite: JSON.parse(readFileSync(join(dir, folder, f), "utf8")) }));
let assertions = 0;
let validations = 0;
for (const dir of suites) {
  for (const { file, suite } of suiteFiles(dir, "testSuite")) {
    const dialect = suite.dialect ?? "certlogic";
    for (const c of suite.cases) {
      for (const a of c.assertions) {
        assertions++;
        const expression = JSON.stringify(a.certLogicExpression ?? c.certLogicExpression);
        const data = JSON.stringify(a.data);
        check(`${dialect} ${file} / ${c.name} / ${a.message ?? data}`, () => {
          const w = JSON.parse(wasm.evaluateLogic(expression, data, dialect));
          const n = runNative(["logic", "--dialect", dialect, expression, data]);
          if (a.expectedError) {
            assert.deepStrictEqual(w, { error: a.expectedError.message, pointer: a.expectedError.pointer });
            assert.equal(n.code, 1);
            assert.equal(n.err.trim(), `wegwijzer: evaluation failed at ${a.expectedError.pointer || "(root)"}: ${a.expectedError.message}`);
            return;
          }
          assert.deepStrictEqual(w.value, a.expected, "wasm value differs from the expected value");
          assert.equal(n.code, 0);
          assert.deepStrictEqual(w.value, JSON.parse(n.out), "wasm and native values differ");
        });
      }
    }
  }
  for (const { file, suite } of suiteFiles(dir, "validation-testSuite")) {
    const dialect = suite.dialect ?? "certlogic";
    for (const c of suite.cases) {
      validations++;
      const expression = JSON.stringify(c.certLogicExpression);
      check(`${dialect} ${file} / ${expression}`, () => {
        const w = JSON.parse(wasm.evaluateLogic(expression, "null", dialect));
        const messages = (w.problems ?? []).map((p) => p.message);
        assert.deepStrictEqual(messages, c.issues.map((i) => i.message), "wasm reports other problems");
        const n = runNative(["logic", "--dialect", dialect, expression, "null"]);
        if (c.issues.length > 0) assert.equal(n.code, 2, "the native command does not refuse it");
        else assert.notEqual(n.code, 2, "the native command refuses a valid expression");
      });
    }
  }
}

console.log(`${caseCount} rule cases, ${fastCount} fast-path comparisons, ${courseCount} course views, ${assertions} conformance assertions and ${validations} validation cases through wasm: ${failures} failed`);
process.exit(failures === 0 && caseCount > 0 && fastCount > caseCount && courseCount > 0 && assertions > 232 && validations > 23 ? 0 : 1);
