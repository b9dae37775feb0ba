// The contract between web/ and wasm/ (wasm/wegwijzer.d.ts), checked on both
// sides: the Node build has every method the declaration lists; the browser
// build has the shipped ones and none of the test-only ones (their names are
// not even in its wasm); and web/src calls nothing the declaration lacks.
//   node --test tests/wasm/contract.test.mjs   (after the wasm build)

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wasmDir = resolve(process.env.WEGWIJZER_WASM_DIR || join(root, "build/wasm/wasm"));
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });

// The methods an interface of the declaration lists (one per line, "name(").
const declaration = readFileSync(join(root, "wasm/wegwijzer.d.ts"), "utf8");
function methodsOf(name) {
  const body = new RegExp(`export interface ${name}(?: extends \\w+)? \\{([\\s\\S]*?)\\n\\}`).exec(declaration);
  assert.ok(body, `interface ${name} in wegwijzer.d.ts`);
  return [...body[1].matchAll(/^\s+(\w+)\(/gm)].map((m) => m[1]);
}
const shipped = methodsOf("Session");
const testOnly = [...methodsOf("TestSession"), ...methodsOf("WegwijzerTestModule")];

test("the declaration lists the session's methods and the test-only ones apart", () => {
  assert.deepEqual(shipped.sort(), ["acceptBundle", "courseView", "delete", "describe", "evaluate", "message", "prepareBundle", "publicKey", "signature", "status"]);
  assert.deepEqual(testOnly.sort(), ["compileFor", "evaluateLogic", "loadUnsigned", "runCases"]);
});

test("the Node build has every declared method", () => {
  const session = new wasm.Session();
  try {
    for (const m of [...shipped, ...methodsOf("TestSession")]) assert.equal(typeof session[m], "function", m);
    assert.equal(typeof wasm.evaluateLogic, "function");
  } finally {
    session.delete();
  }
});

test("the browser build has the shipped methods and not one test-only name", () => {
  const bytes = readFileSync(join(wasmDir, "wegwijzer.wasm")).toString("latin1");
  for (const m of shipped.filter((name) => name !== "delete")) assert.ok(bytes.includes(m), `${m} is registered`);
  for (const m of testOnly) assert.ok(!bytes.includes(m), `${m} is not in the browser build`);
});

test("web/src calls only what the declaration lists", () => {
  const used = new Set();
  for (const file of readdirSync(join(root, "web/src")).filter((f) => f.endsWith(".js"))) {
    const text = readFileSync(join(root, "web/src", file), "utf8");
    for (const m of text.matchAll(/\bsession\.(\w+)\(/g)) used.add(`${file}: ${m[1]}`);
  }
  assert.ok(used.size >= 8, [...used].join(", "));
  for (const entry of used) {
    const [file, method] = entry.split(": ");
    // The fast path runs on the Node build only (tests, benchmarks).
    const allowed = file === "fast-path.js" ? [...shipped, ...testOnly] : shipped;
    assert.ok(allowed.includes(method), `${entry} is not in wasm/wegwijzer.d.ts`);
  }
});
