// Notices about the rules themselves: which rules are used (footer), the
// built-in rules used instead of the fetched ones (with the reason in plain
// words), expired or stale rules within the grace period, and the failure screen that
// shows no verdicts, only where to get help (design.md §6).

import { h, externalLink } from './dom.js';
import { formatDate, reasonText, HELP_URL } from './i18n.js';

function notice(kind, title, text) {
  return h('div', { class: `ww-notice ww-notice--${kind}`, 'data-notice': kind },
    h('p', { class: 'ww-notice__title' }, title),
    h('p', {}, text));
}

export function renderNotices({ loaded, ui, locale }) {
  const out = [];
  if (loaded.builtIn && loaded.refusal) {
    out.push(notice('fallback', ui.fallbackTitle, ui.fallbackText(reasonText(locale, loaded.refusal.code))));
  }
  if (loaded.rules.expired) {
    out.push(notice('expired', ui.expiredTitle, ui.expiredText(formatDate(locale, loaded.rules.expires))));
  } else if (loaded.rules.stale) {
    out.push(notice('stale', ui.staleTitle, ui.staleText(formatDate(locale, loaded.rules.freshUntil))));
  }
  return out;
}

export function renderFooter({ loaded, ui, locale }) {
  return footerLine({ ...loaded.rules, builtIn: loaded.builtIn }, ui, locale);
}

// rules: {version, published, builtIn}.
export function footerLine({ version, published, builtIn }, ui, locale) {
  const text = ui.rulesVersion(version, formatDate(locale, published));
  return h('p', { class: 'ww-footer', 'data-rules-version': version }, builtIn ? `${text} (${ui.builtInRules})` : text);
}

export function renderFailure({ code, ui, locale, kiosk = false }) {
  const heading = h('h2', { class: 'ww-heading', tabindex: '-1' }, ui.failTitle);
  const element = h('div', { class: 'ww-failure', 'data-notice': 'failure', 'data-code': code },
    heading,
    h('div', { class: 'ww-notice ww-notice--error' }, h('p', {}, ui.failText(reasonText(locale, code)))),
    h('p', {}, ui.failHelp),
    h('p', {}, kiosk ? `${ui.failLink}: ${HELP_URL}` : externalLink(HELP_URL, ui.failLink, ui.newWindow)));
  return { element, heading };
}
