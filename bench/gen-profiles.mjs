// Generates the benchmark's profiles, deterministically (seeded PRNG), from
// the questions of a ruleset. Every engine of the benchmark reads this file.
//
// Usage: node bench/gen-profiles.mjs RULESET OUT.json [--count 1000] [--seed 20261201] [--date 2026-12-01]
//
// A "complete" profile is the answers a person gives in a complete interview:
// every question that applies to that person is answered; a question whose
// askIf is false is left out (the core reads it as null, and so do the
// JsonLogic/CertLogic peers, whose `var` of a missing key is null).
//   - choice: one of its options, uniformly;
//   - boolean: true or false;
//   - number: an integer in [min, max], 70% of the time at or next to a
//     threshold the rules compare the question with (t-1, t, t+1) or at
//     min/max, otherwise uniform. Integers only: CertLogic compares integers.
// A "partial" profile keeps 1 to 4 answers of a complete one (a seeded
// choice among the questions that applied), for next-question planning.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const [rulesetPath, outPath] = argv.filter((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
if (!rulesetPath || !outPath) {
  console.error('usage: node bench/gen-profiles.mjs RULESET OUT.json [--count N] [--seed S] [--date YYYY-MM-DD]');
  process.exit(2);
}
const count = Number(opt('count', 1000));
const seed = Number(opt('seed', 20261201));
const date = opt('date', '2026-12-01');

// mulberry32: small, fast, good enough, and the same on every machine.
function prng(a) {
  return () => {
    a |= 0; a = (a + 0x6D2B79F5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const intIn = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const ruleset = JSON.parse(readFileSync(rulesetPath, 'utf8'));
const questions = ruleset.questions;
const byId = new Map(questions.map((q) => [q.id, q]));

// Every expression of the ruleset: askIfs, criterion tests, amounts.
const expressions = [];
for (const q of questions) if (q.askIf) expressions.push(q.askIf);
for (const r of ruleset.results) {
  for (const v of r.versions) {
    for (const c of v.criteria) expressions.push(c.test);
    for (const a of v.amounts ?? []) expressions.push(a.value);
  }
}

// The number literals each question is compared with.
const thresholds = new Map(questions.map((q) => [q.id, new Set()]));
const varName = (e) => (e && typeof e === 'object' && !Array.isArray(e) && 'var' in e ? e.var : null);
function walk(e, visit) {
  if (Array.isArray(e)) { e.forEach((x) => walk(x, visit)); return; }
  if (e && typeof e === 'object') {
    visit(e);
    for (const v of Object.values(e)) walk(v, visit);
  }
}
for (const e of expressions) {
  walk(e, (node) => {
    const [op] = Object.keys(node);
    if (!['<', '<=', '>', '>=', '===', '!=='].includes(op)) return;
    const xs = node[op];
    for (let i = 0; i < xs.length; i++) {
      const v = varName(xs[i]);
      if (v && thresholds.has(v)) for (const o of xs) if (typeof o === 'number') thresholds.get(v).add(o);
    }
  });
}

// askIf, evaluated with the small subset the ruleset uses (===, !==, in, !, and, or).
function evalAsk(e, answers) {
  if (Array.isArray(e)) return e.map((x) => evalAsk(x, answers));
  if (e === null || typeof e !== 'object') return e;
  const [op] = Object.keys(e);
  const a = e[op];
  switch (op) {
    case 'var': return answers[a] ?? null;
    case '===': return evalAsk(a[0], answers) === evalAsk(a[1], answers);
    case '!==': return evalAsk(a[0], answers) !== evalAsk(a[1], answers);
    case '!': return !evalAsk(a[0], answers);
    case 'in': { const h = evalAsk(a[1], answers); return Array.isArray(h) && h.includes(evalAsk(a[0], answers)); }
    case 'and': return a.every((x) => evalAsk(x, answers));
    case 'or': return a.some((x) => evalAsk(x, answers));
    default: throw new Error(`gen-profiles: askIf operator ${op} is not supported here`);
  }
}

// Settle order: each question after the questions its askIf reads.
const order = [];
const state = new Map();
function visit(q) {
  if (state.get(q.id) === 'done') return;
  if (state.get(q.id) === 'busy') throw new Error(`askIf cycle at ${q.id}`);
  state.set(q.id, 'busy');
  if (q.askIf) walk(q.askIf, (n) => { const v = varName(n); if (v && byId.has(v)) visit(byId.get(v)); });
  state.set(q.id, 'done');
  order.push(q);
}
questions.forEach(visit);

function answerFor(q) {
  switch (q.type) {
    case 'choice': return pick(q.options).value;
    case 'boolean': return rand() < 0.5;
    case 'number': {
      const near = [q.min, q.max];
      for (const t of thresholds.get(q.id)) for (const x of [t - 1, t, t + 1]) near.push(x);
      const candidates = near.filter((x) => Number.isInteger(x) && x >= q.min && x <= q.max);
      return rand() < 0.7 ? pick(candidates) : intIn(Math.ceil(q.min), Math.floor(q.max));
    }
    case 'date': {
      const y = intIn(1950, 2010);
      return `${y}-${String(intIn(1, 12)).padStart(2, '0')}-${String(intIn(1, 28)).padStart(2, '0')}`;
    }
    default: throw new Error(`unknown question type ${q.type}`);
  }
}

const complete = [];
const partial = [];
for (let i = 0; i < count; i++) {
  const given = {};
  for (const q of questions) given[q.id] = answerFor(q); // one draw per question, in document order
  const answers = {};
  const settled = {};
  for (const q of order) {
    const applies = !q.askIf || evalAsk(q.askIf, settled) === true;
    settled[q.id] = applies ? given[q.id] : null;
  }
  for (const q of questions) if (settled[q.id] !== null) answers[q.id] = settled[q.id]; // document order
  complete.push(answers);
  const ids = Object.keys(answers);
  const k = Math.min(ids.length, intIn(1, 4));
  const keep = new Set();
  while (keep.size < k) keep.add(pick(ids));
  const p = {};
  for (const id of ids) if (keep.has(id)) p[id] = answers[id];
  partial.push(p);
}

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify({
  ruleset: ruleset.id, rulesetVersion: ruleset.version, date, seed, count,
  thresholds: Object.fromEntries([...thresholds].filter(([, s]) => s.size).map(([k, s]) => [k, [...s].sort((a, b) => a - b)])),
  complete, partial,
}));
const mean = (xs) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
console.log(`profiles: ${count} complete (mean ${mean(complete.map((a) => Object.keys(a).length))} answers of ${questions.length} questions), `
  + `${count} partial (mean ${mean(partial.map((a) => Object.keys(a).length))} answers), seed ${seed}, date ${date} -> ${outPath}`);
