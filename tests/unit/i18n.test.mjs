// The message catalogs (extension/_locales/<language>/messages.json) and the language helpers
// (extension/shared/i18n.js): both languages have the same keys with the same placeholders,
// every key the code names exists, and amounts are written and read in each language's notation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as i18n from '../../extension/shared/i18n.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const catalog = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales', lang, 'messages.json'), 'utf8'));
const placeholders = (message) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.js') ? [file] : [];
  });
}

/** The message keys the extension's code names literally: t('key'), tn('key', …) and keys in
 *  `msg('key')`-style calls of the same two functions. */
export function keysUsed() {
  const used = new Set();
  for (const file of sources(path.join(ROOT, 'extension'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([A-Za-z0-9_@]+)'/g)) used.add(m[1]);
    for (const m of text.matchAll(/\btn\(\s*'([A-Za-z0-9_@]+)'/g)) { used.add(`${m[1]}_one`); used.add(`${m[1]}_other`); }
  }
  return used;
}

test('both catalogs have the same keys, each with the same placeholders', () => {
  const en = catalog('en');
  const nl = catalog('nl');
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.deepEqual(placeholders(nl[key].message), placeholders(en[key].message), `placeholders of ${key}`);
  }
});

test('every key is one Chrome accepts, every message is non-empty, and every English entry says where it shows', () => {
  for (const lang of i18n.LANGUAGES) {
    for (const [key, entry] of Object.entries(catalog(lang))) {
      assert.match(key, /^[A-Za-z0-9_@]+$/, `${lang} key ${key}`);
      assert.ok(typeof entry.message === 'string' && entry.message.trim() !== '', `${lang} ${key} has a message`);
      assert.ok(!entry.message.includes('$'), `${lang} ${key}: "$" is Chrome's placeholder mark`);
    }
  }
  for (const [key, entry] of Object.entries(catalog('en'))) assert.ok(entry.description, `en ${key} has a description`);
});

test('every key the code names is in the catalog', () => {
  const en = catalog('en');
  const missing = [...keysUsed()].filter((key) => !Object.hasOwn(en, key));
  assert.deepEqual(missing, []);
  assert.ok(keysUsed().has('router_failed_title')); // the scan really reads the code
});

test('the manifest takes its name and description from the catalog', () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'extension/manifest.json'), 'utf8'));
  assert.equal(manifest.default_locale, 'en');
  for (const field of [manifest.name, manifest.description, manifest.action.default_title]) {
    const key = /^__MSG_(\w+)__$/.exec(field)?.[1];
    assert.ok(key && catalog('en')[key] && catalog('nl')[key], `${field} names a message of both catalogs`);
  }
});

test('the language follows the choice, else the browser, else English', () => {
  assert.equal(i18n.pickLanguage('nl', 'en-US'), 'nl');
  assert.equal(i18n.pickLanguage(undefined, 'nl-BE'), 'nl');
  assert.equal(i18n.pickLanguage('fr', 'de-DE'), 'en');
  assert.equal(i18n.pickLanguage(null, 'en-GB'), 'en');
});

test('messages are filled in, counted and fall back to the key', () => {
  i18n.setLanguage('nl');
  assert.equal(i18n.t('router_no_screen', { name: 'x' }), 'Keystead heeft geen scherm met de naam “x”. Sluit dit venster en open het opnieuw.');
  assert.equal(i18n.t('no_such_key_here'), 'no_such_key_here');
  i18n.setLanguage('en');
  assert.equal(i18n.t('router_failed_title'), 'Something went wrong');
});

test('amounts are written with every digit in the language notation and read back from it', () => {
  i18n.setLanguage('nl');
  assert.equal(i18n.formatNumber('1234567.000000000000000001'), '1.234.567,000000000000000001');
  assert.equal(i18n.formatNumber('-0.5'), '-0,5');
  assert.equal(i18n.normalizeAmount('0,5'), '0.5');
  // A point that could be a thousands separator is refused, never read as 1.5 or 1500.
  for (const typed of ['1.500', '12.000.000', '1.234,5', '1.5,0']) {
    assert.throws(() => i18n.normalizeAmount(typed), (e) => e.key === 'amount_error_grouped' && e.params.typed === typed, typed);
  }
  assert.equal(i18n.normalizeAmount('1.25'), '1.25');
  assert.equal(i18n.normalizeAmount('0.5'), '0.5');
  assert.equal(i18n.normalizeAmount(' 12 '), '12');
  assert.equal(i18n.normalizeAmount('1.5'), '1.5');
  i18n.setLanguage('en');
  assert.equal(i18n.formatNumber('1234567.5'), '1,234,567.5');
  assert.equal(i18n.normalizeAmount('1,234.5'), '1,234.5');
  assert.equal(i18n.normalizeAmount('1,5'), '1,5'); // left as typed: the parser refuses it
});
