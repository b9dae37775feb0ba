// The results page, grouped as the design asks (design.md §7):
//   "Je hebt recht op"   eligible incentives
//   "Misschien, als …"   unknown results, with the open criteria as conditions
//   "Andere steun"       eligible referrals
//   "Waarom niet?"       not-eligible incentives, collapsed, with their reasons

import { h, uid, externalLink, button } from './dom.js';
import { formatEuro, formatNumber, formatDate } from './i18n.js';

export function groupResults(results) {
  return {
    eligible: results.filter((r) => r.kind === 'incentive' && r.status === 'eligible'),
    possible: results.filter((r) => r.status === 'unknown'),
    other: results.filter((r) => r.kind === 'referral' && r.status === 'eligible'),
    notEligible: results.filter((r) => r.kind === 'incentive' && r.status === 'not-eligible'),
  };
}

function amountValue(detail, ui, locale) {
  if (detail.unit === 'euro') return formatEuro(locale, detail.value);
  if (detail.unit === 'hours') return ui.hours(formatNumber(locale, detail.value));
  return `${formatNumber(locale, detail.value)} ${detail.unit || ''}`.trim();
}

function amounts(result, ui, locale) {
  if (!result.amountDetails || !result.amountDetails.length) return null;
  return h('div', { class: 'ww-block' },
    h('p', { class: 'ww-label' }, ui.amounts),
    h('dl', { class: 'ww-amounts' }, result.amountDetails.map((d) => h('div', { class: 'ww-amounts__row' },
      h('dt', { class: 'ww-amounts__value' }, amountValue(d, ui, locale)),
      h('dd', { class: 'ww-amounts__text' }, d.text)))));
}

function reasonItem(reason, ui) {
  const mark = { met: '✓', 'not-met': '✗', open: '?' }[reason.outcome] || '';
  return h('li', { class: `ww-reason ww-reason--${reason.outcome}` },
    h('span', { class: 'ww-reason__mark', 'aria-hidden': 'true' }, mark),
    h('span', { class: 'ww-reason__text' },
      h('span', { class: 'ww-vh' }, `${ui.outcome[reason.outcome] || reason.outcome}: `),
      reason.text,
      reason.source ? [' ', externalLink(reason.source, `(${ui.source})`, ui.newWindow, { class: 'ww-source' })] : null));
}

function reasons(label, list, ui) {
  if (!list.length) return null;
  return h('div', { class: 'ww-block' },
    h('p', { class: 'ww-label' }, label),
    h('ul', { class: 'ww-reasons' }, list.map((r) => reasonItem(r, ui))));
}

function cautions(result, ui) {
  if (!result.cautions || !result.cautions.length) return null;
  return h('div', { class: 'ww-caution' },
    h('p', { class: 'ww-label' }, ui.cautions),
    h('ul', {}, result.cautions.map((c) => h('li', {}, c))));
}

function apply(result, ui) {
  if (!result.apply || !result.apply.length) return null;
  return h('div', { class: 'ww-block ww-apply' },
    h('p', { class: 'ww-label' }, ui.apply),
    h('ul', {}, result.apply.map((a) => h('li', {}, externalLink(a.url, a.text, ui.newWindow)))));
}

function card(result, ui, locale, body) {
  const titleId = uid('title');
  return h('article', { class: `ww-result ww-result--${result.status}`, 'aria-labelledby': titleId, 'data-result': result.id },
    h('h4', { class: 'ww-result__title', id: titleId }, result.title),
    result.summary ? h('p', { class: 'ww-result__summary' }, result.summary) : null,
    body);
}

function eligibleCard(result, ui, locale) {
  return card(result, ui, locale, [
    amounts(result, ui, locale), reasons(ui.reasons, result.reasons, ui), cautions(result, ui), apply(result, ui)]);
}

function possibleCard(result, ui, locale) {
  const open = result.reasons.filter((r) => r.outcome === 'open');
  return card(result, ui, locale, [
    reasons(ui.possibleIf, open, ui), amounts(result, ui, locale), cautions(result, ui), apply(result, ui)]);
}

function notEligibleCard(result, ui, locale) {
  return card(result, ui, locale, [reasons(ui.notEligibleIntro, result.reasons, ui)]);
}

function group(key, title, results, render, ui, locale) {
  if (!results.length) return null;
  const headingId = uid('group');
  return h('section', { class: `ww-group ww-group--${key}`, 'aria-labelledby': headingId, 'data-group': key },
    h('h3', { class: 'ww-group__title', id: headingId }, title),
    results.map((r) => render(r, ui, locale)));
}

export function renderResults({ evaluation, date, ui, locale, onPrint, onChangeAnswers, onRestart }) {
  const g = groupResults(evaluation.results);
  const heading = h('h2', { class: 'ww-heading', tabindex: '-1' }, ui.resultsTitle);
  const whyNot = g.notEligible.length
    ? h('details', { class: 'ww-why', 'data-group': 'not-eligible' },
      h('summary', { class: 'ww-why__summary' }, `${ui.groupNotEligible} (${g.notEligible.length})`),
      g.notEligible.map((r) => notEligibleCard(r, ui, locale)))
    : null;
  const element = h('div', { class: 'ww-results' },
    heading,
    h('p', {}, ui.resultsIntro(formatDate(locale, date))),
    g.eligible.length || g.possible.length ? null : h('p', { class: 'ww-none' }, ui.noneEligible),
    group('eligible', ui.groupEligible, g.eligible, eligibleCard, ui, locale),
    group('possible', ui.groupPossible, g.possible, possibleCard, ui, locale),
    group('other', ui.groupOther, g.other, eligibleCard, ui, locale),
    whyNot,
    h('div', { class: 'ww-actions ww-noprint' },
      button(ui.print, onPrint, 'primary', { 'data-action': 'print' }),
      button(ui.changeAnswers, onChangeAnswers, 'secondary', { 'data-action': 'change-answers' }),
      button(ui.restart, onRestart, 'secondary', { 'data-action': 'restart' })));
  const announcement = ui.announceResults(
    names(g.eligible, locale), names(g.possible, locale), names(g.other, locale));
  return { element, heading, announcement, groups: g };
}

function names(results, locale) {
  if (!results.length) return locale === 'en' ? 'none' : 'geen';
  return results.map((r) => r.title).join(', ');
}
