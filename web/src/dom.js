// A tiny element builder. Every text goes in as a text node (never as HTML):
// the texts come from a signed ruleset, but a signature proves who wrote a
// text, not that it is harmless markup.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// Ids are unique inside the shadow root only, which is all label/for and
// aria-describedby need (they do not cross the shadow boundary anyway).
let counter = 0;
export function uid(prefix) {
  counter += 1;
  return `ww-${prefix}-${counter}`;
}

// Only web links from the ruleset become links: no javascript:, data: or
// relative URLs that would point into the host page.
export function safeUrl(url) {
  try {
    const u = new URL(String(url));
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

// A link that leaves the guide opens in a new window, so the answers (kept
// in this page's memory only) are not lost; it says so, and sends no referrer.
export function externalLink(url, text, newWindowText, attrs = {}) {
  const href = safeUrl(url);
  if (!href) return h('span', attrs, text);
  return h('a', { ...attrs, href, target: '_blank', rel: 'noopener noreferrer' },
    text, h('span', { class: 'ww-vh' }, ` ${newWindowText}`));
}

export function button(text, onclick, variant = 'primary', attrs = {}) {
  return h('button', { type: 'button', class: `ww-button ww-button--${variant}`, onclick, ...attrs }, text);
}

// A closed <details> does not print: open them for the printout only
// (opening), and close again those opened so (after printing).
export function openDetailsForPrint(root, opening) {
  for (const d of root.querySelectorAll('details')) {
    if (opening && !d.open) { d.open = true; d.dataset.printOpened = ''; }
    if (!opening && 'printOpened' in d.dataset) { d.open = false; delete d.dataset.printOpened; }
  }
}

// One constructed stylesheet per text, shared by every element that adopts
// it (every guide on the page).
const sheets = new Map();
export function sharedSheet(css) {
  if (!sheets.has(css)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    sheets.set(css, sheet);
  }
  return sheets.get(css);
}
