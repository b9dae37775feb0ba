// Verifies a bundle made by the native tool with WebCrypto (crypto.subtle,
// Ed25519), the primitive the browser uses: the two paths must agree.
// Usage: node verify-webcrypto.mjs BUNDLE TRUST_ROOT
import { readFileSync } from "node:fs";
import { webcrypto } from "node:crypto";
import assert from "node:assert/strict";

const [bundlePath, trustPath] = process.argv.slice(2);
const envelope = JSON.parse(readFileSync(bundlePath, "utf8"));
const trust = JSON.parse(readFileSync(trustPath, "utf8"));

// DSSE v1 pre-authentication encoding, over bytes (lengths are byte counts).
function pae(type, payload) {
  const enc = new TextEncoder();
  const typeBytes = enc.encode(type);
  const head = enc.encode(`DSSEv1 ${typeBytes.length} ${type} ${payload.length} `);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

async function verifyAll(env) {
  const payload = Buffer.from(env.payload, "base64");
  const message = pae(env.payloadType, payload);
  const results = [];
  for (const { keyid, sig } of env.signatures) {
    const key = trust.keys.find((k) => k.keyid === keyid);
    if (!key) { results.push(false); continue; }
    const publicKey = await webcrypto.subtle.importKey(
      "raw", Buffer.from(key.publicKey, "base64"), { name: "Ed25519" }, false, ["verify"]);
    results.push(await webcrypto.subtle.verify({ name: "Ed25519" }, publicKey, Buffer.from(sig, "base64"), message));
  }
  return results;
}

const good = await verifyAll(envelope);
assert.ok(good.length > 0 && good.every(Boolean), `native signatures must verify with WebCrypto: ${good}`);

// The same check must fail on a payload changed by one bit.
const payload = Buffer.from(envelope.payload, "base64");
payload[Math.floor(payload.length / 2)] ^= 1;
const tampered = { ...envelope, payload: payload.toString("base64") };
assert.ok((await verifyAll(tampered)).every((ok) => !ok), "a changed payload must not verify");

console.log(`ok: ${good.length} signature(s) of ${bundlePath} verify with WebCrypto Ed25519; a one-bit change does not`);
