// The course summary (course pages, rules-format.md §9): before anything is
// asked, which incentives this course can unlock and for whom, and which it
// cannot and why, computed by the core's course view from the facts the host
// page gives. Only incentives: referrals ("other support") depend on the
// person alone and show after the questions.
//
//   "Met deze opleiding kan je recht hebben op"  possible: eligible (for
//       everyone) or unknown, with the open criteria's `met` texts as "Als:"
//   "Niet met deze opleiding"                    not-eligible, with the
//       `notMet` texts of the criteria that block it and their cautions
//       (what else would count, what is not confirmed: rules-format.md §10)
// A possible incentive also shows the amounts the course's facts alone
// settle (e.g. the cheque ceiling of a course outside higher education).
//
// In the catalogue variant (mode="course-summary") the conditions of each
// incentive fold away under its name, so a listing stays short, and there is
// no button: the listing links to the course's own page.

import { h, uid, button } from './dom.js';
import { amounts, cautions } from './render-results.js';

function conditions(result, ui) {
  if (result.status === 'eligible') return h('p', { class: 'ww-course__everyone' }, ui.courseEveryone);
  return [
    h('p', { class: 'ww-course__if' }, ui.courseIf),
    h('ul', { class: 'ww-conditions' }, result.dependsOn.map((c) => h('li', { 'data-criterion': c.criterion }, c.text))),
  ];
}

function possibleItem(result, ui, locale, compact) {
  const attrs = { class: 'ww-course__item ww-course__item--possible', 'data-result': result.id, 'data-course': result.status };
  if (compact) {
    return h('li', attrs, h('details', { class: 'ww-course__details' },
      h('summary', { class: 'ww-course__name' }, result.title, h('span', { class: 'ww-course__for-whom' }, ` (${ui.courseForWhom})`)),
      conditions(result, ui), amounts(result, ui, locale)));
  }
  return h('li', attrs,
    h('p', { class: 'ww-course__name' }, result.title),
    result.summary ? h('p', { class: 'ww-course__summary' }, result.summary) : null,
    conditions(result, ui),
    amounts(result, ui, locale));
}

function blockedItem(result, ui) {
  return h('li', { class: 'ww-course__item ww-course__item--blocked', 'data-result': result.id, 'data-course': 'not-eligible' },
    h('span', { class: 'ww-course__name' }, result.title), ': ',
    result.blockedBy.map((c, i) => [i ? ' ' : '', h('span', { 'data-criterion': c.criterion }, c.text)]),
    cautions(result, ui));
}

// view: the core's course view output. Returns {element, heading}.
export function renderCourse({ view, ui, locale, compact, onCheck }) {
  const incentives = view.results.filter((r) => r.kind === 'incentive');
  const possible = incentives.filter((r) => r.possible);
  const blocked = incentives.filter((r) => !r.possible);
  // A catalogue card has its own heading (the course's name) at level 2.
  const [top, sub] = compact ? ['h3', 'h4'] : ['h2', 'h3'];
  const heading = h(top, { class: 'ww-heading ww-course__title', tabindex: '-1' }, ui.courseTitle);

  const section = (key, title, items) => {
    if (!items.length) return null;
    const id = uid('course');
    return h('section', { class: `ww-course__group ww-course__group--${key}`, 'aria-labelledby': id, 'data-group': key },
      h(sub, { class: 'ww-course__group-title', id }, title),
      h('ul', { class: 'ww-course__list' }, items));
  };

  const hintId = uid('hint');
  const element = h('div', { class: ['ww-course', compact && 'ww-course--compact'], 'data-course-view': '' },
    heading,
    possible.length ? null : h('p', { class: 'ww-none' }, ui.courseNone),
    section('possible', ui.courseCanUnlock, possible.map((r) => possibleItem(r, ui, locale, compact))),
    section('blocked', ui.courseBlocked, blocked.map((r) => blockedItem(r, ui))),
    possible.some((r) => r.status !== 'eligible') ? h('p', { class: 'ww-course__note' }, ui.courseNote) : null,
    onCheck ? h('div', { class: 'ww-actions ww-course__actions' },
      h('p', { class: 'ww-hint', id: hintId }, ui.courseCheckHint),
      button(ui.courseCheck, onCheck, 'primary', { 'data-action': 'check-situation', 'aria-describedby': hintId })) : null);
  return { element, heading };
}
