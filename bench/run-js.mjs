// The JavaScript side of the benchmark: the wasm core in Node through the
// widget's API, and the peers (certlogic-js, json-logic-js, json-logic-engine
// interpreted and compiled) on the same conditions, on the same profiles.
// Checks that every engine agrees with the native core's outcomes.
//
// Usage: node bench/run-js.mjs --ruleset R --profiles P --bundle B --trust-root T
//          --wasm-dir build/wasm/wasm --native-outcomes bench/out/native-outcomes.json
//          --out bench/out/js.json [--sample-ms 300] [--samples 5]
//
// Throughput is measured in passes over all profiles: a warm-up, then
// `samples` samples of at least `sample-ms` each; the median sample counts.
// Both wall time and CPU time of the process (process.cpuUsage: all threads,
// so the GC and compiler threads too) are recorded.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { webcrypto } from 'node:crypto';
import { FastPath } from '../web/src/fast-path.js';

const require = createRequire(import.meta.url);
const certlogic = require('certlogic-js');
const jsonLogic = require('json-logic-js');
const { LogicEngine } = require('json-logic-engine');

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const need = (name) => {
  const v = opt(name);
  if (!v) { console.error(`run-js.mjs: --${name} is required`); process.exit(2); }
  return resolve(v);
};
const rulesetText = readFileSync(need('ruleset'), 'utf8');
const profiles = JSON.parse(readFileSync(need('profiles'), 'utf8'));
const bundleText = readFileSync(need('bundle'), 'utf8');
const bundleBytes = readFileSync(need('bundle')); // as the widget passes it: bytes
const trustRootText = readFileSync(need('trust-root'), 'utf8');
const wasmDir = need('wasm-dir');
const nativeDump = JSON.parse(readFileSync(need('native-outcomes'), 'utf8'));
const nativeOutcomes = nativeDump.complete;
const outPath = need('out');
const SAMPLE_MS = Number(opt('sample-ms', 300));
const SAMPLES = Number(opt('samples', 5));
const DATE = profiles.date;
const complete = profiles.complete;
const partial = profiles.partial;
const N = complete.length;

// ---------------------------------------------------------------- timing
const nowNs = () => process.hrtime.bigint();
const cpuUs = () => { const u = process.cpuUsage(); return u.user + u.system; };
let blackhole = 0;

// fn(i) does one item (one profile i, or one load); returns a number to sink.
function measureSync(fn, items) {
  const pass = () => { let s = 0; for (let i = 0; i < items; i++) s += fn(i); blackhole += s; };
  const warmEnd = nowNs() + BigInt(SAMPLE_MS) * 1000000n;
  do pass(); while (nowNs() < warmEnd);
  const samples = [];
  for (let k = 0; k < SAMPLES; k++) {
    const t0 = nowNs(); const c0 = cpuUs(); let done = 0;
    const end = t0 + BigInt(SAMPLE_MS) * 1000000n;
    do { pass(); done += items; } while (nowNs() < end);
    samples.push({ items: done, wallS: Number(nowNs() - t0) / 1e9, cpuS: (cpuUs() - c0) / 1e6 });
  }
  return summarise(samples);
}

async function measureAsync(fn, items) {
  const pass = async () => { let s = 0; for (let i = 0; i < items; i++) s += await fn(i); blackhole += s; };
  const warmEnd = nowNs() + BigInt(SAMPLE_MS) * 1000000n;
  do await pass(); while (nowNs() < warmEnd);
  const samples = [];
  for (let k = 0; k < SAMPLES; k++) {
    const t0 = nowNs(); const c0 = cpuUs(); let done = 0;
    const end = t0 + BigInt(SAMPLE_MS) * 1000000n;
    do { await pass(); done += items; } while (nowNs() < end);
    samples.push({ items: done, wallS: Number(nowNs() - t0) / 1e9, cpuS: (cpuUs() - c0) / 1e6 });
  }
  return summarise(samples);
}

// Several engines on the same work, their samples interleaved (A B C A B C
// ...): a change in the load of a shared machine then hits all of them
// alike instead of whichever ran at that moment. Each gets a warm-up first.
function measureInterleaved(fns, items) {
  const passes = fns.map((fn) => () => { let s = 0; for (let i = 0; i < items; i++) s += fn(i); blackhole += s; });
  for (const pass of passes) {
    const warmEnd = nowNs() + BigInt(SAMPLE_MS) * 1000000n;
    do pass(); while (nowNs() < warmEnd);
  }
  const samples = fns.map(() => []);
  for (let k = 0; k < SAMPLES; k++) {
    passes.forEach((pass, e) => {
      const t0 = nowNs(); const c0 = cpuUs(); let done = 0;
      const end = t0 + BigInt(SAMPLE_MS) * 1000000n;
      do { pass(); done += items; } while (nowNs() < end);
      samples[e].push({ items: done, wallS: Number(nowNs() - t0) / 1e9, cpuS: (cpuUs() - c0) / 1e6 });
    });
  }
  return samples.map(summarise);
}

function summarise(samples) {
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  return {
    perSecondWall: median(samples.map((s) => s.items / s.wallS)),
    perSecondCpu: median(samples.map((s) => s.items / Math.max(s.cpuS, 1e-9))),
    samples,
  };
}

// ---------------------------------------------------------------- the rules in force
function inForce(text) {
  const rs = JSON.parse(text);
  const out = [];
  for (const r of rs.results) {
    const v = r.versions.find((x) => x.validFrom <= DATE && (!x.validUntil || DATE <= x.validUntil));
    if (!v) continue;
    out.push({
      id: r.id,
      criteria: v.criteria.map((c) => ({ id: c.id, test: c.test })),
      amounts: (v.amounts ?? []).map((a) => ({ id: a.id, value: a.value })),
    });
  }
  return out;
}

// CertLogic has neither `or` nor `!==` (nor -, *, /, min, max): `or` becomes
// De Morgan's !and(!a, !b, ...), `!==` becomes !(===). Arithmetic other than
// `+` has no translation, so certlogic-js evaluates the criteria only.
class Untranslatable extends Error {}
function toCertLogic(e) {
  if (Array.isArray(e)) return e.map(toCertLogic);
  if (e === null || typeof e !== 'object') {
    if (typeof e === 'number' && !Number.isInteger(e)) throw new Untranslatable(`non-integer literal ${e}`);
    return e;
  }
  const [op] = Object.keys(e);
  const args = e[op];
  switch (op) {
    case 'var': return e;
    case 'or': return { '!': [{ and: args.map((a) => ({ '!': [toCertLogic(a)] })) }] };
    case '!==': return { '!': [{ '===': args.map(toCertLogic) }] };
    case '-': case '*': case '/': case 'min': case 'max': case '!=': case '==':
      throw new Untranslatable(`operator ${op}`);
    default: return { [op]: args.map(toCertLogic) };
  }
}

const truthy = (v) => (Array.isArray(v) ? v.length > 0 : !!v);

// A peer: load(text) -> program; evaluate(program, data, record) evaluates
// every criterion of every result in force (no short cut: the core judges
// every criterion too), the status (all true -> eligible; a criterion that
// throws is open), and the amounts of eligible results where the peer can.
function makePeer(name, note, prepare) {
  return {
    name,
    note,
    load(text) {
      const results = inForce(text);
      return results.map((r) => prepare(r));
    },
    evaluate(program, data, record) {
      let sink = 0;
      for (let r = 0; r < program.length; r++) {
        const res = program[r];
        let no = false;
        let open = false;
        const crit = record ? {} : null;
        for (let c = 0; c < res.criteria.length; c++) {
          let v;
          try {
            v = res.criteria[c](data);
          } catch (err) {
            open = true;
            if (record) crit[res.criteriaIds[c]] = { outcome: 'open', error: String(err.message) };
            continue;
          }
          const t = truthy(v);
          if (!t) no = true;
          if (record) crit[res.criteriaIds[c]] = { outcome: t ? 'met' : 'not-met', value: v };
        }
        const status = no ? 'not-eligible' : open ? 'unknown' : 'eligible';
        sink += no ? 1 : 2;
        let amounts = null;
        if (status === 'eligible' && res.amounts) {
          if (record) amounts = {};
          for (let a = 0; a < res.amounts.length; a++) {
            const v = res.amounts[a](data);
            sink += v;
            if (record) amounts[res.amountIds[a]] = v;
          }
        }
        if (record) record[res.id] = { status, criteria: crit, amounts };
      }
      return sink;
    },
  };
}

const engine = new LogicEngine();
const peers = [
  makePeer('certlogic-js', 'criteria only (CertLogic has no -, *, /; or and !== rewritten)', (r) => {
    const tests = r.criteria.map((c) => toCertLogic(c.test));
    return {
      id: r.id,
      criteriaIds: r.criteria.map((c) => c.id),
      criteria: tests.map((t) => (data) => certlogic.evaluate(t, data)),
      amounts: null,
    };
  }),
  makePeer('json-logic-js', 'criteria + amounts', (r) => ({
    id: r.id,
    criteriaIds: r.criteria.map((c) => c.id),
    criteria: r.criteria.map((c) => (data) => jsonLogic.apply(c.test, data)),
    amountIds: r.amounts.map((a) => a.id),
    amounts: r.amounts.map((a) => (data) => jsonLogic.apply(a.value, data)),
  })),
  makePeer('json-logic-engine (interpreted)', 'criteria + amounts', (r) => ({
    id: r.id,
    criteriaIds: r.criteria.map((c) => c.id),
    criteria: r.criteria.map((c) => (data) => engine.run(c.test, data)),
    amountIds: r.amounts.map((a) => a.id),
    amounts: r.amounts.map((a) => (data) => engine.run(a.value, data)),
  })),
  makePeer('json-logic-engine (compiled)', 'criteria + amounts; compiled once at load', (r) => ({
    id: r.id,
    criteriaIds: r.criteria.map((c) => c.id),
    criteria: r.criteria.map((c) => engine.build(c.test)),
    amountIds: r.amounts.map((a) => a.id),
    amounts: r.amounts.map((a) => engine.build(a.value)),
  })),
];

// ---------------------------------------------------------------- the wasm core
const createWegwijzer = require(join(wasmDir, 'wegwijzer-node.cjs'));
const wasmBinary = readFileSync(join(wasmDir, 'wegwijzer-node.wasm'));
const instantiateMs = [];
let core;
for (let k = 0; k < 5; k++) {
  const t0 = nowNs();
  core = await createWegwijzer({ wasmBinary });
  instantiateMs.push(Number(nowNs() - t0) / 1e6);
}
const session = new core.Session();
const summary = JSON.parse(session.loadUnsigned(rulesetText));
if (summary.problems) throw new Error(`wasm: the ruleset does not load: ${JSON.stringify(summary.problems)}`);
const wasmEvaluate = (answers) => JSON.parse(session.evaluate(JSON.stringify(answers), DATE, 'nl'));
// The widget's fast path (web/src/engine.js): answers straight into the module's memory.
const fast = FastPath.open(core, session, DATE, JSON.parse(session.describe('nl')).questions);
if (!fast) throw new Error('wasm: no fast path for this ruleset');
const resultCount = fast.resultIds.length;
const readStatuses = (f) => { let s = 0; for (let r = 0; r < resultCount; r++) s += f.statusAt(r) === 'eligible' ? 2 : 1; return s; };

async function wasmVerify(s) {
  const prepared = JSON.parse(s.prepareBundle(bundleBytes, trustRootText, JSON.stringify({ today: DATE, rulesetId: summary.id })));
  if (prepared.accepted === false) throw new Error(`wasm: bundle refused: ${prepared.refusal.message}`);
  const message = s.message().slice(); // a copy: the view is into the module's memory
  const valid = await Promise.all(prepared.checks.map(async (c, i) => {
    const key = await webcrypto.subtle.importKey('raw', s.publicKey(i).slice(), { name: 'Ed25519' }, false, ['verify']);
    return webcrypto.subtle.verify({ name: 'Ed25519' }, key, s.signature(i).slice(), message);
  }));
  const verdict = JSON.parse(s.acceptBundle(valid, ''));
  if (!verdict.accepted) throw new Error(`wasm: bundle refused: ${JSON.stringify(verdict.refusal)}`);
  return 1;
}

// ---------------------------------------------------------------- agreement
const programs = new Map(peers.map((p) => [p.name, p.load(rulesetText)]));
const inForceResults = inForce(rulesetText);
const exprOf = new Map();
for (const r of inForceResults) for (const c of r.criteria) exprOf.set(`${r.id}/${c.id}`, c.test);
const varsOf = (e, out = new Set()) => {
  if (Array.isArray(e)) e.forEach((x) => varsOf(x, out));
  else if (e && typeof e === 'object') {
    if ('var' in e) out.add(e.var);
    else Object.values(e).forEach((x) => varsOf(x, out));
  }
  return out;
};

const agreement = {};
function note(engineName, kind, i, resultId, criterionId, details) {
  const a = agreement[engineName];
  a[kind] += 1;
  if (a.examples.length < 4) {
    const expr = criterionId ? exprOf.get(`${resultId}/${criterionId}`) : null;
    const data = {};
    if (expr) for (const v of varsOf(expr)) data[v] = v in complete[i] ? complete[i][v] : null;
    a.examples.push({ profile: i, result: resultId, criterion: criterionId, expression: expr, data, ...details });
  }
}

const engineNames = ['wasm core', 'wasm core (fast path)', ...peers.map((p) => p.name)];
for (const name of engineNames) {
  agreement[name] = { profilesCompared: N, profilesWithStatusMismatch: 0, status: 0, criterion: 0, amount: 0, examples: [] };
}
const sameNumber = (a, b) => typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
const statusCounts = {};
for (let i = 0; i < N; i++) {
  const ref = nativeOutcomes[i].results;
  for (const [rid, r] of Object.entries(ref)) {
    statusCounts[rid] ??= {};
    statusCounts[rid][r.status] = (statusCounts[rid][r.status] ?? 0) + 1;
  }
  // wasm: statuses and amounts from the widget's JSON.
  const w = wasmEvaluate(complete[i]);
  let bad = false;
  for (const r of w.results) {
    const n = ref[r.id];
    if (!n || n.status !== r.status) {
      bad = true;
      note('wasm core', 'status', i, r.id, null, { native: n && n.status, wasm: r.status });
    }
    for (const [aid, v] of Object.entries(r.amounts)) {
      if (!n || !sameNumber(n.amounts[aid], v)) note('wasm core', 'amount', i, r.id, null, { amount: aid, native: n && n.amounts[aid], wasm: v });
    }
  }
  if (w.results.length !== Object.keys(ref).length) bad = true;
  if (bad) agreement['wasm core'].profilesWithStatusMismatch += 1;
  // wasm fast path: statuses, every criterion, amounts.
  const f = fast.run(complete[i]).outcome();
  let fbad = fast.invalidAnswer !== null || Object.keys(f).length !== Object.keys(ref).length;
  for (const [rid, r] of Object.entries(f)) {
    const n = ref[rid];
    if (!n || n.status !== r.status) {
      fbad = true;
      note('wasm core (fast path)', 'status', i, rid, null, { native: n && n.status, fast: r.status });
    }
    for (const [cid, c] of Object.entries(r.criteria)) {
      if (n && n.criteria[cid] !== c) note('wasm core (fast path)', 'criterion', i, rid, cid, { native: n.criteria[cid], fast: c });
    }
    const ids = new Set([...Object.keys(r.amounts), ...Object.keys(n ? n.amounts : {})]);
    for (const aid of ids) {
      if (!n || !sameNumber(n.amounts[aid], r.amounts[aid])) note('wasm core (fast path)', 'amount', i, rid, null, { amount: aid, native: n && n.amounts[aid], fast: r.amounts[aid] });
    }
  }
  if (fbad) agreement['wasm core (fast path)'].profilesWithStatusMismatch += 1;
  // peers: statuses, every criterion, amounts.
  for (const p of peers) {
    const rec = {};
    p.evaluate(programs.get(p.name), complete[i], rec);
    let pbad = false;
    for (const [rid, r] of Object.entries(rec)) {
      const n = ref[rid];
      for (const [cid, c] of Object.entries(r.criteria)) {
        if (n.criteria[cid] !== c.outcome) {
          note(p.name, 'criterion', i, rid, cid, { native: n.criteria[cid], [p.name]: c.outcome, peerValue: c.value, peerError: c.error });
        }
      }
      if (n.status !== r.status) {
        pbad = true;
        note(p.name, 'status', i, rid, null, { native: n.status, [p.name]: r.status });
      }
      if (r.amounts) {
        for (const [aid, v] of Object.entries(r.amounts)) {
          if (!sameNumber(n.amounts[aid], v)) note(p.name, 'amount', i, rid, null, { amount: aid, native: n.amounts[aid], [p.name]: v });
        }
      }
    }
    if (Object.keys(rec).length !== Object.keys(ref).length) pbad = true;
    if (pbad) agreement[p.name].profilesWithStatusMismatch += 1;
  }
}
// Partial profiles: the wasm core must give the native statuses and plan the same next questions.
const planning = { profilesCompared: partial.length, statusMismatch: 0, nextMismatch: 0, examples: [] };
for (let i = 0; i < partial.length; i++) {
  const w = wasmEvaluate(partial[i]);
  const ref = nativeDump.partial[i];
  const statusBad = w.results.some((r) => ref.statuses[r.id] !== r.status) || w.results.length !== Object.keys(ref.statuses).length;
  const nextBad = JSON.stringify(w.next) !== JSON.stringify(ref.next);
  if (statusBad) planning.statusMismatch += 1;
  if (nextBad) planning.nextMismatch += 1;
  if ((statusBad || nextBad) && planning.examples.length < 3) {
    planning.examples.push({ profile: i, answers: partial[i], nativeNext: ref.next, wasmNext: w.next });
  }
}
const ruleErrorProfiles = nativeOutcomes.filter((o) => o.ruleErrors.length > 0);

// ---------------------------------------------------------------- measurements
const rows = [];
function record(engineName, workload, note, m) {
  rows.push({ engine: engineName, workload, note, ...m });
  console.log(`  ${engineName.padEnd(32)} ${workload.padEnd(24)} ${Math.round(m.perSecondCpu).toString().padStart(10)} /s CPU  `
    + `${Math.round(m.perSecondWall).toString().padStart(10)} /s wall`);
}

console.log(`JS engines (node ${process.version}), ${N} profiles, date ${DATE}:`);
record('wasm core', 'complete (widget path)', 'JSON.stringify + Session.evaluate (plans next) + JSON.parse',
  measureSync((i) => wasmEvaluate(complete[i]).results.length, N));
record('wasm core', 'complete (status path)', 'JSON.stringify + Session.status (statuses, amounts, next; no texts) + JSON.parse',
  measureSync((i) => JSON.parse(session.status(JSON.stringify(complete[i]), DATE)).results.length, N));
const encoded = complete.map((a) => fast.encode(a));
record('wasm core', 'fast path: encode only', 'FastPath.encode(answers object) into a Float64Array',
  measureSync((i) => fast.encode(complete[i])[0] || 1, N));
record('wasm core', 'partial, plan next', 'the same on partial profiles (1-4 answers)',
  measureSync((i) => wasmEvaluate(partial[i]).next.length, N));
// Where the widget path's time goes: the wasm call alone, and the JSON.parse of its answer.
const completeText = complete.map((a) => JSON.stringify(a));
const outputs = completeText.map((t) => session.evaluate(t, DATE, 'nl'));
const outputBytes = outputs.reduce((n, o) => n + Buffer.byteLength(o), 0) / N;
record('wasm core', 'complete: evaluate call only', 'Session.evaluate on a ready string; its JSON answer is not parsed',
  measureSync((i) => session.evaluate(completeText[i], DATE, 'nl').length, N));
record('JSON.parse', 'complete: parse the answer', `JSON.parse of the wasm answer (${Math.round(outputBytes)} bytes on average)`,
  measureSync((i) => JSON.parse(outputs[i]).results.length, N));
// The fast path and the peers on complete profiles, interleaved.
{
  const contenders = [
    ['wasm core', 'complete (fast path)', 'FastPath.run(answers object): encode into wasm memory + _wegwijzer_run + read the statuses',
      (i) => readStatuses(fast.run(complete[i]))],
    ['wasm core', 'complete (fast path, encoded)', 'FastPath.runEncoded(answers encoded once by FastPath.encode) + read the statuses',
      (i) => readStatuses(fast.runEncoded(encoded[i]))],
    ...peers.map((p) => [p.name, 'complete', p.note, (i) => p.evaluate(programs.get(p.name), complete[i], null)]),
  ];
  const measured = measureInterleaved(contenders.map((c) => c[3]), N);
  contenders.forEach(([engineName, workload, note], k) => record(engineName, workload, `${note} (samples interleaved)`, measured[k]));
}
record('wasm core', 'load: loadUnsigned', 'Session.loadUnsigned(ruleset text)',
  measureSync(() => (session.loadUnsigned(rulesetText).length), 1));
record('wasm core', 'load: verified bundle', 'prepareBundle + WebCrypto Ed25519 + acceptBundle (new Session)',
  await measureAsync(async () => { const s = new core.Session(); const r = await wasmVerify(s); s.delete(); return r; }, 1));
for (const p of peers) {
  record(p.name, 'load', 'JSON.parse + pick versions in force' + (p.name.includes('compiled') ? ' + build' : ''),
    measureSync(() => p.load(rulesetText).length, 1));
}

writeFileSync(outPath, JSON.stringify({
  node: process.version, date: DATE, profiles: N, instantiateMs, outputBytes, rows, agreement, planning, statusCounts,
  ruleErrorProfiles: ruleErrorProfiles.length,
  ruleErrorExample: ruleErrorProfiles[0] ?? null,
  blackhole,
}, null, 1));
console.log(`wasm instantiate (createWegwijzer, ms): ${instantiateMs.map((x) => x.toFixed(1)).join(', ')}`);
