// The popup's Back and Cancel buttons that no other test presses: each lands on the screen it
// always has (the one for the wallet's state, or Settings for "Verify my backup"), through the
// router (popup/router.js).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startPopup, msg } from './harness.mjs';

let scene, popup;

before(async () => {
  scene = await startPopup();
  ({ popup } = scene);
});

after(() => scene?.stop());

/** Clicks `testid` (or the button named `name`) and waits for `landing` on the next screen. */
async function leave(click, landing) {
  await (typeof click === 'string' ? popup.getByTestId(click) : popup.getByRole('button', click)).click();
  await popup.getByTestId(landing).waitFor();
}

test('before a wallet exists, Cancel on import and Back on restore-from-file return to the welcome screen', async () => {
  await leave('import-wallet', 'srp-import-word-1');
  await leave('import-back', 'create-wallet');
  await leave('restore-file', 'restore-file-input');
  await leave('restore-file-back', 'create-wallet');
});

test('on home, Cancel on backup-now, add network and add token return home', async () => {
  await popup.getByTestId('create-wallet').click();
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  await popup.getByTestId('onboarding-next').click();
  await leave('srp-backup-later', 'backup-reminder');

  await leave('backup-now', 'gate-password');
  await leave('backup-now-cancel', 'backup-reminder');
  await leave('add-network', 'network-name');
  await leave({ name: msg('common_cancel') }, 'account-address');
  await leave('token-add', 'token-address');
  await leave({ name: msg('common_cancel') }, 'account-address');
  assert.equal(await popup.getByTestId('backup-reminder').count(), 1);
});

test('Back on the backup file screen returns home; Back on "Verify my backup" returns to Settings', async () => {
  await leave('settings', 'backup-health');
  await leave('backup-file-download', 'gate-password');
  await leave('backup-file-back', 'account-address');
  assert.equal(await popup.getByTestId('backup-health').count(), 0);

  await leave('settings', 'backup-health');
  await leave('verify-backup', 'srp-verify-word-1');
  await leave('verify-backup-back', 'backup-health');
  await leave('settings-back', 'account-address');
});

test('while locked, Cancel on the "forgot password" warning returns to the unlock screen', async () => {
  await leave('lock', 'unlock-password');
  await leave('forgot-password', 'restore-replace-warning');
  await leave('restore-cancel', 'unlock-password');
  await popup.getByTestId('unlock-password').fill(PASSWORD);
  await leave('unlock-submit', 'account-address');
});
