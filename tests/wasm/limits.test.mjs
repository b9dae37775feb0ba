// The step budget through WebAssembly (issue 15, D1; rules-format §5.7): an
// expression that would run for hours stops with an error, in wasm as
// natively (tests/limits_test.cpp, StepBudget).
//   node --test tests/wasm/limits.test.mjs   (after the wasm build)

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wasmDir = resolve(process.env.WEGWIJZER_WASM_DIR || join(root, "build/wasm/wasm"));
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });

// {"reduce": [[0, ...], LAMBDA, 0]}, `depth` deep, over `items` items each.
function nestedReduce(depth, items) {
  let lambda = { "+": [{ var: "accumulator" }, 1] };
  for (let d = 0; d < depth; d += 1) lambda = { reduce: [new Array(items).fill(0), lambda, 0] };
  return lambda;
}

test("an expression of 8e9 steps stops at the budget with an error, in wasm too", () => {
  const out = JSON.parse(wasm.evaluateLogic(JSON.stringify(nestedReduce(4, 300)), "{}", "wegwijzer"));
  assert.match(out.error, /stopped after 10000000 steps/);
});

test("one under the budget runs to its value", () => {
  const out = JSON.parse(wasm.evaluateLogic(JSON.stringify(nestedReduce(2, 1000)), "{}", "wegwijzer"));
  assert.deepEqual(out, { value: 1000 });
});
