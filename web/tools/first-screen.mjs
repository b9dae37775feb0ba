#!/usr/bin/env node
// The built-in rules' first screen, for the widget to show before its core
// has loaded (issue 13): the first question the core asks when nothing is
// answered (`wegwijzer eval` with no answers), in every locale of the
// ruleset, in the form the core's `describe` gives it, with the expected
// number of questions. The core takes over when it is ready, and an answer
// given before then is kept only if the loaded rules ask the same question
// first (web/src/guide.js).
//
// Only a choice or yes/no question is written; otherwise (or when the core
// asks nothing) the file says null and the widget shows its loading line.
//
// Each PAGE.html given after OUT_JSON gets, in place of the comment
// <!-- @FIRST_SCREEN@ --> inside its <wegwijzer-guide>, the question and its
// options as plain text with a link to the official page, in the page's
// language (<html lang>): what a person sees without JavaScript. The guide's
// closed shadow root hides it as soon as the guide runs.
//
// Usage: node web/tools/first-screen.mjs RULESET_JSON WEGWIJZER_CLI OUT_JSON [PAGE.html ...]

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const [rulesetFile, cli, out, ...pages] = process.argv.slice(2);
if (!out) {
  console.error('usage: first-screen.mjs RULESET_JSON WEGWIJZER_CLI OUT_JSON');
  process.exit(2);
}
const ruleset = JSON.parse(fs.readFileSync(rulesetFile, 'utf8'));
const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'first-screen-')), 'answers.json');
fs.writeFileSync(empty, '{}');
const today = new Date().toISOString().slice(0, 10);
const evaluation = JSON.parse(execFileSync(cli, ['eval', rulesetFile, '--date', today, '--answers', empty], { encoding: 'utf8' }));
fs.rmSync(path.dirname(empty), { recursive: true, force: true });

const id = evaluation.next && evaluation.next[0];
const q = ruleset.questions.find((x) => x.id === id);
let screen = null;
if (q && (q.type === 'choice' || q.type === 'boolean')) {
  const locales = ruleset.locales || ['nl'];
  const textOf = (t, locale) => (t ? t[locale] ?? t[locales[0]] : undefined);
  const question = {};
  for (const locale of locales) {
    question[locale] = {
      id: q.id,
      type: q.type,
      course: q.scope === 'course',
      text: textOf(q.text, locale),
      ...(q.help ? { help: textOf(q.help, locale) } : {}),
      ...(q.goal ? { goal: true } : {}),
      ...(q.type === 'choice' ? { options: q.options.map((o) => ({ value: o.value, text: textOf(o.text, locale) })) } : {}),
    };
  }
  screen = { rulesetId: ruleset.id, version: ruleset.version, published: ruleset.published, expected: evaluation.progress.expected, question };
}
fs.writeFileSync(out, `${JSON.stringify(screen)}\n`);

const OFFICIAL = 'https://www.vlaanderen.be/vlaamse-opleidingsincentives';
const NO_SCRIPT = {
  nl: 'Deze wegwijzer werkt alleen met JavaScript. Alles over de Vlaamse opleidingsincentives staat ook op',
  en: 'This guide only works with JavaScript. Everything about the Flemish training incentives is also on',
};
const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
for (const page of pages) {
  const html = fs.readFileSync(page, 'utf8');
  const lang = (/<html[^>]*\blang="([a-z]+)/.exec(html) || [])[1] || 'nl';
  const q = screen && (screen.question[lang] || Object.values(screen.question)[0]);
  const lines = [];
  if (q) {
    lines.push(`<p class="wegwijzer-static__question"><strong>${esc(q.text)}</strong></p>`);
    if (q.options) lines.push(`<ul>${q.options.map((o) => `<li>${esc(o.text)}</li>`).join('')}</ul>`);
  }
  lines.push(`<p>${NO_SCRIPT[lang] || NO_SCRIPT.nl} <a href="${OFFICIAL}">vlaanderen.be</a>.</p>`);
  if (!html.includes('<!-- @FIRST_SCREEN@ -->')) throw new Error(`${page}: no <!-- @FIRST_SCREEN@ --> to replace`);
  fs.writeFileSync(page, html.replace('<!-- @FIRST_SCREEN@ -->', lines.join('\n')));
}
console.log(screen ? `first screen: "${id}" (${Object.keys(screen.question).join(', ')})` : 'first screen: none (not a choice or yes/no question)');
