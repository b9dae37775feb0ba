// The results page, grouped as the design asks (design.md §7):
//   "Je hebt recht op"   eligible incentives
//   "Misschien, als …"   unknown results, with the open criteria as conditions
//   "Andere steun"       eligible referrals
//   "Waarom niet?"       not-eligible incentives, collapsed, with their reasons
//                        and cautions
// and, for the printout only, a receipt (render-receipt.js): the rules' id,
// version and fingerprint, the date, and the answers only when the person
// ticks that they want them on paper.
//
// On a kiosk (a shared device in full screen) links do not open: a new window
// could not be closed and would keep the session's page around. The address
// is written out instead, for the printout.

import { h, uid, externalLink, safeUrl, button } from './dom.js';
import { formatEuro, formatNumber, formatDate } from './i18n.js';
import { receipt } from './render-receipt.js';

// A result the person did not ask for (the goal question) and that is still
// open is not shown: the page offers to ask for it instead.
export function groupResults(results) {
  return {
    eligible: results.filter((r) => r.kind === 'incentive' && r.status === 'eligible'),
    possible: results.filter((r) => r.status === 'unknown' && r.pursued !== false),
    other: results.filter((r) => r.kind === 'referral' && r.status === 'eligible'),
    notEligible: results.filter((r) => r.kind === 'incentive' && r.status === 'not-eligible'),
  };
}

function amountValue(detail, ui, locale) {
  if (detail.unit === 'euro') return formatEuro(locale, detail.value);
  if (detail.unit === 'hours') return ui.hours(formatNumber(locale, detail.value));
  return `${formatNumber(locale, detail.value)} ${detail.unit || ''}`.trim();
}

// The first sentence of a text, and the rest.
function lead(text) {
  const m = /^(.+?[.!?])\s+(\S.*)$/s.exec(text || '');
  return m ? [m[1], m[2]] : [text, ''];
}

// The amounts block of a result (also of a result in the course summary).
// `brief`: each amount with the first sentence of its text; the rest of the
// explanation opens on request (amountsMore).
// On screen the amounts speak for themselves (a bold value, then what it
// is); the "Hoeveel" label stays for screen readers.
export function amounts(result, ui, locale, brief = false) {
  if (!result.amountDetails || !result.amountDetails.length) return null;
  return h('div', { class: 'ww-block' },
    h('p', { class: brief ? 'ww-label ww-vh' : 'ww-label' }, ui.amounts),
    h('dl', { class: 'ww-amounts' }, result.amountDetails.map((d) => h('div', { class: 'ww-amounts__row' },
      h('dt', { class: 'ww-amounts__value' }, amountValue(d, ui, locale)),
      h('dd', { class: 'ww-amounts__text' }, brief ? lead(d.text)[0] : d.text)))));
}

// The rest of the amounts' explanations, for the folded part of a card.
function amountsMore(result, ui, locale) {
  const rest = (result.amountDetails || []).map((d) => [d, lead(d.text)[1]]).filter(([, r]) => r);
  if (!rest.length) return null;
  return h('div', { class: 'ww-block' },
    h('p', { class: 'ww-label' }, ui.amounts),
    h('ul', {}, rest.map(([d, r]) => h('li', {}, h('strong', {}, amountValue(d, ui, locale)), ': ', r))));
}

// A link, or on a kiosk the text with its address written out.
function linkOrAddress(url, text, ui, kiosk) {
  if (!kiosk) return externalLink(url, text, ui.newWindow);
  const href = safeUrl(url);
  return href ? [text, ' ', h('span', { class: 'ww-address' }, `(${ui.address}: ${href})`)] : text;
}

function reasonItem(reason, ui) {
  const mark = { met: '✓', 'not-met': '✗', open: '?' }[reason.outcome] || '';
  return h('li', { class: `ww-reason ww-reason--${reason.outcome}` },
    h('span', { class: 'ww-reason__mark', 'aria-hidden': 'true' }, mark),
    h('span', { class: 'ww-reason__text' },
      h('span', { class: 'ww-vh' }, `${ui.outcome[reason.outcome] || reason.outcome}: `),
      reason.text));
}

function reasons(label, list, ui) {
  if (!list.length) return null;
  return h('div', { class: 'ww-block' },
    h('p', { class: 'ww-label' }, label),
    h('ul', { class: 'ww-reasons' }, list.map((r) => reasonItem(r, ui))));
}

// One list of sources per result (not a link per condition): each page once.
function sources(result, ui, kiosk) {
  const urls = [...new Set((result.reasons || []).map((r) => r.source).filter((u) => safeUrl(u)))];
  if (!urls.length) return null;
  const label = (url) => {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.length > 1 ? u.pathname.replace(/\/$/, '') : ''}`;
  };
  return h('div', { class: 'ww-block ww-sources', 'data-sources': '' },
    h('p', { class: 'ww-label' }, ui.sources),
    h('ul', {}, urls.map((url) => h('li', {}, linkOrAddress(url, label(url), ui, kiosk)))));
}

// What a person reads only on request: the conditions, the cautions and the
// sources (opened for printing: guide.js).
function more(ui, ...content) {
  const parts = content.filter(Boolean);
  if (!parts.length) return null;
  return h('details', { class: 'ww-more', 'data-more': '' },
    h('summary', { class: 'ww-more__summary' }, ui.more),
    parts);
}

// On every card, refusals too: a caution may change the outcome (rules-format.md §10).
export function cautions(result, ui) {
  if (!result.cautions || !result.cautions.length) return null;
  return h('div', { class: 'ww-caution', 'data-cautions': '' },
    h('p', { class: 'ww-label' }, ui.cautions),
    h('ul', {}, result.cautions.map((c) => h('li', {}, c))));
}

// How to apply: the first step's first sentence (the link) only; every
// step in full, with its link or address, opens on request (applyMore), and
// always on paper, where this brief line is hidden (.ww-brief) so nothing
// is printed twice.
function apply(result, ui, kiosk) {
  if (!result.apply || !result.apply.length) return null;
  const first = result.apply[0];
  return h('div', { class: hasMoreToApply(result) ? 'ww-block ww-apply ww-brief' : 'ww-block ww-apply' },
    h('p', { class: 'ww-label' }, ui.apply),
    h('ul', {}, h('li', {}, linkOrAddress(first.url, lead(first.text)[0], ui, kiosk))));
}

function hasMoreToApply(result) {
  const steps = result.apply || [];
  return steps.length > 1 || (steps.length === 1 && Boolean(lead(steps[0].text)[1]));
}

function applyMore(result, ui, kiosk) {
  if (!hasMoreToApply(result)) return null;
  return h('div', { class: 'ww-block ww-apply', 'data-apply-more': '' },
    h('p', { class: 'ww-label' }, ui.apply),
    h('ul', {}, result.apply.map((a) => h('li', {}, linkOrAddress(a.url, a.text, ui, kiosk)))));
}

// Every outcome ends with a next step (the design's "where to go instead"):
// when nothing applies, where to turn; always, the free 1700 line.
function nextSteps(g, ui, kiosk) {
  const nothing = !g.eligible.length && !g.possible.length && !g.other.length;
  const headingId = uid('next');
  return h('section', { class: 'ww-next', 'aria-labelledby': headingId, 'data-next-steps': '' },
    h('h3', { class: 'ww-group__title', id: headingId }, ui.nextTitle),
    nothing ? h('ul', {}, ui.nextNone.map((n) => h('li', {}, n.url ? linkOrAddress(n.url, n.text, ui, kiosk) : n.text))) : null,
    h('p', { 'data-next': 'help' }, ui.nextHelp));
}

function card(result, ui, locale, body) {
  const titleId = uid('title');
  return h('article', { class: `ww-result ww-result--${result.status}`, 'aria-labelledby': titleId, 'data-result': result.id },
    h('h4', { class: 'ww-result__title', id: titleId }, result.title),
    result.summary ? h('p', { class: 'ww-result__summary' }, result.summary) : null,
    body);
}

function eligibleCard(result, ui, locale, kiosk) {
  return card(result, ui, locale, [
    amounts(result, ui, locale, true), apply(result, ui, kiosk),
    more(ui, applyMore(result, ui, kiosk), amountsMore(result, ui, locale), reasons(ui.reasons, result.reasons, ui), cautions(result, ui),
      sources(result, ui, kiosk))]);
}

function possibleCard(result, ui, locale, kiosk) {
  // No open condition: the rules themselves are not sure (a version with
  // "maxStatus": "unknown"); its cautions say why.
  const open = result.reasons.filter((r) => r.outcome === 'open');
  const met = result.reasons.filter((r) => r.outcome !== 'open');
  return card(result, ui, locale, [
    open.length ? reasons(ui.possibleIf, open, ui) : null,
    amounts(result, ui, locale, true), apply(result, ui, kiosk),
    more(ui, open.length ? null : h('p', { class: 'ww-block', 'data-unsure': '' }, ui.possibleUnsure),
      applyMore(result, ui, kiosk), amountsMore(result, ui, locale), reasons(ui.reasons, met, ui), cautions(result, ui),
      sources(result, ui, kiosk))]);
}

function notEligibleCard(result, ui, locale, kiosk) {
  return card(result, ui, locale, [reasons(ui.notEligibleIntro, result.reasons, ui), cautions(result, ui), sources(result, ui, kiosk)]);
}

// The main amount of a result, as the summary shows it.
function mainAmount(result, ui, locale) {
  const d = result.amountDetails && result.amountDetails[0];
  return d ? amountValue(d, ui, locale) : null;
}

// On top: what you are entitled to (with the main amount), what might
// apply, and the single most useful next step.
function summaryPanel(g, ui, locale, kiosk) {
  const headingId = uid('summary');
  const item = (r) => {
    const amount = mainAmount(r, ui, locale);
    return h('li', {}, r.title, amount ? [': ', h('strong', {}, amount)] : null);
  };
  const first = [...g.eligible, ...g.possible, ...g.other].find((r) => r.apply && r.apply.length);
  const step = first
    ? [first.title, ': ', linkOrAddress(first.apply[0].url, lead(first.apply[0].text)[0], ui, kiosk)]
    : ui.summaryNextHelp;
  return h('section', { class: 'ww-summary-panel', 'aria-labelledby': headingId, 'data-summary': '' },
    h('h3', { class: 'ww-group__title', id: headingId }, ui.summaryTitle),
    g.eligible.length ? [h('p', { class: 'ww-label' }, ui.summaryEligible), h('ul', { 'data-summary': 'eligible' }, g.eligible.map(item))] : null,
    g.possible.length ? [h('p', { class: 'ww-label' }, ui.summaryPossible), h('ul', { 'data-summary': 'possible' }, g.possible.map(item))] : null,
    g.eligible.length || g.possible.length ? null : h('p', {}, ui.noneEligible),
    h('p', { class: 'ww-label' }, ui.summaryNext),
    h('p', { 'data-summary': 'next' }, step));
}

// Not finished yet (the person stopped early), or results not asked for:
// the way back to the questions, with how many there are.
function carryOn({ left, offer }, ui) {
  const parts = [];
  if (left > 0) {
    parts.push(h('div', { class: 'ww-block ww-carry-on', 'data-unfinished': '' },
      h('p', {}, ui.unfinished(left)),
      button(ui.continueQuestions, offer.onContinue, 'primary', { 'data-action': 'continue' })));
  } else if (offer.topics.length) {
    const topics = offer.topics.map((t) => ui.offerTopic[t]).filter(Boolean).join(ui.offerAnd);
    parts.push(h('div', { class: 'ww-block ww-carry-on', 'data-offer': '' },
      h('p', {}, ui.offer(topics, offer.left)),
      button(ui.offerButton, offer.onWiden, 'secondary', { 'data-action': 'widen' })));
  }
  return parts;
}

function group(key, title, results, render, ui, locale, kiosk) {
  if (!results.length) return null;
  const headingId = uid('group');
  return h('section', { class: `ww-group ww-group--${key}`, 'aria-labelledby': headingId, 'data-group': key },
    h('h3', { class: 'ww-group__title', id: headingId }, title),
    results.map((r) => render(r, ui, locale, kiosk)));
}

// On a shared kiosk the hint says plainly what reaches the paper; on a
// person's own device the label alone says it (the page stays short).
function answersChoice(ui, checked, onToggle, kiosk) {
  const id = uid('paper');
  const hintId = kiosk ? uid('hint') : null;
  const input = h('input', {
    type: 'checkbox', class: 'ww-checkbox__input', id, 'aria-describedby': hintId, 'data-action': 'answers-on-paper',
  });
  input.checked = checked;
  input.addEventListener('change', () => onToggle(input.checked));
  return h('div', { class: 'ww-checkbox ww-noprint' },
    input,
    h('div', {},
      h('label', { for: id, class: 'ww-checkbox__label' }, ui.answersOnPaper),
      kiosk ? h('p', { class: 'ww-hint', id: hintId }, ui.answersOnPaperHint) : null));
}

export function renderResults({
  evaluation, date, ui, locale, kiosk = false, rules, fingerprint, answerRows, answersWanted = false,
  onAnswersWanted = () => {}, onPrint, onChangeAnswers, onRestart,
  progress = { left: 0, offer: { topics: [], left: 0 } },
}) {
  const g = groupResults(evaluation.results);
  const heading = h('h2', { class: 'ww-heading', tabindex: '-1' }, ui.resultsTitle);
  const whyNot = g.notEligible.length
    ? h('details', { class: 'ww-why', 'data-group': 'not-eligible' },
      h('summary', { class: 'ww-why__summary' }, `${ui.groupNotEligible} (${g.notEligible.length})`),
      g.notEligible.map((r) => notEligibleCard(r, ui, locale, kiosk)))
    : null;
  const slip = receipt({ rules, fingerprint, date, ui, locale, answerRows, answersWanted });
  const element = h('div', { class: 'ww-results' },
    heading,
    summaryPanel(g, ui, locale, kiosk),
    carryOn(progress, ui),
    h('p', {}, ui.resultsIntro(formatDate(locale, date))),
    group('eligible', ui.groupEligible, g.eligible, eligibleCard, ui, locale, kiosk),
    group('possible', ui.groupPossible, g.possible, possibleCard, ui, locale, kiosk),
    group('other', ui.groupOther, g.other, eligibleCard, ui, locale, kiosk),
    whyNot,
    nextSteps(g, ui, kiosk),
    slip.element,
    answersChoice(ui, answersWanted, (wanted) => { slip.setAnswers(wanted); onAnswersWanted(wanted); }, kiosk),
    h('div', { class: 'ww-actions ww-noprint' },
      button(ui.print, onPrint, 'primary', { 'data-action': 'print' }),
      button(ui.changeAnswers, onChangeAnswers, 'secondary', { 'data-action': 'change-answers' }),
      // On a kiosk wiping everything is a main action; elsewhere a quiet one.
      button(kiosk ? ui.restartKiosk : ui.restart, onRestart, kiosk ? 'secondary' : 'link', { 'data-action': 'restart' })));
  const announcement = ui.announceResults(
    names(g.eligible, locale), names(g.possible, locale), names(g.other, locale));
  return { element, heading, announcement, groups: g };
}

function names(results, locale) {
  if (!results.length) return locale === 'en' ? 'none' : 'geen';
  return results.map((r) => r.title).join(', ');
}

// What the `wegwijzer-results` event carries when the embedder opted in
// (`emit-results`): results only (ids, statuses, amounts), never the answers.
export function resultsForHost(evaluation) {
  return {
    ruleset: evaluation.ruleset,
    date: evaluation.date,
    results: evaluation.results.map((r) => ({ id: r.id, kind: r.kind, status: r.status, amounts: { ...r.amounts } })),
  };
}
