// The rules <wegwijzer-guide> works with, beside engine.js: loading them
// (signed bundle or built-in), the refresh that looks for newer ones and
// keeps them for the start of the next session (never during one), and the
// calls into the core on the rules in use: describe, status (kept once per
// set of answers, and worked out ahead in idle time), evaluate, course view.
// No DOM: the guide renders what these return.
//
// The answers pass through in memory only; forgetAnswers() drops every copy
// kept here (the status memo and the idle work).

import { TRUST_ROOT } from './config.js';
import { loadRules, checkForUpdate, recordAccepted, rememberBundle, localToday, parse } from './engine.js';

// What the host may know of a ruleset (the ready and update events).
export const rulesetSummary = ({ id, version, published, expires }) => ({ id, version, published, expires });

const MEMO_SIZE = 32;

export class RulesSource {
  loaded = null; // {core, session, rules, builtIn, fingerprint, refusal, bytes}
  #pending = null; // rules accepted by a refresh, used from the next session
  #config;
  #urls;
  #isConnected;
  #onRefresh;
  #run = 0;
  #timer = null;
  #memo = new Map(); // answers JSON -> compact evaluation, for #memoOf's rules and date
  #memoOf = null;
  #prefetchToken = null;

  // config: a GuideConfig; urls: {coreUrls(), fallbackUrl}; onRefresh(detail)
  // after each refresh (detail as the `wegwijzer-update` event carries it).
  constructor({ config, urls, isConnected, onRefresh }) {
    this.#config = config;
    this.#urls = urls;
    this.#isConnected = isConnected;
    this.#onRefresh = onRefresh;
  }

  // Loads the rules the attributes ask for. Null when a newer load started
  // meanwhile (the attributes changed); throws RulesUnavailable when no rules
  // can be used.
  async load() {
    const run = ++this.#run;
    this.loaded = null;
    this.stop();
    this.#pending?.session.delete();
    this.#pending = null;
    const c = this.#config;
    try {
      const loaded = await loadRules({
        coreUrls: this.#urls.coreUrls(), bundleUrl: c.bundleUrl, fallbackUrl: this.#urls.fallbackUrl,
        trustRoot: TRUST_ROOT, rulesetId: c.rulesetId, graceDays: c.graceDays, today: localToday(),
      });
      if (run !== this.#run) return null;
      this.loaded = loaded;
      if (loaded.refusal) {
        console.warn(`wegwijzer-guide: the bundle at ${c.bundleUrl} was refused (${loaded.refusal.code}: ${loaded.refusal.message}); using the built-in rules`);
      }
      // A kiosk keeps the bundle it accepted, for when the network is gone.
      if (c.isKiosk && !loaded.builtIn) await rememberBundle(c.bundleUrl, loaded.bytes);
      return run === this.#run ? loaded : null;
    } catch (e) {
      if (run !== this.#run) return null;
      throw e;
    }
  }

  // Switches to rules a refresh accepted; true when it did. Only between sessions.
  applyPending() {
    if (!this.#pending) return false;
    const old = this.loaded;
    this.loaded = this.#pending;
    this.#pending = null;
    recordAccepted(this.loaded);
    old?.session.delete();
    return true;
  }

  readyDetail() {
    const { rules, builtIn, fingerprint } = this.loaded;
    return { ruleset: rulesetSummary(rules), builtIn, fingerprint, expired: !!rules.expired };
  }

  stop() {
    clearTimeout(this.#timer);
    this.#timer = null;
  }

  scheduleRefresh(soon = false) {
    this.stop();
    const seconds = this.#config.refreshSeconds;
    if (!seconds || !this.#isConnected() || !this.loaded || !this.#config.bundleUrl) return;
    this.#timer = setTimeout(() => this.#refresh(), soon ? 0 : seconds * 1000);
  }

  // Fetches the bundle again and checks it with the same policy; a new one
  // waits for the start of the next session. The outcome carries nothing
  // about the person.
  async #refresh() {
    const run = this.#run;
    const current = this.#pending || this.loaded;
    const c = this.#config;
    let outcome;
    if (globalThis.navigator && navigator.onLine === false) {
      outcome = { status: 'offline' };
    } else {
      try {
        outcome = await checkForUpdate({
          coreUrls: this.#urls.coreUrls(), bundleUrl: c.bundleUrl, trustRoot: TRUST_ROOT,
          rulesetId: c.rulesetId, graceDays: c.graceDays, today: localToday(),
          currentFingerprint: current.fingerprint,
          // Never back to older rules than those in use or waiting.
          minVersion: current.builtIn ? 0 : current.rules.version,
          minVersionDigest: current.builtIn ? '' : current.rules.messageDigest,
        });
      } catch (e) {
        outcome = { status: 'unreachable', refusal: { code: e.code || 'other', message: String(e.message) } };
      }
    }
    if (run !== this.#run || !this.loaded || !this.#isConnected()) {
      outcome.loaded?.session.delete(); // reloaded or removed meanwhile
      return;
    }
    const detail = { status: outcome.status };
    if (outcome.status === 'new') {
      this.#pending?.session.delete();
      this.#pending = outcome.loaded;
      if (c.isKiosk) await rememberBundle(c.bundleUrl, outcome.loaded.bytes);
      Object.assign(detail, { ruleset: rulesetSummary(outcome.loaded.rules), fingerprint: outcome.loaded.fingerprint });
    } else if (outcome.refusal) {
      detail.code = outcome.refusal.code;
      if (outcome.status === 'refused') {
        console.warn(`wegwijzer-guide: the refreshed bundle was refused (${outcome.refusal.code}: ${outcome.refusal.message}); keeping the rules in use`);
      }
    }
    this.#onRefresh(detail);
    this.scheduleRefresh();
  }

  // The questions, their texts and options in one locale.
  describe(locale) {
    return parse(this.loaded.session.describe(locale));
  }

  // What a course can unlock (rules-format.md §9), given its facts.
  courseView(facts, date, locale) {
    return parse(this.loaded.session.courseView(JSON.stringify(facts), date, locale));
  }

  // A course page's facts (rules-format.md §9): the core's course view, and
  // the facts kept. A fact the core refuses (a personal question, an invalid
  // value, an unknown id) is the page's mistake: told to its developers
  // (warn), and left out, so it can neither block nor unlock anything, nor be
  // "filled in" for the person.
  courseFacts(given, date, locale, questions, warn) {
    const view = this.courseView(given, date, locale);
    const refused = new Set();
    for (const e of view.errors || []) {
      const key = e.path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
      if (e.path.startsWith('/') && Object.hasOwn(given, key)) {
        refused.add(key);
        warn(`course-facts: "${key}": ${e.message}; left out`);
      } else {
        console.warn('wegwijzer-guide: rule error in the course view', e);
      }
    }
    const facts = {};
    for (const [id, value] of Object.entries(given)) {
      if (!refused.has(id) && questions.get(id)?.course) facts[id] = value;
    }
    return { facts, view };
  }

  // The full evaluation, with every text: for the results page.
  evaluate(answers, date, locale) {
    const out = parse(this.loaded.session.evaluate(JSON.stringify(answers), date, locale));
    if (out.ruleErrors && out.ruleErrors.length) console.warn('wegwijzer-guide: rule errors', out.ruleErrors);
    return out;
  }

  // The compact evaluation (statuses, next questions, progress, errors; no
  // texts), once per set of answers: every screen after an answer reads it.
  status(answers, date) {
    if (this.#memoOf?.loaded !== this.loaded || this.#memoOf.date !== date) {
      this.#memo.clear();
      this.#memoOf = { loaded: this.loaded, date };
    }
    const key = JSON.stringify(answers);
    let value = this.#memo.get(key);
    if (!value) {
      value = parse(this.loaded.session.status(key, date));
      if (this.#memo.size >= MEMO_SIZE) this.#memo.delete(this.#memo.keys().next().value);
      this.#memo.set(key, value);
    }
    return value;
  }

  // While the person reads a question, the status of each possible answer is
  // worked out in idle time, one per idle period: the chosen one is then
  // ready and the next screen comes without waiting for the core (issue 13:
  // on a phone the evaluation with its planning takes most of the time after
  // a click). Stops when wanted() says the question is gone, or when the
  // answers are forgotten. Returns soon(answers): the same for one set in a
  // task of its own, soon (the answer a person has just chosen, ready when
  // they press "Volgende"; the choice's own frame is painted first).
  prefetch(answerSets, date, wanted) {
    const queue = [...answerSets];
    const token = {};
    this.#prefetchToken = token;
    const live = () => this.#prefetchToken === token && wanted();
    const work = (answers) => {
      try {
        this.status(answers, date);
        return true;
      } catch {
        return false; // the person's own click reports it
      }
    };
    const idle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 50));
    const step = () => {
      if (live() && queue.length && work(queue.shift())) idle(step);
    };
    idle(step);
    return (answers) => setTimeout(() => live() && work(answers), 0);
  }

  // Drops every copy of answers kept here.
  forgetAnswers() {
    this.#memo.clear();
    this.#prefetchToken = null;
  }
}
