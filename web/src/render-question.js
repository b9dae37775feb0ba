// One question per screen (GOV.UK's pattern): the question is the screen's
// heading; choices and dates are a fieldset whose legend holds the heading;
// a number is one input whose label is the heading. Help, unit and error
// are tied to the control with aria-describedby.

import { h, uid, button } from './dom.js';
import { formatNumber } from './i18n.js';

// Builds the screen. Returns {element, heading, focusError(), read()}, where
// read() gives {value} or {error: message, draft}. `draft` is what the person
// typed, shown again with the error so it can be corrected, not retyped.
export function renderQuestion(question, answer, ui, locale, error, draft) {
  const ids = { help: uid('help'), error: uid('error'), unit: uid('unit') };
  const heading = h('h2', { class: 'ww-heading', tabindex: '-1' });
  const help = question.help ? h('p', { class: 'ww-hint', id: ids.help }, question.help) : null;
  const errorLine = error
    ? h('p', { class: 'ww-error-message', id: ids.error }, h('span', { class: 'ww-vh' }, `${ui.errorSummary}: `), error)
    : null;
  const describedBy = [help && ids.help, error && ids.error].filter(Boolean);

  const build = { choice: choiceControl, boolean: booleanControl, number: numberControl, date: dateControl }[question.type];
  const control = build(question, answer, ui, locale, { heading, help, errorLine, describedBy, ids, invalid: !!error, draft });
  const element = h('div', { class: ['ww-field', error && 'ww-field--error'] }, control.element);
  return { element, heading, focusError: control.focusError, read: control.read };
}

// The whole question screen: progress, the question, Next and "I don't
// know", and "show what is certain now". The same markup before the core
// has loaded (the pre-rendered first screen) as after, so nothing moves.
// on: {submit(read), unknown(), soFar()}. method="dialog": a form outside a
// dialog then sends nothing anywhere, also in the page's first screen before
// any script runs (answers never go into a URL).
export function questionForm({ question, answer, ui, locale, error, draft, answered, left, on }) {
  const view = renderQuestion(question, answer, ui, locale, error, draft);
  const form = h('form', {
    class: 'ww-form', method: 'dialog', novalidate: true, 'data-question': question.id, 'data-type': question.type,
    'data-min': question.min, 'data-max': question.max,
    onsubmit: (e) => { e.preventDefault(); on.submit(view.read()); },
  },
  h('p', { class: 'ww-progress', 'data-progress': '' }, ui.progress(answered, left)),
  view.element,
  h('div', { class: 'ww-actions' },
    h('button', { type: 'submit', class: 'ww-button ww-button--primary', 'data-action': 'next' }, ui.next),
    button(ui.dontKnow, on.unknown, 'secondary', { 'data-action': 'unknown' })),
  // A result at every step: what is certain now, what is still open.
  button(ui.showSoFar, on.soFar, 'link', { 'data-action': 'results-so-far' }));
  return { ...view, element: form };
}

// fieldset + legend: a screen reader announces the question with each option.
function fieldset(parts, ...content) {
  parts.heading.append(parts.questionText);
  return h('fieldset', { class: 'ww-fieldset', 'aria-describedby': parts.describedBy.join(' ') || null },
    h('legend', { class: 'ww-legend' }, parts.heading),
    parts.help, parts.errorLine, ...content);
}

function radios(name, options, current, invalid) {
  const inputs = [];
  const list = h('div', { class: 'ww-radios' }, options.map((o) => {
    const id = uid('opt');
    const input = h('input', {
      type: 'radio', class: 'ww-radio', id, name, value: o.value,
      'aria-invalid': invalid ? 'true' : null,
    });
    input.checked = current === o.value;
    inputs.push(input);
    return h('div', { class: 'ww-radios__item' }, input, h('label', { for: id, class: 'ww-radios__label' }, o.text));
  }));
  const picked = () => inputs.find((i) => i.checked);
  return { list, inputs, picked };
}

function choiceControl(question, answer, ui, locale, parts) {
  parts.questionText = question.text;
  const r = radios(uid('q'), question.options, answer, parts.invalid);
  return {
    element: fieldset(parts, r.list),
    focusError: () => (r.picked() || r.inputs[0]).focus(),
    read: () => (r.picked() ? { value: r.picked().value } : { error: ui.errorChoose }),
  };
}

function booleanControl(question, answer, ui, locale, parts) {
  parts.questionText = question.text;
  const options = [{ value: 'true', text: ui.yes }, { value: 'false', text: ui.no }];
  const r = radios(uid('q'), options, answer === undefined ? undefined : String(answer), parts.invalid);
  r.list.classList.add('ww-radios--inline');
  return {
    element: fieldset(parts, r.list),
    focusError: () => (r.picked() || r.inputs[0]).focus(),
    read: () => (r.picked() ? { value: r.picked().value === 'true' } : { error: ui.errorChoose }),
  };
}

// A text input with inputmode, not type=number: no accidental changes by the
// scroll wheel, and the Belgian decimal comma is accepted.
function numberControl(question, answer, ui, locale, parts) {
  const id = uid('num');
  const describedBy = [...parts.describedBy, question.unit && parts.ids.unit].filter(Boolean);
  const input = h('input', {
    type: 'text', id, class: 'ww-input ww-input--number', inputmode: 'decimal',
    autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': describedBy.join(' ') || null,
    'aria-invalid': parts.invalid ? 'true' : null,
  });
  if (typeof parts.draft === 'string') input.value = parts.draft;
  else if (typeof answer === 'number') input.value = locale === 'nl' ? String(answer).replace('.', ',') : String(answer);
  parts.heading.append(h('label', { for: id }, question.text));
  const unit = question.unit ? h('span', { class: 'ww-unit', id: parts.ids.unit }, question.unit) : null;
  const min = question.min ?? 0;
  const max = question.max ?? Number.MAX_SAFE_INTEGER;
  return {
    element: h('div', { class: 'ww-number' }, parts.heading, parts.help, parts.errorLine,
      h('div', { class: 'ww-input-row' }, input, unit)),
    focusError: () => input.focus(),
    read: () => {
      const text = input.value.trim().replace(/\s/g, '');
      // Dutch writers use a comma; "1.500" as thousands is not expected here.
      const n = /^-?\d+([.,]\d+)?$/.test(text) ? Number(text.replace(',', '.')) : NaN;
      if (!Number.isFinite(n) || n < min || n > max) {
        return { error: ui.errorNumber(formatNumber(locale, min), formatNumber(locale, max)), draft: input.value };
      }
      return { value: n };
    },
  };
}

// Three fields (day, month, year), as GOV.UK advises: typing works the same
// in every browser and language, unlike a native date picker.
function dateControl(question, answer, ui, locale, parts) {
  parts.questionText = question.text;
  const hintId = uid('datehint');
  parts.describedBy = [...parts.describedBy, hintId];
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(answer || '');
  const draft = Array.isArray(parts.draft) ? parts.draft : null;
  const field = (label, cls, value, typed) => {
    const id = uid('date');
    const input = h('input', {
      type: 'text', id, class: `ww-input ww-input--${cls}`, inputmode: 'numeric', autocomplete: 'off',
      'aria-invalid': parts.invalid ? 'true' : null,
    });
    if (typed !== undefined) input.value = typed;
    else if (value) input.value = String(Number(value));
    return { input, element: h('div', { class: 'ww-date__item' }, h('label', { for: id, class: 'ww-date__label' }, label), input) };
  };
  const day = field(ui.day, 'day', m && m[3], draft?.[0]);
  const month = field(ui.month, 'month', m && m[2], draft?.[1]);
  const year = field(ui.year, 'year', m && m[1], draft?.[2]);
  const element = fieldset(parts, h('p', { class: 'ww-hint', id: hintId }, ui.dateHint),
    h('div', { class: 'ww-date' }, day.element, month.element, year.element));
  return {
    element,
    focusError: () => day.input.focus(),
    read: () => {
      const typed = [day, month, year].map((f) => f.input.value);
      const [d, mo, y] = typed.map((t) => t.trim());
      const wrong = { error: ui.errorDate, draft: typed };
      if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(mo) || !/^\d{4}$/.test(y)) return wrong;
      const date = new Date(Date.UTC(+y, +mo - 1, +d));
      if (date.getUTCFullYear() !== +y || date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d) return wrong;
      return { value: `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}` };
    },
  };
}

// The answer as the person sees it on the check page.
export function answerText(question, value, ui, locale, formatDate) {
  switch (question.type) {
    case 'choice': return (question.options.find((o) => o.value === value) || { text: String(value) }).text;
    case 'boolean': return value ? ui.yes : ui.no;
    case 'number': return `${formatNumber(locale, value)}${question.unit ? ` ${question.unit}` : ''}`;
    case 'date': return formatDate(locale, value);
    default: return String(value);
  }
}
