// The check-your-answers page: every answer that counts, each with a
// "Wijzig" button that goes back to its question.

import { h, button } from './dom.js';
import { answerText } from './render-question.js';
import { formatDate } from './i18n.js';

export function renderCheck({ ids, questions, answers, unknown, ui, locale, onChange, onContinue }) {
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
  const element = h('div', { class: 'ww-check' },
    heading,
    h('p', {}, ui.checkIntro),
    rows.length ? h('dl', { class: 'ww-summary' }, rows) : h('p', {}, ui.noAnswers),
    h('div', { class: 'ww-actions' }, button(ui.showResults, onContinue, 'primary', { 'data-action': 'results' })));
  return { element, heading };
}
