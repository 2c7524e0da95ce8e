// Secrets on screen, as a user meets them: reveal the phrase (quiz, password, hold) and copy it
// (the clipboard is cleared by the worker), import a private key (marked as not covered by the
// phrase everywhere), export it back, rename and remove accounts. Wrong input changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startScene, openPopup, readStorage, answerApproval, holdToReveal, msg, inner } from './harness.mjs';


const IMPORTED_KEY = '0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'; // anvil's account #2
const IMPORTED = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const CLEAR_ALARM = 'keystead-clipboard-clear';

let scene, browser, wallet, popup;

before(async () => {
  scene = await startScene();
  ({ browser, wallet } = scene);
  popup = wallet.popup;
  // The clipboard is read from the demo page (a web origin can be granted clipboard-read; an
  // extension page would need the extension to ask for "clipboardRead", which Keystead does not).
  await browser.context.grantPermissions(['clipboard-read'], { origin: new URL(scene.demo.url).origin });
});

after(() => scene?.stop());

/** Whether some element holds exactly one of `words` as its whole text (a word shown on its own). */
const showsAnyWord = (page, words) => page.evaluate((list) => [...document.querySelectorAll('body *')]
  .some((el) => el.children.length === 0 && list.includes(el.textContent.trim())), words);
async function readClipboard() {
  await scene.dapp.bringToFront();
  const text = await scene.dapp.evaluate(() => navigator.clipboard.readText());
  await popup.bringToFront();
  return text;
}
const local = async (page) => (await readStorage(page)).local;

/** Polls `check` (an async predicate, which page.waitForFunction would not await) until it holds. */
async function until(check, what, ms = 45_000) {
  for (const end = Date.now() + ms; !(await check());) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function openSetting(testid) {
  await popup.getByTestId('settings').click();
  await popup.getByTestId(testid).click();
}

test('reveal: quiz (a wrong answer explains), a wrong password shows nothing, hold shows the words from creation; Back removes them', async () => {
  await openSetting('reveal-srp');
  await popup.getByTestId('srp-quiz-answer-wrong').first().click();
  const why = popup.getByTestId('srp-quiz-explanation');
  await why.waitFor();
  assert.match(await why.textContent(), inner('quiz_explanation'));
  assert.equal(await popup.getByTestId('gate-password').count(), 0, 'a wrong answer does not pass the quiz');
  await popup.getByTestId('srp-quiz-answer-correct').click(); // question 1
  await popup.getByTestId('srp-quiz-answer-correct').click(); // question 2

  const before = await local(popup);
  await popup.getByTestId('gate-password').fill('not the password');
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  assert.equal(await popup.getByTestId('hold-to-reveal').count(), 0);
  assert.equal(await showsAnyWord(popup, wallet.words), false);
  assert.deepEqual(await local(popup), before, 'a wrong password changes nothing in storage');

  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('hold-to-reveal').waitFor();
  assert.equal(await showsAnyWord(popup, wallet.words), false, 'nothing is shown before the hold');
  await popup.getByTestId('hold-to-reveal').click(); // a short press
  await popup.waitForTimeout(2300);
  assert.equal(await popup.getByTestId('srp-word-1').count(), 0, 'a click is not a hold');
  assert.equal(await showsAnyWord(popup, wallet.words), false);

  await holdToReveal(popup);
  await popup.getByTestId('srp-word-12').waitFor();
  const shown = [];
  for (let i = 1; i <= 12; i++) shown.push(await popup.getByTestId(`srp-word-${i}`).textContent());
  assert.deepEqual(shown, wallet.words);

  await popup.getByTestId('reveal-srp-back').click();
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.getByTestId('srp-word-1').count(), 0);
  assert.equal(await showsAnyWord(popup, wallet.words), false, 'the words left the page');
});

test('copy: the phrase goes to the clipboard, a 60 s clear alarm is set, and when it fires (popup closed) the clipboard is emptied', async () => {
  await openSetting('reveal-srp');
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await holdToReveal(popup);
  await popup.getByTestId('srp-copy').click();
  await popup.getByText(inner('reveal_copied')).waitFor();
  assert.equal(await readClipboard(), wallet.words.join(' '));
  const alarm = await popup.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM);
  assert.ok(alarm, 'the clear alarm exists');
  const inSeconds = (alarm.scheduledTime - Date.now()) / 1000;
  assert.ok(inSeconds > 50 && inSeconds <= 60, `the clear is due in ~60 s (${inSeconds} s)`);

  await popup.close();
  popup = await openPopup(browser);
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await readClipboard(), wallet.words.join(' '), 'still there before the alarm fires');
  // Fire the same alarm now (an unpacked extension's alarms may be due sooner than 30 s): the
  // worker's listener runs the real clear, through its offscreen document.
  await popup.evaluate((name) => chrome.alarms.create(name, { when: Date.now() + 50 }), CLEAR_ALARM);
  await until(async () => (await popup.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM)) === undefined, 'the alarm to fire');
  await until(async () => (await readClipboard()) === '', 'the clipboard to be cleared', 10_000);
});

test('import a private key: a non-hex key and a duplicate are refused and change nothing; the account is marked not covered', async () => {
  await openSetting('import-private-key');
  const before = await local(popup);
  await popup.getByTestId('private-key-input').fill('0xnot-a-hex-key');
  await popup.getByTestId('import-private-key-submit').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_invalid_private_key') }).waitFor();
  assert.deepEqual(await local(popup), before);

  await popup.getByTestId('private-key-input').fill(IMPORTED_KEY);
  await popup.getByTestId('import-private-key-submit').click();
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  assert.equal(await popup.getByTestId('account-item').count(), 2);
  const marks = popup.getByTestId('account-uncovered');
  assert.equal(await marks.count(), 2, 'on the selected account card and on its list entry');
  assert.equal(await marks.first().textContent(), msg('account_uncovered'));
  const items = popup.getByTestId('account-item');
  assert.equal(await items.filter({ has: popup.getByTestId('account-uncovered') }).count(), 1);
  assert.equal(await items.filter({ has: popup.getByTestId('account-uncovered') }).getAttribute('title'), IMPORTED);

  const withKey = await local(popup);
  assert.ok(withKey.backup.keys[IMPORTED].importedAt);
  await openSetting('import-private-key');
  await popup.getByTestId('private-key-input').fill(IMPORTED_KEY.slice(2).toUpperCase());
  await popup.getByTestId('import-private-key-submit').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_duplicate_account') }).waitFor();
  assert.deepEqual(await local(popup), withKey);
  await popup.getByTestId('import-private-key-back').click();
});

test('export the imported key: a wrong password changes nothing; the right one and a hold show the key; the export date is recorded', async () => {
  await openSetting('export-private-key');
  assert.equal(await popup.getByTestId('export-account-select').inputValue(), IMPORTED, 'the selected account by default');
  await popup.getByTestId('account-uncovered').waitFor();
  const before = await local(popup);
  await popup.getByTestId('gate-password').fill('not the password');
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_incorrect_password') }).waitFor();
  assert.equal(await popup.getByTestId('hold-to-reveal').count(), 0);
  assert.deepEqual(await local(popup), before);
  assert.equal(before.backup.keys[IMPORTED].exportedAt, undefined);

  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('hold-to-reveal').waitFor();
  assert.equal(await popup.getByTestId('private-key-value').count(), 0, 'nothing shown before the hold');
  assert.equal(await popup.getByTestId('export-account-select').isDisabled(), true);
  await holdToReveal(popup);
  assert.equal(await popup.getByTestId('private-key-value').textContent(), IMPORTED_KEY);
  const exportedAt = (await local(popup)).backup.keys[IMPORTED].exportedAt;
  assert.ok(Math.abs(Date.parse(exportedAt) - Date.now()) < 60_000, `exportedAt is now (${exportedAt})`);

  await popup.getByTestId('private-key-copy').click();
  await popup.getByText(inner('reveal_copied')).waitFor();
  assert.equal(await readClipboard(), IMPORTED_KEY);
  assert.ok(await popup.evaluate((name) => chrome.alarms.get(name), CLEAR_ALARM));
  // The page going hidden (the popup closing, another window in front) takes the key off it.
  // Headless Chromium keeps background tabs visible, so the page is told it is hidden.
  await popup.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    delete document.visibilityState;
  });
  await popup.getByText(msg('reveal_hidden_left')).waitFor();
  assert.equal(await popup.getByTestId('private-key-value').count(), 0);
  assert.equal(await popup.getByText(IMPORTED_KEY).count(), 0);
  await popup.getByTestId('export-private-key-back').click();
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.getByText(IMPORTED_KEY).count(), 0, 'the key left the page');
  // The backup health panel now counts the imported key as backed up by its export.
  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-health-key').filter({ hasText: inner('health_key_exported') }).waitFor();
  await popup.getByTestId('settings-back').click();
  await popup.getByTestId('account-address').waitFor();
});

test('exporting an account of the phrase records nothing in the backup of imported keys', async () => {
  await popup.getByTestId('account-item').first().click();
  await popup.getByTestId('account-address').filter({ hasText: wallet.address }).waitFor();
  await openSetting('export-private-key');
  assert.equal(await popup.getByTestId('account-uncovered').count(), 0);
  const before = await local(popup);
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await holdToReveal(popup);
  assert.match(await popup.getByTestId('private-key-value').textContent(), /^0x[0-9a-f]{64}$/);
  assert.deepEqual((await local(popup)).backup, before.backup);
  await popup.getByTestId('export-private-key-back').click();
});

test('rename: an empty name is refused; the new name shows on home and in the approval picker, with the uncovered mark', async () => {
  await popup.getByTestId('account-item').nth(1).click();
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  await popup.getByTestId('account-rename').click();
  const names = (await local(popup)).accountNames;
  await popup.getByTestId('account-name-input').fill('   ');
  await popup.getByTestId('account-name-save').click();
  await popup.getByTestId('account-name-error').filter({ hasText: msg('error_account_name_length', { max: 32 }) }).waitFor();
  assert.deepEqual((await local(popup)).accountNames, names);
  await popup.getByTestId('account-name-input').fill('Cold savings');
  await popup.getByTestId('account-name-save').click();
  await popup.getByTestId('account-name').filter({ hasText: 'Cold savings' }).waitFor();
  await popup.getByTestId('account-item').filter({ hasText: 'Cold savings' }).waitFor();
  assert.equal((await local(popup)).accountNames[IMPORTED], 'Cold savings');

  const approval = answerApproval(browser, 'approve', {
    expect: async (page) => {
      const entries = page.locator('label.connect-account');
      assert.equal(await entries.count(), 2);
      const imported = entries.filter({ hasText: IMPORTED });
      assert.match(await imported.textContent(), /Cold savings/);
      assert.equal(await imported.getByTestId('account-uncovered').textContent(), msg('account_uncovered'));
      assert.equal(await entries.filter({ hasText: wallet.address }).getByTestId('account-uncovered').count(), 0);
    },
  });
  const asked = scene.dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_requestAccounts' }));
  await approval;
  assert.deepEqual(await asked, [IMPORTED.toLowerCase()], 'the selected (imported) account was ticked and shared');
});

test('remove the imported account after a confirmation: it leaves the list, its name, backup entry and site permission', async () => {
  await popup.getByTestId('account-address').filter({ hasText: IMPORTED }).waitFor();
  await popup.getByTestId('account-remove').click();
  await popup.getByTestId('account-remove-confirm').click();
  await popup.getByTestId('account-address').filter({ hasText: wallet.address }).waitFor();
  assert.equal(await popup.getByTestId('account-item').count(), 1);
  assert.equal(await popup.getByTestId('account-uncovered').count(), 0);
  assert.equal(await popup.getByTestId('account-remove').count(), 0, 'the phrase’s accounts cannot be removed');
  const state = await local(popup);
  assert.equal(state.backup.keys[IMPORTED], undefined);
  assert.equal(state.accountNames[IMPORTED], undefined);
  assert.equal(state.selectedAddress, wallet.address);
  assert.equal(state.permissions[new URL(scene.demo.url).origin], undefined, 'the site only had this account');
  assert.deepEqual(await scene.dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_accounts' })), []);
});
