// The first question before the core has loaded (issue 13). The build
// writes the built-in rules' first screen into the code (web/tools/
// first-screen.mjs); the guide shows it at once, in the same markup as the
// real one (nothing moves when the core takes over), and keeps what the
// person did on it: an answer, "I don't know", "show what is certain now",
// or only a choice made and the focus (web/src/guide.js).
//
// Only when the page's rules are the built-in ones (same ruleset id): a
// newer bundle may ask something else first, and then the core's first
// question replaces this one and an early answer is dropped.

import { FIRST_SCREEN } from './config.js';
import { h } from './dom.js';
import { questionForm } from './render-question.js';
import { footerLine } from './render-notice.js';
import { questionsLeft } from './interview.js';

// Returns null, or {id, view, footer}. onAction({id, read} | {id, soFar: true}).
export function firstScreen({ rulesetId, locale, ui, builtIn, error = null, onAction }) {
  const s = FIRST_SCREEN;
  if (!s || s.rulesetId !== rulesetId) return null;
  const question = s.question[locale] || Object.values(s.question)[0];
  const act = (action) => onAction({ id: question.id, ...action });
  const view = questionForm({
    question, answer: undefined, ui, locale, error, draft: null, answered: 0, left: questionsLeft({ expected: s.expected }),
    on: { submit: (read) => act({ read }), unknown: () => act({ read: { unknown: true } }), soFar: () => act({ soFar: true }) },
  });
  return { id: question.id, view, footer: footerLine({ ...s, builtIn }, ui, locale) };
}

// The loading screen in the guide's parts: the first question when the
// page's rules are the built-in ones (and not a course page), else a loading
// line. Returns the question's view, or null.
export function renderEarly(parts, { config, ui, locale, error, onAction }) {
  const first = config.isCourse ? null : firstScreen({
    rulesetId: config.rulesetId, locale, ui, builtIn: !config.bundleUrl, error, onAction,
  });
  if (!first) {
    parts.screen.replaceChildren(h('p', { class: 'ww-loading' }, ui.loading));
    parts.screen.dataset.screen = 'loading';
    return null;
  }
  parts.screen.replaceChildren(first.view.element);
  parts.screen.dataset.screen = 'early-question';
  parts.footer.replaceChildren(...(config.showsFooter ? [first.footer] : []));
  return first.view;
}

// After an early answer, until the core is ready: the count says "loading".
export function showWaiting(parts, ui) {
  const progress = parts.screen.querySelector('[data-progress]');
  if (progress) progress.textContent = ui.loading;
  parts.live.textContent = ui.loading;
}

// What the person did on the first screen, read before the core's screen
// replaces it: {id, action, selected, focus (a selector)}.
export function takeFirstScreen(screen, root, action) {
  if (screen.dataset.screen !== 'early-question') return null;
  const form = screen.querySelector('form[data-question]');
  if (!form) return null;
  const active = root.activeElement;
  let focus = null;
  if (active && form.contains(active)) {
    if (active.dataset.action) focus = `[data-action="${active.dataset.action}"]`;
    else if (active.type === 'radio') focus = `input[value="${CSS.escape(active.value)}"]`;
  }
  return { id: form.dataset.question, action, selected: form.querySelector('input:checked')?.value ?? null, focus };
}

// Puts a choice made and the focus back on the core's first screen.
export function restoreFirstScreen(screen, carried) {
  const form = screen.querySelector(`form[data-question="${CSS.escape(carried.id)}"]`);
  if (!form) return;
  if (carried.selected !== null) {
    const input = form.querySelector(`input[value="${CSS.escape(carried.selected)}"]`);
    if (input) input.checked = true;
  }
  if (carried.focus) form.querySelector(carried.focus)?.focus();
}

// The first screen a page brought as a closed declarative shadow root
// (web/tools/prerender.mjs): painted with the page's HTML, before any
// script. Returns what the person did on it (a choice made, the focus: its
// form cannot be sent before the guide runs), and empties the root for the
// guide's own screens. Null when the root is new.
export function takePrerendered(root) {
  const screen = root.querySelector('.ww-screen');
  if (!screen) return null;
  const carried = takeFirstScreen(screen, root, null);
  root.replaceChildren();
  return carried;
}

// A page's first screen gets its first frame to itself: Chromium shows the
// page only once its module scripts have run, so the guide's taking over
// (about 30 ms on a desktop) would hold the first paint back. On a root
// with a pre-rendered screen, the first time: starts `early` (the core's
// download) and calls `later` after the next frame; returns true. Otherwise
// returns false and the caller goes on at once.
const deferred = new WeakSet();
export function laterOnPrerendered(root, later, early) {
  if (deferred.has(root) || !root.querySelector('.ww-screen')) return false;
  deferred.add(root);
  early().catch(() => {}); // a failure shows when the guide loads the rules
  requestAnimationFrame(() => setTimeout(later, 0));
  return true;
}
