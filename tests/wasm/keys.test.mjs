// Weak and doubled keys through the browser's path (issue 15, D3 and D4): the
// wasm core reads the trust root and lists the signature checks, WebCrypto
// (here Node's, as in bench/run-js.mjs) runs them, the core decides. The
// native path has the same cases in tests/bundle_test.cpp.
//   node --test tests/wasm/keys.test.mjs   (after the wasm and debug builds)

import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { webcrypto } from "node:crypto";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const wasmDir = resolve(process.env.WEGWIJZER_WASM_DIR || join(root, "build/wasm/wasm"));
const require = createRequire(import.meta.url);
const createWegwijzer = require(join(wasmDir, "wegwijzer-node.cjs"));
const wasm = await createWegwijzer({ wasmBinary: readFileSync(join(wasmDir, "wegwijzer-node.wasm")) });

const devRoot = JSON.parse(readFileSync(join(root, "rules/keys/dev-only-trust-root.json"), "utf8"));
const devKey = devRoot.keys[0];
const bundle = readFileSync(join(root, "build/debug/bundles/example.dsse.json"));
const POLICY = JSON.stringify({ today: "2025-10-01", rulesetId: "example" });

// The widget's steps (web/src/engine.js): prepare, WebCrypto, accept.
async function load(bundleBytes, trustRoot, policy = POLICY, { withDigest = true } = {}) {
  const session = new wasm.Session();
  try {
    const prepared = JSON.parse(session.prepareBundle(bundleBytes, JSON.stringify(trustRoot), policy));
    if (prepared.error || prepared.accepted === false) return prepared;
    const message = session.message().slice();
    const valid = await Promise.all(prepared.checks.map(async (c, i) => {
      const key = await webcrypto.subtle.importKey("raw", session.publicKey(i).slice(), { name: "Ed25519" }, false, ["verify"]);
      return webcrypto.subtle.verify({ name: "Ed25519" }, key, session.signature(i).slice(), message);
    }));
    const messageDigest = withDigest ? Buffer.from(await webcrypto.subtle.digest("SHA-256", message)).toString("hex") : "";
    return { ...JSON.parse(session.acceptBundle(valid, messageDigest)), messageDigest };
  } finally {
    session.delete();
  }
}

const IDENTITY = Buffer.from("01" + "00".repeat(31), "hex");
const rootWith = (keys, threshold = 1) => ({ format: "wegwijzer-trust-root/1", threshold, keys });

test("the demo bundle loads with its own trust root (the cases below differ only in the keys)", async () => {
  const verdict = await load(bundle, devRoot);
  assert.equal(verdict.accepted, true, JSON.stringify(verdict));
});

test("a trust root with the identity point as a key is refused, so a forged signature (R = identity, S = 0) never counts", async () => {
  const keyid = "f".repeat(64);
  const envelope = JSON.parse(bundle.toString("utf8"));
  envelope.signatures = [{ keyid, sig: Buffer.concat([IDENTITY, Buffer.alloc(32)]).toString("base64") }];
  const verdict = await load(Buffer.from(JSON.stringify(envelope)),
    rootWith([{ keyid, publicKey: IDENTITY.toString("base64"), owner: "Mallory" }]));
  assert.match(verdict.error ?? "", /trust root is invalid: .*weak Ed25519 key/);
});

test("a non-canonical encoding of a small-order point is refused as a key too", async () => {
  const yIsP = Buffer.from("ed" + "ff".repeat(30) + "7f", "hex"); // y = 2^255 - 19, which is 0
  const verdict = await load(bundle, rootWith([devKey, { keyid: "e".repeat(64), publicKey: yIsP.toString("base64"), owner: "X" }]));
  assert.match(verdict.error ?? "", /weak Ed25519 key/);
});

test("one public key under two key ids is refused, so one holder cannot meet a threshold of two", async () => {
  const envelope = JSON.parse(bundle.toString("utf8"));
  const twin = { ...devKey, keyid: "a".repeat(64), owner: "The same holder again" };
  envelope.signatures = [envelope.signatures[0], { ...envelope.signatures[0], keyid: twin.keyid }];
  const verdict = await load(Buffer.from(JSON.stringify(envelope)), rootWith([devKey, twin], 2));
  assert.match(verdict.error ?? "", /same public key as key/);
});

// A version names one content (issue 15; tests/bundle_test.cpp has the native
// cases): the digest the widget records with the version is compared.
test("a bundle with the version seen before and another signed message is refused as version-reused", async () => {
  const first = await load(bundle, devRoot);
  assert.equal(first.accepted, true);
  assert.match(first.messageDigest, /^[0-9a-f]{64}$/);
  const seen = (digest) => JSON.stringify({ today: "2025-10-01", rulesetId: "example", minVersion: first.version, minVersionDigest: digest });
  assert.equal((await load(bundle, devRoot, seen(first.messageDigest))).accepted, true, "the same one again");
  const other = await load(bundle, devRoot, seen("0".repeat(64)));
  assert.equal(other.refusal?.code, "version-reused", JSON.stringify(other));
  const blind = await load(bundle, devRoot, seen(first.messageDigest), { withDigest: false });
  assert.equal(blind.refusal?.code, "version-reused", "no digest from the platform: cannot compare, refused");
});

test("each check's key and signature come as bytes: the trust root's key, a 64-byte signature, nothing past the last", () => {
  const session = new wasm.Session();
  try {
    const prepared = JSON.parse(session.prepareBundle(bundle, JSON.stringify(devRoot), POLICY));
    assert.equal(prepared.checks.length, 1);
    assert.deepEqual(Object.keys(prepared.checks[0]), ["keyid"]);
    assert.deepEqual(Buffer.from(session.publicKey(0)), Buffer.from(devKey.publicKey, "base64"));
    assert.equal(session.signature(0).length, 64);
    assert.equal(session.publicKey(1).length, 0);
    assert.equal(session.signature(1).length, 0);
  } finally {
    session.delete();
  }
});

test("answers that do not match the checks are refused: none, too few, not booleans", () => {
  for (const valid of [[], undefined, null, ["true"], [1]]) {
    const session = new wasm.Session();
    try {
      JSON.parse(session.prepareBundle(bundle, JSON.stringify(devRoot), POLICY));
      const verdict = JSON.parse(session.acceptBundle(valid, ""));
      assert.equal(verdict.accepted, false, JSON.stringify(valid));
      assert.equal(verdict.refusal.code, "bad-signature", JSON.stringify(valid));
    } finally {
      session.delete();
    }
  }
});
