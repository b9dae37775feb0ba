// The widget's own long dates (web/src/i18n.js formatDate, written out to
// spare the first screen ICU's start-up) are what Intl.DateTimeFormat writes
// for nl-BE and en-BE: every month, first and last days, both locales. Its
// amounts and numbers, with formatters kept between calls, are what a fresh
// Intl.NumberFormat writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatEuro, formatNumber } from '../src/i18n.js';

test('formatDate writes what Intl.DateTimeFormat writes, in both locales', () => {
  let compared = 0;
  for (const [locale, tag] of [['nl', 'nl-BE'], ['en', 'en-BE']]) {
    const intl = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let month = 1; month <= 12; month += 1) {
      for (const day of [1, 9, 28]) {
        const iso = `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        assert.equal(formatDate(locale, iso), intl.format(new Date(Date.UTC(2026, month - 1, day))), `${locale} ${iso}`);
        compared += 1;
      }
    }
  }
  assert.equal(compared, 72);
  assert.equal(formatDate('nl', '2026-12-01'), '1 december 2026');
  assert.equal(formatDate('en', '2026-12-01'), '1 December 2026');
});

test('formatDate leaves what is not a date as it is', () => {
  for (const text of ['2026-13-01', '2026-00-10', '2026-12-00', '2026-12-1', 'gisteren', '']) {
    assert.equal(formatDate('nl', text), text);
  }
});

test('amounts and numbers are what a fresh Intl.NumberFormat writes, with the formatters kept between calls', () => {
  const fresh = (tag, value, cents) => new Intl.NumberFormat(tag, {
    style: 'currency', currency: 'EUR', minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: 2,
  }).format(value);
  // Whole and non-whole amounts alternate: each has a formatter of its own.
  for (let round = 0; round < 2; round += 1) {
    for (const [locale, tag] of [['nl', 'nl-BE'], ['en', 'en-BE']]) {
      for (const value of [250, 36.25, 1847, 0.5, 12000]) {
        assert.equal(formatEuro(locale, value), fresh(tag, value, !Number.isInteger(value)), `${locale} ${value}`);
      }
      for (const value of [93.5, 1234.567, 7]) {
        assert.equal(formatNumber(locale, value), new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value));
      }
    }
  }
  const plain = (t) => t.replace(/\u00a0/g, ' ');
  assert.deepEqual([formatEuro('nl', 1847), formatEuro('nl', 36.25), formatNumber('nl', 93.5)].map(plain), ['€ 1.847', '€ 36,25', '93,5']);
});
