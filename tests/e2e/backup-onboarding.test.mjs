// Onboarding and the phrase backup, in the real popup: the password strength meter, the phrase
// hidden until "Show", the 3-word confirmation, postponing and the home reminder, verify my
// backup, word suggestions, and the backup health panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, ANVIL_MNEMONIC, launch, openPopup, readStorage, showPhrase, askedPositions, confirmWords, msg, inner } from './harness.mjs';

// Anvil's account 1: any valid key would do, this one is public.
const IMPORTED_KEY = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d';

let browser;
let popup;
let words;

before(async () => {
  browser = await launch();
  popup = await openPopup(browser);
});

after(async () => {
  await browser?.close();
});

/** Every string value in storage except the ciphertexts (vault, session snapshot). */
function plainValues(storage) {
  const { vault, vaultPrevious, ...local } = storage.local;
  const { sessionSnapshot, sessionKey, ...session } = storage.session;
  const values = [];
  const walk = (v) => {
    if (typeof v === 'string') values.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(local);
  walk(session);
  return values;
}

async function choosePassword(page, password) {
  await page.getByTestId('password').fill(password);
  await page.getByTestId('password-confirm').fill(password);
  await page.getByTestId('onboarding-next').click();
}

async function typeVerify(page, phraseWords) {
  for (const [i, word] of phraseWords.entries()) await page.getByTestId(`srp-verify-word-${i + 1}`).fill(word);
  await page.getByTestId('verify-backup-submit').click();
}

async function openSettings(page) {
  await page.getByTestId('settings').click();
  await page.getByTestId('backup-health-phrase').waitFor();
}

test('the strength meter rates "password" weak and the weak password is refused', async () => {
  await popup.getByTestId('create-wallet').click();
  await popup.getByTestId('password').fill('password');
  const meter = popup.getByTestId('password-strength');
  const common = msg('password_reason_common');
  assert.equal(await meter.textContent(), msg('password_strength', { level: msg('password_level_weak'), reason: common }));
  await popup.getByTestId('password-confirm').fill('password');
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('error').filter({ hasText: msg('password_too_weak', { reason: common }) }).waitFor();
  assert.equal((await readStorage(popup)).local.vault, undefined, 'no wallet was created');
  await popup.getByTestId('password').fill(PASSWORD);
  assert.equal(await meter.getAttribute('data-level'), 'strong');
  assert.ok((await meter.textContent()).startsWith(msg('password_strength', { level: msg('password_level_strong'), reason: '' })));
});

test('create: the words are not in the page before Show; a wrong word is named and nothing recorded; the right words confirm', async () => {
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.getByTestId('onboarding-next').click();
  await popup.getByTestId('srp-show').waitFor();
  // Every element's own text and every attribute value before Show (the explanation may use
  // list words like "account", so the check is on whole texts and on neighbouring words).
  // Attributes whose values come from a fixed vocabulary (HTML's, ARIA's, the stylesheet's class
  // names, the test ids) are left out: `role="alert"`, `class="primary"` and `data-testid="error"`
  // on this screen are list words, and a phrase holding one of them failed here by chance.
  const FIXED_VOCABULARY = ['role', 'type', 'class', 'data-testid', 'autocomplete', 'spellcheck', 'aria-live', 'dir', 'inputmode', 'rel', 'target'];
  const before = await popup.evaluate((fixed) => [...document.querySelectorAll('*')].flatMap((el) => [
    ...[...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent.trim()),
    ...[...el.attributes].filter((a) => !fixed.includes(a.name)).map((a) => a.value),
  ]), FIXED_VOCABULARY);
  assert.equal(await popup.locator('[data-testid^=srp-word-]').count(), 0);
  assert.equal(await popup.getByTestId('onboarding-next').isDisabled(), true, 'cannot go on without seeing the words');
  words = await showPhrase(popup);
  assert.equal(new Set(words).size > 1, true);
  for (const text of before) {
    assert.ok(!words.includes(text.toLowerCase()), `a phrase word was in the page before Show: ${text}`);
    for (let i = 0; i < 11; i++) assert.ok(!text.includes(`${words[i]} ${words[i + 1]}`), `words ${i + 1}-${i + 2} were in the page before Show`);
  }

  await popup.getByTestId('onboarding-next').click();
  assert.equal(await popup.locator('[data-testid^=srp-word-]').count(), 0, 'the words left the page');
  const positions = await askedPositions(popup);
  assert.equal(positions.length, 3);
  assert.equal(new Set(positions).size, 3, 'three distinct positions');
  for (const p of positions) assert.ok(Number.isInteger(p) && p >= 1 && p <= 12, `position ${p} within 1..12`);
  for (const p of positions) {
    const input = popup.getByTestId(`srp-confirm-${p}`);
    assert.equal(await input.getAttribute('type'), 'password');
    assert.equal(await input.getAttribute('autocomplete'), 'off');
  }

  const [wrongAt, ...rightAt] = positions;
  await popup.getByTestId(`srp-confirm-${wrongAt}`).fill(words[wrongAt - 1] === 'zoo' ? 'abandon' : 'zoo');
  for (const p of rightAt) await popup.getByTestId(`srp-confirm-${p}`).fill(words[p - 1]);
  await popup.getByTestId('srp-confirm-submit').click();
  const error = popup.getByTestId('error');
  await error.filter({ hasText: `#${wrongAt}` }).waitFor();
  for (const p of rightAt) assert.doesNotMatch(await error.textContent(), new RegExp(`#${p}\\b`));
  assert.equal((await readStorage(popup)).local.backup.phraseConfirmedAt, undefined);

  await popup.getByTestId(`srp-confirm-${wrongAt}`).fill(words[wrongAt - 1]);
  await popup.getByTestId('srp-confirm-submit').click();
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.getByTestId('backup-reminder').count(), 0);
  const storage = await readStorage(popup);
  assert.match(storage.local.backup.phraseConfirmedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal(JSON.stringify(storage).includes(words.join(' ')), false);
  for (const value of plainValues(storage)) {
    for (const word of words) assert.doesNotMatch(value, new RegExp(`\\b${word}\\b`, 'i'), `a phrase word in storage: ${value}`);
  }
});

test('verify my backup: the right phrase records the date (shown in the health panel); a wrong or invalid one records nothing', async () => {
  await openSettings(popup);
  assert.match(await popup.getByTestId('backup-health-phrase').textContent(), inner('health_phrase_never_verified'));
  await popup.getByTestId('verify-backup').click();
  await typeVerify(popup, words);
  const result = popup.getByTestId('verify-backup-result');
  await result.filter({ hasText: inner('verify_match') }).waitFor();
  for (let i = 1; i <= 12; i++) assert.equal(await popup.getByTestId(`srp-verify-word-${i}`).inputValue(), '', 'fields cleared');
  const verified = (await readStorage(popup)).local;
  assert.match(verified.backup.phraseVerifiedAt, /^\d{4}-\d\d-\d\dT/);

  await typeVerify(popup, ANVIL_MNEMONIC.split(' '));
  await result.filter({ hasText: msg('verify_mismatch') }).waitFor();
  assert.deepEqual((await readStorage(popup)).local, verified, 'a mismatch changes nothing');
  for (let i = 1; i <= 12; i++) assert.equal(await popup.getByTestId(`srp-verify-word-${i}`).inputValue(), '');

  await typeVerify(popup, Array(12).fill('abandon')); // known words, bad checksum
  await result.filter({ hasText: msg('verify_invalid', { problem: msg('core_detail_phrase_checksum') }) }).waitFor();
  assert.deepEqual((await readStorage(popup)).local, verified);

  await popup.getByTestId('verify-backup-back').click();
  const row = popup.getByTestId('backup-health-phrase');
  await row.waitFor();
  assert.match(await row.textContent(), inner('health_phrase_verified'));
  assert.ok(!(await row.textContent()).includes(msg('health_phrase_never_verified')));
});

test('word suggestions appear for a prefix, fill the field and move on; an unknown word marks the field invalid', async () => {
  await popup.getByTestId('verify-backup').click();
  const first = popup.getByTestId('srp-verify-word-1');
  await first.focus();
  await first.pressSequentially('ab');
  const suggestions = popup.getByTestId('srp-suggestion');
  await suggestions.first().waitFor();
  assert.equal(await suggestions.count(), 5);
  for (const text of await suggestions.allTextContents()) assert.ok(text.startsWith('ab'), text);
  await first.pressSequentially('an');
  await suggestions.filter({ hasText: 'abandon' }).waitFor();
  assert.equal(await suggestions.count(), 1);
  await suggestions.first().click();
  assert.equal(await first.inputValue(), 'abandon');
  assert.equal(await popup.evaluate(() => document.activeElement.dataset.testid), 'srp-verify-word-2');
  assert.equal(await suggestions.count(), 0, 'suggestions gone after picking one');
  assert.equal(await first.getAttribute('aria-invalid'), 'false');

  const second = popup.getByTestId('srp-verify-word-2');
  await second.pressSequentially('qqq');
  await popup.getByTestId('srp-verify-word-3').focus();
  await popup.waitForFunction(() => document.querySelector('[data-testid=srp-verify-word-2]').getAttribute('aria-invalid') === 'true');
  assert.equal(await second.evaluate((el) => el.classList.contains('invalid')), true);
  assert.equal(await popup.getByText('qqq').count(), 0, 'the typed word is not shown');
  await popup.getByTestId('verify-backup-back').click();
  await popup.getByTestId('settings-back').click();
});

test('the health panel: an imported key is not backed up, and what a phrase restore would not bring back', async () => {
  await openSettings(popup);
  await popup.getByTestId('import-private-key').click();
  await popup.getByTestId('private-key-input').fill(IMPORTED_KEY);
  await popup.getByTestId('import-private-key-submit').click();
  await popup.getByTestId('account-address').filter({ hasText: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' }).waitFor();
  await openSettings(popup);
  const key = popup.getByTestId('backup-health-key');
  assert.equal(await key.count(), 1);
  const imported = msg('account_default_imported');
  assert.match(await key.textContent(), new RegExp(`^${inner('health_key_label', { name: imported }).source}\\s*${inner('health_key_not_backed_up').source}$`, 'su'));
  const list = popup.getByTestId('backup-health-not-restored');
  const settings = inner('health_gap_settings', { minutes: 15 });
  await list.filter({ hasText: settings }).waitFor();
  const text = await list.textContent();
  const either = (key) => new RegExp(`${inner(key).source}|${inner(`${key}_none`).source}`, 'su');
  for (const item of [inner('health_gap_imported', { name: imported }), either('health_gap_names'), either('health_gap_networks'), either('health_gap_tokens'), either('health_gap_sites'), settings]) {
    assert.match(text, item);
  }
  await popup.getByTestId('settings-back').click();
});

test('closed mid-backup, then postponed: the reminder stays across popups; back up now needs the password, then confirming removes it', async () => {
  const other = await launch();
  try {
    let page = await openPopup(other);
    await page.getByTestId('create-wallet').click();
    await choosePassword(page, PASSWORD);
    const shown = await showPhrase(page);
    await page.close(); // closed before confirming

    page = await openPopup(other);
    await page.getByTestId('backup-reminder').filter({ hasText: msg('backup_reminder_title_phrase') }).waitFor();
    const unconfirmed = (await readStorage(page)).local;
    assert.equal(unconfirmed.backup.phraseConfirmedAt, undefined);
    assert.equal(unconfirmed.backup.postponedAt, undefined);

    await page.getByTestId('backup-now').click();
    await page.getByTestId('gate-password').fill('not the password');
    await page.getByTestId('gate-submit').click();
    await page.getByTestId('error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
    assert.deepEqual((await readStorage(page)).local, unconfirmed, 'a wrong password changes nothing');
    assert.equal(await page.getByTestId('srp-show').count(), 0);

    await page.getByTestId('gate-password').fill(PASSWORD);
    await page.getByTestId('gate-submit').click();
    assert.deepEqual(await showPhrase(page), shown, 'the same phrase as at creation');
    await page.getByTestId('srp-backup-later').click();
    await page.getByTestId('backup-reminder').waitFor();
    const postponed = (await readStorage(page)).local;
    assert.match(postponed.backup.postponedAt, /^\d{4}-/);
    assert.equal(postponed.backup.phraseConfirmedAt, undefined);

    await page.close();
    page = await openPopup(other);
    await page.getByTestId('backup-now').click();
    await page.getByTestId('gate-password').fill(PASSWORD);
    await page.getByTestId('gate-submit').click();
    await showPhrase(page);
    await page.getByTestId('onboarding-next').click();
    await confirmWords(page, shown);
    assert.equal(await page.getByTestId('backup-reminder').count(), 0);
    assert.match((await readStorage(page)).local.backup.phraseConfirmedAt, /^\d{4}-/);
    await page.reload();
    await page.getByTestId('account-address').waitFor();
    assert.equal(await page.getByTestId('backup-reminder').count(), 0);
  } finally {
    await other.close();
  }
});
