// Keyboard only (issue 18 item 2): a new user creates a wallet, confirms the phrase, reveals it
// again by holding Space or Enter, connects the demo dApp and approves a signature, with
// page.keyboard alone: no click, no fill. Each control is reached by Tab and shows its focus;
// in an approval window nothing decisive has the focus at first, and Reject comes before Approve.
// The signature is checked with viem.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { verifyMessage, getAddress } from 'viem';
import { PASSWORD, startPopup, startDemo, openPage } from './harness.mjs';
import { nextWindow } from './approval-window.mjs';

let scene, demo, browser, popup;

before(async () => {
  [scene, demo] = await Promise.all([startPopup(), startDemo()]);
  ({ browser, popup } = scene);
});

after(() => Promise.all([scene?.stop(), demo?.stop()]));

/** What has the focus: its data-testid (or tag), whether it matches :focus-visible and draws an outline. */
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { id: null };
  const style = getComputedStyle(el);
  return {
    id: el.dataset.testid ?? el.tagName.toLowerCase(),
    visible: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  };
});

/**
 * Presses Tab until `testid` has the focus (at most `limit` times) and returns the ids passed on
 * the way; fails if it is never reached or if its focus is not visible.
 */
async function tabTo(page, testid, { limit = 60, checkVisible = true } = {}) {
  const passed = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    passed.push(now.id);
    if (now.id === testid) {
      if (checkVisible) assert.ok(now.visible, `${testid} shows that it has the focus (:focus-visible outline)`);
      return passed;
    }
  }
  assert.fail(`${testid} is not reachable by Tab (passed: ${passed.join(', ')})`);
}

const press = async (page, testid, key = 'Enter') => {
  await tabTo(page, testid);
  await page.keyboard.press(key);
};

test('create a wallet and confirm its phrase by keyboard alone', async () => {
  await popup.getByTestId('create-wallet').waitFor();
  await press(popup, 'create-wallet');
  await popup.getByTestId('password-confirm').waitFor();
  await tabTo(popup, 'password');
  await popup.keyboard.type(PASSWORD);
  await tabTo(popup, 'password-confirm');
  await popup.keyboard.type(PASSWORD);
  await press(popup, 'onboarding-next');

  await popup.getByTestId('srp-show').waitFor();
  await press(popup, 'srp-show', ' ');
  await popup.getByTestId('srp-word-12').waitFor();
  const words = [];
  for (let i = 1; i <= 12; i++) words.push(await popup.getByTestId(`srp-word-${i}`).textContent());
  await press(popup, 'onboarding-next');

  await popup.getByTestId('srp-confirm-submit').waitFor();
  const asked = await popup.locator('input[data-testid^=srp-confirm-]').evaluateAll((inputs) => inputs.map((i) => Number(i.dataset.testid.slice('srp-confirm-'.length))));
  // A wrong word first: the error is announced (role="alert") and the words typed stay.
  for (const [n, position] of asked.entries()) {
    await tabTo(popup, `srp-confirm-${position}`);
    await popup.keyboard.type(n === 0 ? 'zoo' : words[position - 1]);
  }
  await press(popup, 'srp-confirm-submit');
  const alert = popup.locator('[role=alert]:not([hidden])');
  await alert.first().waitFor();
  assert.match(await alert.first().textContent(), /\S/);
  await tabTo(popup, `srp-confirm-${asked[0]}`);
  await popup.keyboard.press('Control+a');
  await popup.keyboard.type(words[asked[0] - 1]);
  await press(popup, 'srp-confirm-submit');
  await popup.getByTestId('account-address').waitFor();
});

/** Settings → Reveal: the quiz and the password by keyboard, up to the hold-to-reveal button, focused. */
async function upToHold() {
  await press(popup, 'settings');
  await popup.getByTestId('reveal-srp').waitFor();
  await press(popup, 'reveal-srp');
  for (let question = 1; question <= 2; question++) {
    await popup.getByTestId('srp-quiz-answer-correct').waitFor();
    await press(popup, 'srp-quiz-answer-correct');
  }
  await popup.getByTestId('gate-password').waitFor();
  await tabTo(popup, 'gate-password');
  await popup.keyboard.type(PASSWORD);
  await popup.keyboard.press('Enter');
  await popup.getByTestId('hold-to-reveal').waitFor();
  await tabTo(popup, 'hold-to-reveal');
}

for (const key of [' ', 'Enter']) {
  test(`the hold-to-reveal control: a short press of ${key === ' ' ? 'Space' : 'Enter'} shows nothing, holding it shows the phrase`, async () => {
    await popup.goto(browser.popupUrl);
    await popup.getByTestId('settings').waitFor();
    await upToHold();
    await popup.keyboard.press(key);
    await popup.keyboard.down(key);
    await popup.waitForTimeout(300);
    await popup.keyboard.up(key);
    assert.equal(await popup.getByTestId('srp-word-1').count(), 0, 'a short press reveals nothing');
    await popup.keyboard.down(key);
    await popup.getByTestId('srp-word-12').waitFor({ timeout: 5000 });
    await popup.keyboard.up(key);
  });
}

test('connect the demo dApp and approve a signature by keyboard; viem verifies the signature', async () => {
  await popup.goto(browser.popupUrl);
  const address = await popup.getByTestId('account-address').textContent();
  const dapp = await openPage(browser, demo.url);
  await dapp.getByTestId('demo-wallet').filter({ hasText: 'Keystead' }).waitFor();

  /** In an approval window: nothing decisive is focused at first; Tab reaches Reject, then Approve. */
  const approveByKeyboard = async (window) => {
    const first = await focused(window);
    assert.ok(first.id !== 'approve' && first.id !== 'reject', `the window opens with no decisive button focused (${first.id})`);
    const passed = await tabTo(window, 'approve');
    assert.ok(passed.includes('reject'), `Reject comes before Approve in the Tab order (${passed.join(', ')})`);
    const closed = window.waitForEvent('close');
    // The window closes itself as soon as the answer is in, possibly before the key press returns.
    await window.keyboard.press('Enter').catch((e) => {
      if (!window.isClosed()) throw e;
    });
    await closed;
  };

  let window = nextWindow(browser);
  await press(dapp, 'demo-connect', 'Enter');
  await approveByKeyboard(await window);
  await dapp.getByTestId('demo-account').filter({ hasText: address }).waitFor();

  window = nextWindow(browser);
  await press(dapp, 'demo-sign-message', 'Enter');
  await approveByKeyboard(await window);
  await dapp.getByTestId('demo-message-valid').filter({ hasText: 'valid' }).waitFor();
  const message = await dapp.getByTestId('demo-message').textContent();
  const signature = await dapp.getByTestId('demo-message-signature').textContent();
  assert.match(signature, /^0x[0-9a-f]{130}$/);
  assert.ok(await verifyMessage({ address: getAddress(address), message, signature }), 'viem recovers the wallet\'s address from the signature');
});
