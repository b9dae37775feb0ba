// The receipt under the results: printed only (the screen never shows it).
// One short line names the rules (id, version, publication date), their
// fingerprint and the evaluation date, so that staff can tell later which
// rules gave this result. The answers are added only while the person ticks
// "Zet ook mijn antwoorden op het papier": they are in the page only then
// (answerRows() builds them on request).
//
// A kiosk page adds its own title and the leerwinkel's contact around the
// guide (web/kiosk/, docs/kiosk.md).

import { h } from './dom.js';
import { formatDate } from './i18n.js';
import { answerText } from './render-question.js';

// The fingerprint as people compare it: the first 16 hex digits, in groups
// of four (`sha256sum FILE | cut -c1-16` gives the same digits).
export function shortFingerprint(hex) {
  return hex ? hex.slice(0, 16).match(/.{4}/g).join(' ') : '';
}

export function receipt({ rules, fingerprint, date, ui, locale, answerRows, answersWanted }) {
  const answers = () => h('div', { class: 'ww-receipt__answers', 'data-receipt': 'answers' },
    h('p', { class: 'ww-label' }, ui.receiptAnswers),
    h('dl', { class: 'ww-receipt__list' }, answerRows().map(([q, a]) => h('div', { class: 'ww-receipt__row' },
      h('dt', {}, q), h('dd', {}, a)))));
  const element = h('div', { class: 'ww-receipt ww-printonly', 'data-receipt': '' },
    h('p', { class: 'ww-label' }, ui.receiptTitle),
    h('p', { class: 'ww-receipt__about' },
      h('span', { 'data-receipt': 'rules' }, ui.receiptRules(rules.id, rules.version, formatDate(locale, rules.published))),
      fingerprint ? [' · ', h('span', { 'data-receipt': 'fingerprint' }, `${ui.receiptFingerprint}: `,
        h('span', { class: 'ww-fingerprint', 'data-fingerprint': fingerprint }, shortFingerprint(fingerprint)))] : null,
      ' · ', h('span', { 'data-receipt': 'date' }, ui.receiptDate(formatDate(locale, date)))),
    answersWanted ? answers() : null);
  const setAnswers = (wanted) => {
    element.querySelector('[data-receipt="answers"]')?.remove();
    if (wanted) element.append(answers());
  };
  return { element, setAnswers };
}

// The course's facts as the check page and the receipt show them.
export function factRows(facts, questions) {
  return Object.entries(facts)
    .filter(([id]) => questions.has(id))
    .map(([id, value]) => ({ question: questions.get(id), value }));
}

// [question, answer] texts for the receipt, when the person asks for them:
// the course's facts (factRows), then the answers in the order asked.
export function answerRows({ facts, questions, interview, ui, locale }) {
  const text = (question, value) => answerText(question, value, ui, locale, formatDate);
  const { path, unknown, answers } = interview;
  return [
    ...facts.map(({ question, value }) => [question.text, text(question, value)]),
    ...path.map((id) => [questions.get(id).text, unknown.has(id) ? ui.dontKnow : text(questions.get(id), answers[id])]),
  ];
}
