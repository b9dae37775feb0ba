// The core's fast path (docs/rules-format.md, "The fast path"): for one date,
// which questions apply, every criterion, every status and every amount,
// from answers written straight into the module's memory (no JSON either
// way). For many answer sets: the benchmark and the parity test run it on
// the Node build (wasm/CMakeLists.txt); the browser build does not have it,
// and the guide evaluates each answer once, through Session.status.
// `questions` is describe()'s list (types and options, to encode answers).
import { RulesUnavailable } from './engine.js';

const DAY_MS = 86400000;

function dayNumber(text) {
  const m = typeof text === 'string' && /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return 0.5; // not a whole day number: the core refuses it
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  // 2025-02-30 would roll over into March: refuse instead, as the core does.
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return 0.5;
  return Math.round(t.getTime() / DAY_MS);
}

// How each type of answer becomes a number (core/include/wegwijzer/program.hpp):
// NaN is "not answered"; a value the core must refuse becomes one it refuses
// (0.5 is no boolean, option index or day; -Infinity is below every range).
const BOOLEAN = 0;
const CHOICE = 1;
const NUMBER = 2;
const DATE = 3;
const TYPE_CODES = { boolean: BOOLEAN, choice: CHOICE, number: NUMBER, date: DATE };

export class FastPath {
  // Null when the core cannot compile these rules for the fast path (it
  // says why in the console); callers then use session.status/evaluate.
  static open(core, session, date, questions) {
    const layout = JSON.parse(session.compileFor(date));
    if (layout.error) throw new RulesUnavailable('other', layout.error);
    if (layout.unavailable) {
      console.info('wegwijzer: no fast path for these rules:', layout.unavailable);
      return null;
    }
    return new FastPath(core, layout, questions);
  }

  constructor(core, layout, questions) {
    this.core = core;
    this.layout = layout;
    const byId = new Map(questions.map((q) => [q.id, q]));
    this.ids = layout.questions;
    this.types = Int8Array.from(this.ids, (id) => TYPE_CODES[byId.get(id).type]);
    this.options = this.ids.map((id) => {
      const q = byId.get(id);
      return q.type === 'choice' ? new Map(q.options.map((o, k) => [o.value, k])) : null;
    });
    this.resultIds = layout.results.map((r) => r.id);
    this.mem = layout.memory;
    this.flags = 0;
    this.runExport = core._wegwijzer_run;
    this.statusNames = layout.statusNames;
    this.heap = null;
  }

  // Views of the module's memory. The Module object is large (slow to look
  // things up in), so they are kept, and made again only when memory growth
  // has detached the old buffer (its views then have length 0).
  #views() {
    if (!this.heap || this.heap.u8.length === 0) {
      const { HEAPU8, HEAP8, HEAPF64 } = this.core;
      this.heap = { u8: HEAPU8, i8: HEAP8, f64: HEAPF64 };
    }
    return this.heap;
  }

  // The answers ({question id: value}; absent or null = not answered) as
  // the core reads them: one number per question.
  encode(answers) {
    const out = new Float64Array(this.ids.length);
    this.#write(answers, out, 0);
    return out;
  }

  // Evaluates `answers` ({question id: value}; absent or null = not
  // answered). Returns this, to read the outcome from.
  run(answers) {
    this.#write(answers, this.#views().f64, this.mem.answers / 8);
    return this.#evaluate();
  }

  #write(answers, f64, base) {
    const { ids, types, options } = this;
    for (let i = 0; i < ids.length; i += 1) {
      const v = answers[ids[i]];
      let x = NaN; // not answered, or "I don't know" ({unknown: true})
      if (v !== undefined && v !== null && !(typeof v === 'object' && v.unknown === true)) {
        switch (types[i]) {
          case BOOLEAN: x = v === true ? 1 : v === false ? 0 : 0.5; break;
          case CHOICE: x = options[i].get(v) ?? -1; break;
          case NUMBER: x = typeof v === 'number' ? v : -Infinity; break;
          default: x = dayNumber(v);
        }
      }
      f64[base + i] = x;
    }
  }

  // The same for answers encode() made (kept, e.g., for many evaluations).
  runEncoded(encoded) {
    this.#views().f64.set(encoded, this.mem.answers / 8);
    return this.#evaluate();
  }

  #evaluate() {
    this.flags = this.runExport(this.mem.state);
    if (this.flags < 0) throw new RulesUnavailable('other', 'the fast path was not compiled for these rules');
    return this;
  }

  get ruleErrors() { return (this.flags & 1) === 1; }

  // The id of the first answer the core refused (left out), or null.
  get invalidAnswer() {
    const i = (this.flags >> 1) - 1;
    return i >= 0 ? this.ids[i] : null;
  }

  // The status of result r (in the order of layout.results).
  statusAt(r) { return this.statusNames[this.#views().u8[this.mem.statuses + r]]; }

  // 'yes', 'no' (its askIf is false: an answer to it has no effect) or 'undecided'.
  applies(id) {
    const i = this.ids.indexOf(id);
    return ['undecided', 'no', 'yes'][this.#views().i8[this.mem.applies + i] + 1];
  }

  // Every result's status, criteria and amounts, as objects.
  outcome() {
    const criteriaAt = this.mem.criteria;
    const { f64, u8 } = this.#views();
    let c = 0;
    let a = 0;
    const results = {};
    this.layout.results.forEach((res, r) => {
      const criteria = {};
      for (const id of res.criteria) {
        criteria[id] = this.layout.criterionNames[u8[criteriaAt + c]];
        c += 1;
      }
      const amounts = {};
      for (const id of res.amounts) {
        const v = f64[this.mem.amounts / 8 + a];
        if (!Number.isNaN(v)) amounts[id] = v;
        a += 1;
      }
      results[res.id] = { status: this.statusAt(r), criteria, amounts };
    });
    return results;
  }
}
