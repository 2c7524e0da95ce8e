// The backup's dates per phrase (wallet/backup.js) and a backup file's copy of them
// (wallet/backup-settings.js): phrase 2, 3, …'s dates are kept apart from phrase 1's, and a
// restored file brings them back, or is refused when they are not dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.chrome = {
  storage: { local: { get: async () => ({}), set: async () => {}, remove: async () => {} } },
  runtime: { getPlatformInfo: async () => ({}) },
};

const backup = await import('../../extension/background/wallet/backup.js');
const { restoredFields } = await import('../../extension/background/wallet/backup-settings.js');

const ACCOUNTS = [{ address: '0x1111111111111111111111111111111111111111' }];
const AT = '2026-12-04T12:00:00.000Z';

test('a phrase imported into the wallet gets its own dates, apart from phrase 1\'s', () => {
  const before = { phraseConfirmedAt: AT, keys: {} };
  const after = backup.withPhraseImported(before, 2);
  assert.equal(after.phraseConfirmedAt, AT);
  assert.deepEqual(Object.keys(after.phrases), ['2']);
  assert.ok(!Number.isNaN(Date.parse(after.phrases['2'].importedAt)));
  assert.equal(after.phrases['2'].verifiedAt, undefined, 'imported is not verified');
  assert.deepEqual(before, { phraseConfirmedAt: AT, keys: {} }, 'the record given is not changed');
});

test('a backup file\'s per-phrase dates come back on restore; anything else there is refused', () => {
  const saved = (dates) => ({ backup: { keys: {}, phraseConfirmedAt: AT, ...dates } });
  const phrases = { 2: { importedAt: AT, verifiedAt: AT }, 3: { importedAt: AT } };
  assert.deepEqual(restoredFields(saved({ phrases }), ACCOUNTS).backup.phrases, phrases);
  assert.equal(restoredFields(saved({}), ACCOUNTS).backup.phrases, undefined);
  for (const bad of [{ x: { importedAt: AT } }, { 0: { importedAt: AT } }, { 2: { importedAt: 'soon' } }, { 2: 'yesterday' }, []]) {
    assert.throws(() => restoredFields(saved({ phrases: bad }), ACCOUNTS), { code: 'INVALID_ARGUMENT' }, JSON.stringify(bad));
  }
});
