// Puts the measurements of one bench run together: the markdown table, the
// goals, the agreement between engines, the code size.
//
// Usage: node bench/report.mjs OUT_DIR   (reads native.json, js.json, ttfq.json, profiles.json; writes report.md)

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? join(repo, 'bench/out'));
const read = (f) => JSON.parse(readFileSync(join(out, f), 'utf8'));
const native = read('native.json');
const js = read('js.json');
const ttfq = existsSync(join(out, 'ttfq.json')) ? read('ttfq.json') : { skipped: 'not run' };
const profiles = read('profiles.json');

// ---------------------------------------------------------------- rows
const gb = new Map();
for (const b of native.benchmarks) {
  if (b.run_type === 'aggregate' && b.aggregate_name !== 'median') continue;
  const name = b.run_name ?? b.name;
  const toNs = { ns: 1, us: 1e3, ms: 1e6, s: 1e9 }[b.time_unit];
  gb.set(name, { perSecondCpu: 1e9 / (b.cpu_time * toNs), perSecondWall: 1e9 / (b.real_time * toNs) });
}
const nativeRow = (name) => {
  const m = gb.get(name);
  if (!m) throw new Error(`report: no native benchmark ${name}`);
  return m;
};
const jsRow = (engine, workload) => {
  const r = js.rows.find((x) => x.engine === engine && x.workload === workload);
  if (!r) throw new Error(`report: no JS measurement ${engine} / ${workload}`);
  return r;
};

const PEERS = ['certlogic-js', 'json-logic-js', 'json-logic-engine (interpreted)', 'json-logic-engine (compiled)'];
const fastestPeer = (workload) => PEERS.map((p) => ({ p, ...jsRow(p, workload) }))
  .reduce((a, b) => (b.perSecondCpu > a.perSecondCpu ? b : a));
const fastComplete = fastestPeer('complete');
const fastLoad = fastestPeer('load');

const sections = [
  {
    title: `Complete profiles (${profiles.count}, every applicable question answered): one full evaluation`,
    base: fastComplete,
    rows: [
      ['native core', 'fast path: Program::run on encoded answers (statuses, criteria, amounts, askIf)', nativeRow('program/complete')],
      ['native core', 'fast path: encodeAnswer from the JSON answers + Program::run', nativeRow('program/complete+encode')],
      ['native core', 'evaluate(), planNext=false', nativeRow('evaluate/complete/no-plan')],
      ['native core', 'evaluate(), planNext=true', nativeRow('evaluate/complete/plan')],
      ['native core', 'widget work natively: parse answers + evaluate + toJson + dump', nativeRow('widget/complete')],
      ['wasm core (Node)', 'fast path, the widget\'s API: FastPath.run(answers object) + read statuses', jsRow('wasm core', 'complete (fast path)')],
      ['wasm core (Node)', 'fast path on answers encoded once (FastPath.encode) + read statuses', jsRow('wasm core', 'complete (fast path, encoded)')],
      ['wasm core (Node)', '  of which: FastPath.encode(answers object)', jsRow('wasm core', 'fast path: encode only')],
      ['wasm core (Node)', 'results page: JSON.stringify + Session.evaluate (texts, next) + JSON.parse', jsRow('wasm core', 'complete (widget path)')],
      ['wasm core (Node)', 'status path: JSON.stringify + Session.status (no texts) + JSON.parse', jsRow('wasm core', 'complete (status path)')],
      ['wasm core (Node)', '  of which: Session.evaluate call alone', jsRow('wasm core', 'complete: evaluate call only')],
      ['wasm core (Node)', `  of which: JSON.parse of its answer (${Math.round(js.outputBytes)} B)`, jsRow('JSON.parse', 'complete: parse the answer')],
      ['certlogic-js', 'criteria only (no -, *, / in CertLogic); or/!== rewritten', jsRow('certlogic-js', 'complete')],
      ['json-logic-js', 'criteria + amounts', jsRow('json-logic-js', 'complete')],
      ['json-logic-engine', 'interpreted: criteria + amounts', jsRow('json-logic-engine (interpreted)', 'complete')],
      ['json-logic-engine', 'compiled once (eval: blocked by the widget\'s CSP): criteria + amounts', jsRow('json-logic-engine (compiled)', 'complete')],
    ],
  },
  {
    title: 'Partial profiles (1 to 4 answers): evaluation with next-question planning',
    base: null,
    rows: [
      ['native core', 'evaluate(), planNext=false (statuses and open questions only)', nativeRow('evaluate/partial/no-plan')],
      ['native core', 'evaluate(), planNext=true', nativeRow('evaluate/partial/plan')],
      ['native core', 'widget work natively (parse + evaluate + toJson + dump)', nativeRow('widget/partial')],
      ['wasm core (Node)', 'widget path (Session.evaluate plans always)', jsRow('wasm core', 'partial, plan next')],
    ],
  },
  {
    title: 'Loading the rules (per load)',
    base: fastLoad,
    rows: [
      ['native core', 'loadRuleset(text)', nativeRow('load/loadRuleset')],
      ['native core', 'Program::build for the date (the fast path, once per ruleset and date)', nativeRow('program/build')],
      ['native core', 'parseTrustRoot + verifyBundle (OpenSSL Ed25519) incl. loadRuleset', nativeRow('load/verifyBundle')],
      ['wasm core (Node)', 'Session.loadUnsigned(text)', jsRow('wasm core', 'load: loadUnsigned')],
      ['wasm core (Node)', 'new Session + prepareBundle + WebCrypto Ed25519 + acceptBundle', jsRow('wasm core', 'load: verified bundle')],
      ...PEERS.map((p) => [p, jsRow(p, 'load').note, jsRow(p, 'load')]),
    ],
  },
];

const fmt = (x) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const ratio = (x, base) => {
  const r = x / base;
  return r >= 10 ? `${r.toFixed(0)}×` : r >= 0.1 ? `${r.toFixed(2)}×` : `1/${(1 / r).toFixed(0)}`;
};

const lines = [];
const p = (s = '') => lines.push(s);
p('## Wegwijzer benchmark');
p();
const cpuModel = (() => {
  try { return readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/)[1]; } catch { return cpus()[0]?.model; }
})();
const nproc = (() => { try { return execFileSync('nproc').toString().trim(); } catch { return String(cpus().length); } })();
p(`Machine: ${nproc} CPUs (nproc), ${cpuModel}; load average at the end ${loadavg().map((x) => x.toFixed(2)).join(' ')}; `
  + `node ${js.node}; Google Benchmark on ${native.context.num_cpus} × ${native.context.mhz_per_cpu} MHz`
  + `${native.context.library_build_type === 'debug' ? ' (Debian builds the benchmark library as "debug": its own loop only)' : ''}.`);
p(`Ruleset ${profiles.ruleset} v${profiles.rulesetVersion}, evaluation date ${profiles.date}, ${profiles.count} profiles (seed ${profiles.seed}).`);
p('Rates are per second of CPU time of the process (native: the benchmark thread; Node: all its threads, GC included); '
  + 'wall-clock rates are shown too (they suffer when the machine is shared). Ratios compare CPU rates with the fastest JS peer of the section.');
p();
for (const s of sections) {
  p(`### ${s.title}`);
  p();
  p(`| engine | what is measured | per second (CPU) | per second (wall) | ratio to fastest JS peer${s.base ? ` (${s.base.p})` : ''} |`);
  p('|---|---|--:|--:|--:|');
  for (const [engine, what, m] of s.rows) {
    p(`| ${engine} | ${what} | ${fmt(m.perSecondCpu)} | ${fmt(m.perSecondWall)} | ${s.base ? ratio(m.perSecondCpu, s.base.perSecondCpu) : '–'} |`);
  }
  p();
}

// ---------------------------------------------------------------- goals
const wasmFast = jsRow('wasm core', 'complete (fast path)');
const wasmEncoded = jsRow('wasm core', 'complete (fast path, encoded)');
const wasmFull = jsRow('wasm core', 'complete (widget path)');
const cert = jsRow('certlogic-js', 'complete');
const natFast = nativeRow('program/complete');
const natFastJson = nativeRow('program/complete+encode');
const nat = nativeRow('evaluate/complete/no-plan');
p('### Goals');
p();
// json-logic-engine's compiled mode calls eval(): not possible under the widget's CSP (no 'unsafe-eval').
const cspSafe = PEERS.filter((x) => !x.includes('compiled')).map((x) => ({ p: x, ...jsRow(x, 'complete') }))
  .reduce((a, b) => (b.perSecondCpu > a.perSecondCpu ? b : a));
const fromObjects = wasmFast.perSecondCpu >= fastComplete.perSecondCpu;
const fromEncoded = wasmEncoded.perSecondCpu >= fastComplete.perSecondCpu;
const verdict1 = fromEncoded && fromObjects ? 'MET'
  : fromEncoded ? 'MET for the core on its own input (encoded answers); NOT MET from plain answer objects, conversion included'
    : 'NOT MET';
p(`- wasm core at least as fast as the fastest JS peer on complete profiles: **${verdict1}** — `
  + `the widget's fast path from answer objects ${fmt(wasmFast.perSecondCpu)}/s (${ratio(wasmFast.perSecondCpu, fastComplete.perSecondCpu)}), `
  + `on answers encoded once ${fmt(wasmEncoded.perSecondCpu)}/s (${ratio(wasmEncoded.perSecondCpu, fastComplete.perSecondCpu)}), `
  + `vs ${fastComplete.p} ${fmt(fastComplete.perSecondCpu)}/s; vs the fastest peer that runs under the widget's CSP, `
  + `${cspSafe.p} ${fmt(cspSafe.perSecondCpu)}/s: ${ratio(wasmFast.perSecondCpu, cspSafe.perSecondCpu)}. `
  + `The full evaluation with texts (the results page, once per visit): ${fmt(wasmFull.perSecondCpu)}/s.`);
const goal2 = natFast.perSecondCpu >= 10 * cert.perSecondCpu;
p(`- native core at least 10× certlogic-js: **${goal2 ? 'MET' : 'NOT MET'}** — the fast path ${fmt(natFast.perSecondCpu)}/s = `
  + `${(natFast.perSecondCpu / cert.perSecondCpu).toFixed(1)}× certlogic-js (${fmt(cert.perSecondCpu)}/s); encoding the JSON answers first `
  + `${(natFastJson.perSecondCpu / cert.perSecondCpu).toFixed(1)}×; evaluate() with everything the results page needs `
  + `${(nat.perSecondCpu / cert.perSecondCpu).toFixed(1)}×.`);
p();

// ---------------------------------------------------------------- agreement
p('### Agreement with the native core (statuses of every result in force, every criterion, every amount)');
p();
p('| engine | profiles | profiles with a status mismatch | result statuses differing | criteria differing | amounts differing |');
p('|---|--:|--:|--:|--:|--:|');
for (const [name, a] of Object.entries(js.agreement)) {
  p(`| ${name} | ${a.profilesCompared} | ${a.profilesWithStatusMismatch} | ${a.status} | ${a.criterion} | ${a.amount} |`);
}
const total = Object.values(js.agreement).reduce((n, a) => n + a.profilesWithStatusMismatch + a.criterion + a.amount, 0);
p();
p(`Mismatch count: ${total}.` + (js.ruleErrorProfiles ? ` Native rule errors on ${js.ruleErrorProfiles} profiles.` : ' No rule errors on any profile.'));
for (const [name, a] of Object.entries(js.agreement)) {
  for (const e of a.examples) p(`- ${name}: profile #${e.profile} ${JSON.stringify(e)}`);
}
const pl = js.planning;
p(`Partial profiles, wasm vs native: ${pl.statusMismatch} of ${pl.profilesCompared} with other statuses, ${pl.nextMismatch} with other planned next questions.`);
for (const e of pl.examples) p(`- partial profile #${e.profile} ${JSON.stringify(e)}`);
const dist = Object.entries(js.statusCounts).map(([id, c]) => `${id} ${c.eligible ?? 0}/${profiles.count}`).join(', ');
p(`Eligible per result: ${dist}.`);
p();

// ---------------------------------------------------------------- browser and size
p('### Time to the first question (headless Chromium)');
p();
if (ttfq.skipped) {
  p(`skipped: ${ttfq.skipped.replace(/^skipped: /, '')}`);
} else {
  p(`${ttfq.page}, ${ttfq.runs} runs, each in a fresh browser context; clock ${ttfq.clock}: first run ${ttfq.firstMs.toFixed(0)} ms, `
    + `median ${ttfq.medianMs.toFixed(0)} ms, best ${ttfq.minMs.toFixed(0)} ms`
    + (Number.isFinite(ttfq.medianDomContentLoadedMs) ? ` (DOMContentLoaded median ${ttfq.medianDomContentLoadedMs.toFixed(0)} ms)` : '')
    + `; first question "${ttfq.question}" ("${ttfq.heading}").`);
}
p();
p('### Code size (gzip -9)');
p();
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
const sizeRows = [];
const wasmDir = join(repo, 'build/wasm/wasm');
for (const f of ['wegwijzer.mjs', 'wegwijzer.wasm']) {
  const path = join(wasmDir, f);
  if (existsSync(path)) sizeRows.push([`build/wasm/wasm/${f}`, statSync(path).size, gz(path)]);
}
const core = sizeRows.reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
const distDir = join(repo, 'dist');
const distRows = [];
if (existsSync(distDir)) {
  const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(distDir).sort()) {
    if (/\.(m?js|css|wasm)$/.test(f)) distRows.push([f.slice(repo.length + 1), statSync(f).size, gz(f)]);
  }
}
p('| file | bytes | gzip bytes |');
p('|---|--:|--:|');
for (const [f, raw, g] of [...sizeRows, ...distRows]) p(`| ${f} | ${raw.toLocaleString('en-US')} | ${g.toLocaleString('en-US')} |`);
p(`| **wasm core (glue + wasm)** | ${core[0].toLocaleString('en-US')} | ${core[1].toLocaleString('en-US')} |`);
if (distRows.length) {
  const d = distRows.reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
  const jsCss = distRows.filter((r) => !r[0].endsWith('.wasm')).reduce((a, r) => [a[0] + r[1], a[1] + r[2]], [0, 0]);
  p(`| **dist/ JS + CSS** | ${jsCss[0].toLocaleString('en-US')} | ${jsCss[1].toLocaleString('en-US')} |`);
  p(`| **dist/ JS + CSS + wasm** | ${d[0].toLocaleString('en-US')} | ${d[1].toLocaleString('en-US')} |`);
} else {
  p('| dist/ | not built | |');
}
p();

const text = lines.join('\n');
writeFileSync(join(out, 'report.md'), text + '\n');
console.log(text);
