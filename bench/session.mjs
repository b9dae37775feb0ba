// What the widget asks of the wasm core, timed one call at a time in Node
// (the Node build of the same binding, build/wasm/wasm): loading and
// verifying the signed bundle (prepareBundle, WebCrypto, acceptBundle),
// describe, and the compact evaluation the guide makes after every answer
// (status: statuses and the planned next question) for no answers and for
// three, and the full evaluation of the results page. Median and fastest of
// N calls after one warm-up call. Not a test: it prints, nothing is checked.
//
// Usage: node bench/session.mjs [--runs 30]
//   (needs the wasm build and build/release/bundles: scripts/bench.sh builds both)

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1] || 0) || 30;
const wasmDir = join(root, 'build/wasm/wasm');
const require = createRequire(import.meta.url);
const core = await require(join(wasmDir, 'wegwijzer-node.cjs'))({ wasmBinary: readFileSync(join(wasmDir, 'wegwijzer-node.wasm')) });
const bundle = readFileSync(join(root, 'build/release/bundles/opleidingsincentives.dsse.json'));
const trustRoot = readFileSync(join(root, 'rules/keys/dev-only-trust-root.json'), 'utf8');
const DATE = '2026-12-02';
const POLICY = JSON.stringify({ today: DATE, rulesetId: 'opleidingsincentives' });

async function load() {
  const session = new core.Session();
  const prepared = JSON.parse(session.prepareBundle(bundle, trustRoot, POLICY));
  if (!prepared.checks) throw new Error(`refused: ${JSON.stringify(prepared)}`);
  const message = session.message().slice();
  const valid = await Promise.all(prepared.checks.map(async (c, i) => {
    const key = await webcrypto.subtle.importKey('raw', session.publicKey(i).slice(), { name: 'Ed25519' }, false, ['verify']);
    return webcrypto.subtle.verify({ name: 'Ed25519' }, key, session.signature(i).slice(), message);
  }));
  const verdict = JSON.parse(session.acceptBundle(valid, ''));
  if (!verdict.accepted) throw new Error(`refused: ${JSON.stringify(verdict)}`);
  return session;
}

async function time(label, f) {
  await f();
  const ms = [];
  for (let k = 0; k < runs; k += 1) {
    const t0 = process.hrtime.bigint();
    await f();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  ms.sort((a, b) => a - b);
  console.log(`| ${label} | ${ms[Math.floor(runs / 2)].toFixed(2)} | ${ms[0].toFixed(2)} |`);
}

const session = await load();
const three = JSON.stringify({ doel: 'tijd', statuut: 'werknemer-prive', tewerkstellingsplaats: 'vlaanderen' });
console.log(`wasm core in Node ${process.version}, ${runs} calls each (bench/session.mjs)\n`);
console.log('| call | median (ms) | fastest (ms) |\n|---|---|---|');
await time('load and verify the bundle (prepareBundle + WebCrypto + acceptBundle)', async () => (await load()).delete());
await time('prepareBundle alone', () => { const s = new core.Session(); s.prepareBundle(bundle, trustRoot, POLICY); s.delete(); });
await time('describe', () => session.describe('nl'));
await time('status, no answers', () => session.status('{}', DATE));
await time('status, three answers', () => session.status(three, DATE));
await time('evaluate (results page), three answers', () => session.evaluate(three, DATE, 'nl'));
