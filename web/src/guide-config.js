// What the embedding page asks of <wegwijzer-guide>, read from its
// attributes (web/README.md, "Attributes"). A mistake of the page is told to
// its developers once, in the console, and the person still gets a working
// guide with the default.

import { DEFAULT_RULESET_ID } from './config.js';
import { pickLocale } from './i18n.js';
import { localToday } from './engine.js';

export const MODES = ['guide', 'course', 'course-summary', 'kiosk'];

export class GuideConfig {
  #element;
  #warned = new Set(); // problems already reported

  constructor(element) {
    this.#element = element;
  }

  #attr(name) {
    return this.#element.getAttribute(name);
  }

  warn(message) {
    if (this.#warned.has(message)) return;
    this.#warned.add(message);
    console.error(`wegwijzer-guide: ${message}`);
  }

  get locale() {
    return pickLocale(this.#attr('lang'));
  }

  // The evaluation date: the `date` attribute, else the person's local today.
  get date() {
    const d = this.#attr('date');
    if (d && /^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
    if (d) this.warn(`date="${d}" is not YYYY-MM-DD; using today`);
    return localToday();
  }

  get mode() {
    const m = this.#attr('mode');
    if (m === null || m === '') return 'guide';
    if (MODES.includes(m)) return m;
    this.warn(`mode="${m}" is not one of ${MODES.join(', ')}; using guide`);
    return 'guide';
  }

  get isCourse() {
    return this.mode === 'course' || this.mode === 'course-summary';
  }

  get isKiosk() {
    return this.mode === 'kiosk';
  }

  // A kiosk has no browser controls and wipes itself; a course listing asks nothing.
  get usesHistory() {
    return !this.isKiosk && this.mode !== 'course-summary';
  }

  // No footer on a kiosk (its page shows the rules for staff) or in a
  // catalogue card (one per course would repeat the same line).
  get showsFooter() {
    return !this.isKiosk && this.mode !== 'course-summary';
  }

  // course-facts: a JSON object from question id to the course's answer.
  get facts() {
    const text = this.#attr('course-facts');
    if (text === null || text.trim() === '') return {};
    try {
      const facts = JSON.parse(text);
      if (facts && typeof facts === 'object' && !Array.isArray(facts)) return facts;
    } catch {
      // reported below
    }
    this.warn('course-facts is not a JSON object; showing the course without facts');
    return {};
  }

  get refreshSeconds() {
    const v = this.#attr('refresh-seconds');
    if (v === null) return null;
    if (/^\d{1,7}$/.test(v) && Number(v) > 0) return Number(v);
    this.warn(`refresh-seconds="${v}" is not a positive whole number; not refreshing`);
    return null;
  }

  get bundleUrl() {
    const bundle = this.#attr('bundle');
    return bundle ? new URL(bundle, document.baseURI).href : null;
  }

  get rulesetId() {
    return this.#attr('ruleset-id') || DEFAULT_RULESET_ID;
  }

  get graceDays() {
    const g = this.#attr('grace-days');
    if (g === null) return undefined;
    if (/^\d{1,5}$/.test(g)) return Number(g);
    this.warn(`grace-days="${g}" is not a whole number of days; using the default`);
    return undefined;
  }

  get emitsResults() {
    return this.#element.hasAttribute('emit-results');
  }
}
