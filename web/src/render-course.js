// The course summary (course pages, rules-format.md §9): before anything is
// asked, which incentives this course can unlock and for whom, and which it
// cannot and why, computed by the core's course view from the facts the host
// page gives. Only incentives: referrals ("other support") depend on the
// person and show after the questions.
//
//   "Bekijk wat jij krijgt"                      the button to the personal
//       questions, right under the heading: on a phone it is on the first
//       screen, whatever the length of the lists (again below them)
//   "Met deze opleiding kan je recht hebben op"  possible incentives that
//       depend on the course (`course`: a criterion reads a course fact):
//       eligible (for everyone) or unknown, with the open criteria's `met`
//       texts as "Als:"
//   "Ook voor jou: …"                            one line: possible
//       incentives that do not depend on the course (loopbaancheques), which
//       every course page would repeat
//   "Niet met deze opleiding"                    not-eligible, with only the
//       `notMet` texts of the criteria that block it (their cautions come
//       with the results, after the questions)
// A possible incentive also shows the amounts the course's facts alone
// settle (e.g. the cheque ceiling of a course outside higher education).
//
// In the catalogue variant (mode="course-summary") the conditions of each
// incentive fold away under its name, so a listing stays short, and there is
// no button: the listing links to the course's own page.

import { h, uid, button } from './dom.js';
import { amounts } from './render-results.js';

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

function blockedItem(result) {
  return h('li', { class: 'ww-course__item ww-course__item--blocked', 'data-result': result.id, 'data-course': 'not-eligible' },
    h('span', { class: 'ww-course__name' }, result.title), ': ',
    result.blockedBy.map((c, i) => [i ? ' ' : '', h('span', { 'data-criterion': c.criterion }, c.text)]));
}

// One line for what this course does not decide: the same on every course page.
function alsoLine(results, ui) {
  if (!results.length) return null;
  return h('p', { class: 'ww-course__also', 'data-group': 'also' },
    h('span', { class: 'ww-course__also-label' }, ui.courseAlso), ' ',
    results.map((r, i) => [i ? ', ' : '', h('span', { class: 'ww-course__name', 'data-result': r.id }, r.title)]),
    '. ', ui.courseAlsoWhy);
}

// view: the core's course view output. Returns {element, heading}.
export function renderCourse({ view, ui, locale, compact, onCheck }) {
  const incentives = view.results.filter((r) => r.kind === 'incentive');
  const possible = incentives.filter((r) => r.possible && r.course !== false);
  const also = incentives.filter((r) => r.possible && r.course === false);
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

  // The button to the questions: first under the heading (on a phone, on
  // the first screen), and again after the lists, for who reads them first.
  const hintId = uid('hint');
  const actions = (where) => h('div', { class: `ww-actions ww-course__actions ww-course__actions--${where}` },
    where === 'top'
      ? [button(ui.courseCheck, onCheck, 'primary', { 'data-action': 'check-situation', 'aria-describedby': hintId }),
        h('p', { class: 'ww-hint', id: hintId }, ui.courseCheckHint)]
      : button(ui.courseCheck, onCheck, 'secondary', { 'data-action': 'check-situation', 'aria-describedby': hintId }));
  const element = h('div', { class: ['ww-course', compact && 'ww-course--compact'], 'data-course-view': '' },
    heading,
    onCheck ? actions('top') : null,
    possible.length ? null : h('p', { class: 'ww-none' }, ui.courseNone),
    section('possible', ui.courseCanUnlock, possible.map((r) => possibleItem(r, ui, locale, compact))),
    possible.some((r) => r.status !== 'eligible') ? h('p', { class: 'ww-course__note' }, ui.courseNote) : null,
    alsoLine(also, ui),
    section('blocked', ui.courseBlocked, blocked.map((r) => blockedItem(r))),
    onCheck ? actions('bottom') : null);
  return { element, heading };
}
