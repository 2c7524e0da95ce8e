// The core's reasons (a phrase or a share that does not read) shown inside the popup's error
// sentences are worded from the catalog (shared/core-errors.js coreDetail), in English as the core
// says them and in Dutch in Dutch. The reasons are taken from the real core: the SLIP-39
// reference vectors' invalid sets, and phrases and shares broken on purpose. When a Rust message
// changes, its pattern no longer matches and the Dutch check fails.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { validatePhrase } from './core.mjs';
import { validateShares, inspectShare } from '../../pkg/keystead.js';
import { coreDetail } from '../../extension/shared/core-errors.js';
import { setLanguage } from '../../extension/shared/i18n.js';

const VECTORS = JSON.parse(readFileSync(new URL('../vectors/slip39.json', import.meta.url), 'utf8'));

after(() => setLanguage('en'));

const reason = (f) => {
  try {
    f();
  } catch (e) {
    return e.message;
  }
  throw new Error('the core accepted it');
};

/** Every reason the core gives that a test can provoke, with where it came from. */
function reasons() {
  const valid = VECTORS[0][1][0].split(' ');
  const out = [
    ['11 words', reason(() => validatePhrase('abandon '.repeat(10) + 'about'))],
    ['an unknown phrase word', reason(() => validatePhrase(`${'abandon '.repeat(11)}xyzzy`))],
    ['a phrase checksum', reason(() => validatePhrase('abandon '.repeat(12).trim()))],
    ['an unknown share word', reason(() => inspectShare(valid.map((w, i) => (i === 2 ? 'xyzzy' : w)).join(' ')))],
    ['no shares', reason(() => validateShares([]))],
  ];
  for (const [name, shares, secret] of VECTORS) {
    if (!secret) out.push([name, reason(() => validateShares(shares))]);
  }
  return out;
}

test('each reason the core gives is a catalog message: the same words in English, Dutch words in Dutch', () => {
  const all = reasons();
  assert.ok(all.length >= 15, `${all.length} reasons`);
  for (const [where, message] of all) {
    setLanguage('en');
    assert.equal(coreDetail(message), message.replace(/\.$/, ''), `${where}: English as the core says it`);
    setLanguage('nl');
    const dutch = coreDetail(message);
    assert.notEqual(dutch, message, `${where}: "${message}" has no Dutch words (a Rust message changed?)`);
    for (const n of message.match(/\d+/g) ?? []) assert.ok(dutch.includes(n), `${where}: the Dutch words keep ${n}: ${dutch}`);
  }
});

test('a reason the catalog does not know is shown as the core wrote it, without its full stop', () => {
  setLanguage('nl');
  assert.equal(coreDetail('something new happened.'), 'something new happened');
  assert.equal(coreDetail(undefined), '');
});
