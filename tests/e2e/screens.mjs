// Every screen of the popup and every kind of approval window, reached as a user would, one after
// the other: `walkScreens(visit)` calls `await visit(name, page)` on each once it is drawn. The
// accessibility test (a11y.test.mjs) audits each one with axe; `make screenshots`
// (scripts/screenshots.mjs) photographs each one in both colour schemes. One list, so both
// always cover the same screens.
import { parseUnits } from 'viem';
import { PASSWORD, startAnvil, startDemo, launch, openPopup, openPage, showPhrase, askedPositions } from './harness.mjs';
import { request, answer } from './approval-window.mjs';
import { deployToken, sendToken } from './erc20.mjs';

/** The popup's size (a toolbar popup is 360 px wide) and an approval window's (platform/approvals.js). */
export const POPUP_VIEWPORT = { width: 360, height: 600 };
export const WINDOW_VIEWPORT = { width: 380, height: 640 };

/** The names walkScreens visits, in order (the screenshot files and the test's messages use them). */
export const SCREEN_NAMES = [
  'welcome', 'import', 'restore-file', 'restore-shares', 'create-shamir',
  'create-password', 'create-phrase-hidden', 'create-phrase-shown', 'create-confirm', 'create-confirm-error',
  'home', 'add-token', 'home-with-token', 'receive', 'send', 'send-review', 'send-done', 'activity', 'approvals',
  'add-network', 'settings', 'reveal-quiz', 'reveal-password', 'reveal-hold', 'reveal-words', 'verify-backup',
  'export-key', 'import-key', 'backup-file', 'import-phrase', 'lock-unlock',
  'approve-connect', 'connected-sites', 'approve-personal-sign', 'approve-typed-data', 'approve-transaction',
  'approve-batch', 'approve-add-chain', 'approve-switch-chain', 'approve-watch-asset',
  'home-several-phrases', 'choose-phrase',
  'shamir-share', 'shamir-confirm', 'check-share', 'reveal-shares',
];

/** The phrase imported beside the wallet's own (BIP39's test vector; no funds on anvil). */
const SECOND_PHRASE = 'legal winner thank year wave sausage worth useful legal winner thank yellow';

const click = (page, testid) => page.getByTestId(testid).first().click();
const fill = (page, testid, text) => page.getByTestId(testid).first().fill(text);

/**
 * Starts anvil (8545 and 8546), the demo and Chromium, walks every screen and stops them all.
 * `visit(name, page)` is awaited on each screen; a screen it throws on stops the walk.
 */
export async function walkScreens(visit) {
  const chain = await startAnvil();
  const second = await startAnvil(8546, 1337);
  const demo = await startDemo();
  const browsers = [];
  try {
    const browser = await launch();
    browsers.push(browser);
    const popup = await openPopup(browser);
    await popup.setViewportSize(POPUP_VIEWPORT);
    const at = async (name, testid) => {
      await popup.getByTestId(testid).first().waitFor().catch(async (e) => {
        throw new Error(`${name}: ${testid} not shown; the page says: ${(await popup.evaluate(() => document.body.innerText)).slice(0, 600)}`, { cause: e });
      });
      await visit(name, popup);
    };
    const reopen = async (landing) => {
      await popup.goto(browser.popupUrl);
      await popup.getByTestId(landing).first().waitFor();
    };
    /** Each of `screens` ([button, name, landing]) from the popup reopened (`home` shown), through the buttons `path`. */
    const branches = async (home, path, screens) => {
      for (const [testid, name, landing] of screens) {
        await reopen(home);
        for (const step of [...path, testid]) await click(popup, step);
        await at(name, landing);
      }
    };

    // Before a wallet exists.
    await at('welcome', 'create-wallet');
    await branches('create-wallet', [], [['import-wallet', 'import', 'srp-import-word-1'], ['restore-file', 'restore-file', 'restore-file-input'],
      ['restore-shares', 'restore-shares', 'share-input'], ['create-shamir', 'create-shamir', 'share-threshold']]);
    await reopen('create-wallet');

    // Create: password, the phrase hidden then shown, the confirmation (once wrong).
    await click(popup, 'create-wallet');
    await at('create-password', 'password-confirm');
    await fill(popup, 'password', PASSWORD);
    await fill(popup, 'password-confirm', PASSWORD);
    await click(popup, 'onboarding-next');
    await at('create-phrase-hidden', 'srp-show');
    const words = await showPhrase(popup);
    await visit('create-phrase-shown', popup);
    await click(popup, 'onboarding-next');
    const asked = await askedPositions(popup);
    await visit('create-confirm', popup);
    for (const position of asked) await fill(popup, `srp-confirm-${position}`, words[position === asked[0] ? (position % 12) : position - 1]);
    await click(popup, 'srp-confirm-submit');
    await popup.locator('[role=alert]:not([hidden])').first().waitFor();
    await visit('create-confirm-error', popup);
    for (const position of asked) await fill(popup, `srp-confirm-${position}`, words[position - 1]);
    await click(popup, 'srp-confirm-submit');
    await popup.getByTestId('account-address').waitFor();
    const address = await popup.getByTestId('account-address').textContent();

    // Funds and a token, so home, Send and Activity have something to show.
    await chain.client.request({ method: 'anvil_setBalance', params: [address, '0x56bc75e2d63100000'] });
    const token = await deployToken(chain);
    await sendToken(chain, token, address, parseUnits('1234.5', 18));
    await click(popup, 'add-account');
    await popup.getByTestId('account-item').nth(1).waitFor();
    await popup.getByTestId('account-item').first().click(); // the first account again, the funded one
    await popup.getByTestId('account-address').filter({ hasText: address }).waitFor();
    await popup.getByTestId('account-item-balance').filter({ hasText: 'ETH' }).first().waitFor();
    await visit('home', popup);
    await click(popup, 'token-add');
    await at('add-token', 'token-address');
    await fill(popup, 'token-address', token);
    await click(popup, 'token-save');
    await popup.getByTestId('token-item').first().waitFor();
    await visit('home-with-token', popup);

    await click(popup, 'receive');
    await at('receive', 'receive-qr');
    await reopen('account-address');

    await click(popup, 'send');
    await at('send', 'send-recipient');
    await fill(popup, 'send-recipient', '0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
    await fill(popup, 'send-amount', '0.25');
    await click(popup, 'send-review');
    await at('send-review', 'send-confirm');
    await click(popup, 'send-confirm');
    await at('send-done', 'send-done');
    await reopen('account-address');
    await click(popup, 'activity');
    await popup.getByTestId('activity-item').first().waitFor();
    await visit('activity', popup);
    await reopen('account-address');
    await click(popup, 'approvals');
    await popup.getByTestId('approvals-status').and(popup.locator('[data-count]')).waitFor();
    await visit('approvals', popup);
    await reopen('account-address');

    await click(popup, 'add-network');
    await at('add-network', 'network-name');
    await reopen('account-address');

    // Settings and what it opens.
    await click(popup, 'settings');
    await at('settings', 'backup-health');
    await click(popup, 'reveal-srp');
    await at('reveal-quiz', 'srp-quiz-answer-correct');
    await click(popup, 'srp-quiz-answer-correct');
    await click(popup, 'srp-quiz-answer-correct');
    await at('reveal-password', 'gate-password');
    await fill(popup, 'gate-password', PASSWORD);
    await click(popup, 'gate-submit');
    await at('reveal-hold', 'hold-to-reveal');
    await popup.getByTestId('hold-to-reveal').focus();
    await popup.keyboard.down(' ');
    await popup.getByTestId('srp-word-12').waitFor({ timeout: 10_000 });
    await popup.keyboard.up(' ');
    await visit('reveal-words', popup);
    await branches('account-address', ['settings'], [['verify-backup', 'verify-backup', 'srp-verify-word-1'], ['export-private-key', 'export-key', 'gate-password'],
      ['import-private-key', 'import-key', 'private-key-input'], ['backup-file-download', 'backup-file', 'gate-password'],
      ['import-another-phrase', 'import-phrase', 'import-phrase-password']]);
    await reopen('account-address');
    await click(popup, 'lock');
    await at('lock-unlock', 'unlock-password');
    await fill(popup, 'unlock-password', PASSWORD);
    await click(popup, 'unlock-submit');
    await popup.getByTestId('account-address').waitFor();

    // Approval windows, asked for by the demo dApp's page.
    const dapp = await openPage(browser, demo.url);
    const windowed = async (name, method, params, action = 'reject') => {
      const { window, answer: answered } = await request(browser, dapp, method, params);
      await window.setViewportSize(WINDOW_VIEWPORT);
      await window.getByTestId('approval-summary').or(window.getByTestId('approval-network')).or(window.getByTestId('approval-token-address')).first().waitFor();
      await window.waitForLoadState('networkidle').catch(() => {});
      await visit(name, window);
      await answer(window, action);
      return answered;
    };
    await windowed('approve-connect', 'eth_requestAccounts', [], 'approve');
    await reopen('account-address');
    await click(popup, 'connected-sites');
    await at('connected-sites', 'site-row');
    const from = address.toLowerCase();
    await windowed('approve-personal-sign', 'personal_sign', ['0x48656c6c6f2066726f6d204b657973746561640a', from]);
    await windowed('approve-typed-data', 'eth_signTypedData_v4', [from, JSON.stringify(PERMIT(token, from))]);
    const transfer = `0xa9059cbb${'0'.repeat(24)}70997970c51812dc3a010c7d01b50e0d17dc79c8${(10n ** 20n).toString(16).padStart(64, '0')}`; // 100 KST
    await windowed('approve-transaction', 'eth_sendTransaction', [{ from, to: token, data: transfer }]);
    await windowed('approve-batch', 'wallet_sendCalls', [{
      version: '2.0.0', chainId: '0x7a69', from, atomicRequired: false,
      calls: [{ to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', value: '0x2386f26fc10000' }, { to: token, data: transfer }],
    }]);
    await windowed('approve-add-chain', 'wallet_addEthereumChain', [{
      chainId: '0x539', chainName: 'Second anvil', rpcUrls: [second.rpcUrl], nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    }], 'approve');
    await windowed('approve-switch-chain', 'wallet_switchEthereumChain', [{ chainId: '0x7a69' }], 'approve');
    const another = await deployToken(chain, { name: 'Another Token', symbol: 'ANT' }); // the first one is already listed
    await windowed('approve-watch-asset', 'wallet_watchAsset', { type: 'ERC20', options: { address: another, symbol: 'ANT', decimals: 18 } });

    // A second phrase imported: home labels accounts by phrase, Add account asks which phrase.
    await reopen('account-address');
    await click(popup, 'settings');
    await click(popup, 'import-another-phrase');
    for (const [i, word] of SECOND_PHRASE.split(' ').entries()) await fill(popup, `srp-import-word-${i + 1}`, word);
    await fill(popup, 'import-phrase-password', PASSWORD);
    await click(popup, 'import-phrase-submit');
    await at('home-several-phrases', 'account-source');
    await click(popup, 'add-account');
    await at('choose-phrase', 'choose-phrase-2');

    // A Shamir wallet in a second profile: a share, its confirmation, Reveal shares.
    const shamir = await launch();
    browsers.push(shamir);
    const page = await openPopup(shamir);
    await page.setViewportSize(POPUP_VIEWPORT);
    await click(page, 'create-shamir');
    await fill(page, 'password', PASSWORD);
    await fill(page, 'password-confirm', PASSWORD);
    await click(page, 'onboarding-next');
    await page.getByTestId('share-show').waitFor();
    await click(page, 'share-show');
    await page.getByTestId('share-word-20').waitFor();
    await visit('shamir-share', page);
    await click(page, 'share-written');
    await page.getByTestId('share-confirm-submit').waitFor();
    await visit('shamir-confirm', page);
    await page.goto(shamir.popupUrl);
    await click(page, 'settings');
    await click(page, 'check-share');
    await page.getByTestId('share-input').first().waitFor();
    await visit('check-share', page);
    await page.goto(shamir.popupUrl);
    await click(page, 'settings');
    await click(page, 'reveal-shares');
    await page.getByTestId('gate-password').or(page.getByTestId('srp-quiz')).first().waitFor();
    await visit('reveal-shares', page);
  } finally {
    for (const browser of browsers) await browser.close();
    demo.stop();
    second.stop();
    chain.stop();
  }
}

/** An EIP-2612 permit of `token` to a spender, as typed data for `owner`. */
function PERMIT(token, owner) {
  return {
    types: {
      EIP712Domain: [{ name: 'name', type: 'string' }, { name: 'version', type: 'string' }, { name: 'chainId', type: 'uint256' }, { name: 'verifyingContract', type: 'address' }],
      Permit: [{ name: 'owner', type: 'address' }, { name: 'spender', type: 'address' }, { name: 'value', type: 'uint256' }, { name: 'nonce', type: 'uint256' }, { name: 'deadline', type: 'uint256' }],
    },
    primaryType: 'Permit',
    domain: { name: 'Keystead Test Token', version: '1', chainId: 31337, verifyingContract: token },
    message: { owner, spender: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC', value: '1000000000000000000', nonce: 0, deadline: 1900000000 },
  };
}
