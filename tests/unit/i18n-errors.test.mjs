// The errors the worker sends to the pages (shared/wallet-errors.js userError) name catalog
// messages, keep their stable code and English message, and the pages show them in their own
// language (shared/core-errors.js popupText); the keys the approval window builds from parts
// (warnings, revert reasons, the core's codes) all exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import * as i18n from '../../extension/shared/i18n.js';
import { userError } from '../../extension/shared/wallet-errors.js';
import { popupText } from '../../extension/shared/core-errors.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const en = JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return file.endsWith('.js') ? [file] : [];
  });
}

test('every key an error or a fact of the worker names is in the catalog', () => {
  const named = new Set();
  for (const file of sources(path.join(ROOT, 'extension'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\b(?:userError\(|reasonKey: )'([A-Za-z0-9_]+)'/g)) named.add(m[1]);
    for (const m of text.matchAll(/'((?:error|warning|insight|approve|call|typed|tx|calls|message|api|send|account)_[a-z0-9_]+)'/g)) named.add(m[1]); // keys chosen by code
  }
  assert.ok(named.size > 40, `the scan found the worker's errors (${named.size})`);
  const exists = (key) => Object.hasOwn(en, key) || (Object.hasOwn(en, `${key}_one`) && Object.hasOwn(en, `${key}_other`)); // tn's counted keys
  assert.deepEqual([...named].filter((key) => !exists(key)), []);
});

test('the keys built from parts exist: warnings, revert reasons, core codes', () => {
  const built = [
    ...['allowance', 'all_nfts', 'permit', 'permit2_allowance', 'permit2_transfer'].map((s) => `warning_unlimited_${s}`),
    ...['1', '11', '12', '21', '22', '31', '32', '41', '51', 'other'].map((c) => `insight_panic_${c}`),
    ...['locked', 'incorrect_password', 'malformed_vault', 'invalid_private_key', 'duplicate_account', 'unknown_account'].map((c) => `error_${c}`),
    ...['share_unknown_word', 'share_bad_length', 'share_bad_checksum', 'share_bad_padding', 'share_bad_group_parameters', 'share_too_many_iterations',
      'shares_none', 'shares_different_sets', 'shares_duplicate', 'shares_too_few', 'shares_too_many', 'shares_too_few_groups',
      'shares_too_many_groups', 'shares_digest_mismatch'].map((c) => `error_${c}`),
    ...['', '_app', '_contract', '_app_contract'].flatMap((w) => [`typed_sign${w}`, `typed_sign_domain${w}`]),
    ...['token', 'amount', 'expires'].flatMap((k) => [`typed_${k}`, `typed_${k}_n`]),
    ...['erc20', 'erc721', 'erc1155'].map((s) => `call_standard_${s}`),
  ];
  assert.deepEqual(built.filter((key) => !Object.hasOwn(en, key)), []);
});

test('an error for a person keeps its code and English message, and carries its key and params', () => {
  const e = userError('error_network_exists', { chainId: 1337 });
  assert.equal(e.code, 'INVALID_ARGUMENT');
  assert.equal(e.message, 'Keystead already has a network with chain id 1337.');
  assert.deepEqual([e.key, e.params], ['error_network_exists', { chainId: 1337 }]);
  assert.equal(userError('error_storage_full', {}, 'STORAGE_FULL').code, 'STORAGE_FULL');
  assert.deepEqual(userError('error_token_bad_decimals', { address: '0x1', max: 36n }).params, { address: '0x1', max: '36' }); // JSON-safe
});

test('the popup shows the key in its language, else the words for a known code, else the message', () => {
  try {
    i18n.setLanguage('nl');
    assert.equal(popupText({ code: 'INVALID_ARGUMENT', message: 'x', key: 'error_network_exists', params: { chainId: 5 } }), 'Keystead heeft al een netwerk met chain-id 5.');
    assert.equal(popupText({ code: 'INCORRECT_PASSWORD', message: 'incorrect password' }), i18n.t('error_incorrect_password'));
    assert.equal(popupText({ code: 'UNLOCK_THROTTLED', message: 'x', key: 'error_unlock_throttled', params: { seconds: 30, wait: '30 seconds' } }),
      'Te veel verkeerde wachtwoorden. Wacht 30 seconden en probeer het dan opnieuw.');
    assert.equal(popupText({ code: 'SHARES_DUPLICATE', message: 'share 2 of group 1 was given twice' }), 'Met deze delen kun je geen wallet herstellen: deel 2 van groep 1 is twee keer ingevoerd. Typ elk deel maar één keer.');
    assert.equal(popupText({ code: 'INVALID_PHRASE', message: 'word 3 is not in the recovery phrase word list' }),
      'Dat is geen geldige herstelzin: woord 3 staat niet in de woordenlijst van herstelzinnen. Controleer elk woord met je back-up.');
    assert.equal(popupText({ code: 'SHARES_DUPLICATE', message: 'a reason not in the catalog' }), 'Met deze delen kun je geen wallet herstellen: a reason not in the catalog. Typ elk deel maar één keer.');
    assert.equal(popupText({ code: 'SOMETHING_ELSE', message: 'as it came' }), 'as it came');
    i18n.setLanguage('en');
    assert.equal(popupText({ code: 'INVALID_PHRASE', message: 'word 3 is not in the recovery phrase word list' }),
      'That is not a valid Secret Recovery Phrase: word 3 is not in the recovery phrase word list. Check each word against your backup.');
  } finally {
    i18n.setLanguage('en');
  }
});
