// The interview module of the widget (web/src/interview.js), without a
// browser: the real core (the Node build of the wasm module) and the real
// ruleset. Run by scripts/test.sh after the wasm build:
//   node --test tests/wasm/interview.test.mjs [WASM_DIR]   (default build/wasm/wasm)

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Interview, DONT_KNOW } from "../../web/src/interview.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wasmDir = resolve(process.env.WEGWIJZER_WASM_DIR || join(root, "build/wasm/wasm"));
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });

const DATE = "2026-12-02";
const rules = join(root, "rules/opleidingsincentives");
const session = new wasm.Session();
assert.ok(!JSON.parse(session.loadUnsigned(readFileSync(join(rules, "ruleset.json"), "utf8"))).problems);
const questions = new Map(JSON.parse(session.describe("nl")).questions.map((q) => [q.id, q]));

let calls = 0;
function interview(options = {}) {
  return new Interview({
    status: (answers) => { calls += 1; return JSON.parse(session.status(JSON.stringify(answers), DATE)); },
    questions, ...options,
  });
}

function person(name, goal) {
  const p = JSON.parse(readFileSync(join(rules, "profiles", `${name}.json`), "utf8"));
  delete p._about;
  return { ...p, doel: goal };
}

// Answers from the profile ("I don't know" to the rest) until the check page.
function walk(iv, profile, stop = null) {
  const asked = [];
  while (iv.screen === "question" && iv.current !== stop) {
    const id = iv.current;
    asked.push(id);
    assert.equal(iv.submit(id in profile ? { value: profile[id] } : { unknown: true }), null, `answer to ${id}`);
    assert.ok(asked.length < 40, "the interview ends");
  }
  return asked;
}

test("a session starts with the goal question", () => {
  const iv = interview();
  iv.start();
  assert.equal(iv.screen, "question");
  assert.equal(iv.current, "doel");
  assert.equal(iv.inProgress, false);
});

test("the employee in Gent, after time to learn, gets to the check page in the questions the command counts", () => {
  const iv = interview();
  iv.start();
  const asked = walk(iv, person("gent-werknemer", "tijd"));
  assert.equal(iv.screen, "check");
  assert.equal(asked[0], "doel");
  assert.equal(asked.length, 10); // scripts/interview-figures.sh: gent-werknemer, tijd
  assert.deepEqual(iv.path, asked);
  assert.equal(iv.progress().left, 0);
});

test("Back and Forward move through the questions and keep the answers", () => {
  const iv = interview();
  iv.start();
  const asked = walk(iv, person("gent-werknemer", "tijd"), "tewerkstellingspercentage");
  assert.ok(asked.length >= 3);
  iv.back();
  iv.back();
  assert.equal(iv.current, asked[asked.length - 2]);
  assert.equal(iv.answers[iv.current], person("gent-werknemer", "tijd")[iv.current]);
  iv.forward();
  assert.equal(iv.current, asked[asked.length - 1]);
  // Answering again the same walks forward along the path already seen.
  iv.back();
  const again = iv.current;
  iv.submit({ value: iv.answers[again] });
  assert.equal(iv.current, asked[asked.length - 1]);
});

test("\"I don't know\" is kept, not asked again, and the count moves", () => {
  const iv = interview();
  iv.start();
  iv.submit({ value: "tijd" });
  iv.submit({ value: "werknemer-prive" });
  const before = iv.status().progress.remaining;
  const id = iv.current;
  iv.submit({ unknown: true });
  assert.ok(iv.unknown.has(id));
  assert.notEqual(iv.current, id);
  assert.equal(iv.withFacts()[id], DONT_KNOW);
  assert.ok(iv.status().progress.remaining < before);
  assert.ok(!iv.status().next.includes(id));
});

test("a changed answer drops the answers that no longer apply", () => {
  const iv = interview();
  iv.start();
  walk(iv, person("gent-werknemer", "tijd"));
  assert.ok("tewerkstellingspercentage" in iv.answers);
  iv.change("statuut");
  assert.equal(iv.current, "statuut");
  iv.submit({ value: "zelfstandige" });
  assert.ok(!("tewerkstellingspercentage" in iv.answers), "the percentage does not apply to a self-employed person");
  assert.ok(!iv.path.includes("tewerkstellingspercentage"));
});

test("stopping early: what is left, and back to the next question", () => {
  const iv = interview();
  iv.start();
  walk(iv, person("gent-werknemer", "tijd"), "opleiding-uren");
  iv.showResults(true);
  const { left } = iv.resultsProgress([]);
  assert.ok(left >= 1);
  iv.back();
  assert.equal(iv.current, "opleiding-uren", "Back from early results returns to the question");
  iv.showResults(true);
  iv.askNext();
  assert.equal(iv.current, "opleiding-uren");
});

test("results not asked for are offered, and widening asks for them", () => {
  const iv = interview();
  iv.start();
  walk(iv, person("gent-werknemer", "tijd"));
  const results = JSON.parse(session.evaluate(JSON.stringify(iv.withFacts()), DATE, "nl")).results;
  const { left, offer } = iv.resultsProgress(results);
  assert.equal(left, 0);
  assert.deepEqual(offer.topics.sort(), ["begeleiding", "geld"]);
  assert.ok(offer.left >= 1);
  iv.widen();
  assert.equal(iv.answers.doel, "alles");
  assert.equal(iv.screen, "question");
  assert.ok(!results.find((r) => r.id === "opleidingscheques").pursued);
});

test("on a course page neither the goal nor the course's facts are asked", () => {
  const facts = { "opleiding-in-databank": true, "opleiding-uren": 120 };
  const iv = interview({ facts, course: true });
  iv.start();
  const asked = walk(iv, person("gent-werknemer", "alles"));
  assert.ok(!asked.includes("doel"));
  assert.ok(!asked.some((id) => questions.get(id).course), `asked ${asked}`);
  assert.equal(iv.screen, "check");
  iv.back();
  iv.back();
  assert.equal(iv.screen, "question");
});

test("an answer the core refuses is not kept", () => {
  const iv = interview();
  iv.start();
  iv.submit({ value: "geld" });
  const id = iv.current;
  assert.equal(iv.submit({ value: "geen-optie" }), "refused");
  assert.equal(iv.current, id);
  assert.ok(!(id in iv.answers));
  assert.ok(calls > 0);
});

// The widget evaluates each answer of the question on screen ahead, in idle
// time (guide.js #prefetch): that only helps when what it evaluates is
// exactly what the submit of that answer then asks the core.
test("withAnswer asks the core what submitting that answer asks, after Back and after 'I don't know' too", () => {
  const p = person("gent-werknemer", "tijd");
  const seen = [];
  const iv = new Interview({ status: (answers) => { seen.push(JSON.stringify(answers)); return JSON.parse(session.status(JSON.stringify(answers), DATE)); }, questions });
  iv.start();
  const check = (value) => {
    const ahead = JSON.stringify(iv.withAnswer(iv.current, value));
    seen.length = 0;
    assert.equal(iv.submit(value === DONT_KNOW ? { unknown: true } : { value }), null);
    assert.equal(seen[0], ahead, `the first evaluation of the answer to ${iv.path[iv.index - 1]}`);
  };
  check(p.doel);
  check(p.statuut);
  iv.back();
  check(p.statuut); // a question answered before, walked again after Back
  const id = iv.current;
  iv.submit({ unknown: true });
  iv.back();
  assert.equal(iv.current, id);
  check(p[id]); // an "I don't know" replaced by an answer
});
