// The check-your-answers page: every answer that counts, each with a
// "Wijzig" button that goes back to its question. On a course page, first
// the course's facts that the page filled in, without a button: they are the
// course's, not the person's.

import { h, button } from './dom.js';
import { answerText } from './render-question.js';
import { formatDate } from './i18n.js';

export function renderCheck({ ids, questions, answers, unknown, facts = [], ui, locale, onChange, onContinue }) {
  const heading = h('h2', { class: 'ww-heading', tabindex: '-1' }, ui.checkTitle);
  const rows = ids.map((id) => {
    const q = questions.get(id);
    return h('div', { class: 'ww-summary__row' },
      h('dt', { class: 'ww-summary__key' }, q.text),
      h('dd', { class: 'ww-summary__value' }, unknown.has(id) ? ui.dontKnow : answerText(q, answers[id], ui, locale, formatDate)),
      h('dd', { class: 'ww-summary__action' },
        button([ui.change, h('span', { class: 'ww-vh' }, ui.changeHidden(q.text))], () => onChange(id), 'link',
          { 'data-question': id })));
  });
  const factRows = facts.map(({ question, value }) => h('div', { class: 'ww-summary__row ww-summary__row--fact', 'data-fact': question.id },
    h('dt', { class: 'ww-summary__key' }, question.text),
    h('dd', { class: 'ww-summary__value' }, answerText(question, value, ui, locale, formatDate))));
  const element = h('div', { class: 'ww-check' },
    heading,
    h('p', {}, ui.checkIntro),
    factRows.length ? h('div', { class: 'ww-facts', 'data-course-facts': '' },
      h('h3', { class: 'ww-facts__title' }, ui.courseFacts),
      h('p', {}, ui.courseFactsIntro),
      h('dl', { class: 'ww-summary' }, factRows)) : null,
    factRows.length ? h('h3', { class: 'ww-facts__title' }, ui.receiptAnswers) : null,
    rows.length ? h('dl', { class: 'ww-summary' }, rows) : h('p', {}, ui.noAnswers),
    h('div', { class: 'ww-actions' }, button(ui.showResults, onContinue, 'primary', { 'data-action': 'results' })));
  return { element, heading };
}
