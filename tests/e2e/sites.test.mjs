// Connected sites, through the real popup: a site connected with two accounts is listed with
// them; the user narrows it to one (the site's accountsChanged listener gets [that one]) and
// then disconnects it (the listener gets [], eth_accounts answers []), while another connected
// site hears nothing and keeps its connection. Changing or disconnecting a site that is not
// connected, or choosing no account or one the wallet does not have, is refused and changes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startScene, startSite, openPopup, answerApproval, popupCall, readStorage, msg } from './harness.mjs';

// The dApp: records every accountsChanged it hears.
const DAPP = `<!doctype html><meta charset="utf-8"><title>dapp</title>
<script>
  window.heard = [];
  const listen = () => window.ethereum.on('accountsChanged', (accounts) => window.heard.push(accounts));
  if (window.ethereum) listen(); else addEventListener('ethereum#initialized', listen, { once: true });
</script>
<p>dapp</p>`;

let scene, browser, site, page, first, second;

before(async () => {
  scene = await startScene();
  ({ browser } = scene);
  first = scene.wallet.address;
  const popup = scene.wallet.popup;
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  second = (await popup.getByTestId('account-item').nth(1).getAttribute('title'));
  await popup.getByTestId('account-item').nth(0).click();
  await popup.waitForFunction(() => document.querySelector('[data-testid=account-item]')?.classList.contains('selected'));

  site = await startSite({ '/': DAPP });
  page = await browser.context.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForFunction(() => window.ethereum && Array.isArray(window.heard));
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

/** Everything `target` has heard so far, once the events already posted to it have arrived. */
const heard = (target) => target.evaluate(() => new Promise((resolve) => {
  const marker = `flush-${Math.random()}`;
  addEventListener('message', function done(event) {
    if (event.data !== marker) return;
    removeEventListener('message', done);
    resolve(window.heard);
  });
  postMessage(marker, location.origin);
}));

const ethAccounts = (target) => target.evaluate(() => window.ethereum.request({ method: 'eth_accounts' }));

async function openSites() {
  const popup = await openPopup(browser);
  await popup.getByTestId('connected-sites').click();
  await popup.getByTestId('site-list').waitFor();
  return popup;
}

test('a site connected with two accounts is listed with both; the demo, connected with one, is listed too', async () => {
  // The demo connects with the selected account only.
  const demoApproval = answerApproval(browser, 'approve');
  await scene.dapp.getByTestId('demo-connect').click();
  await demoApproval;
  await scene.dapp.getByTestId('demo-account').filter({ hasText: first }).waitFor();
  await scene.dapp.evaluate(() => {
    window.heard = [];
    window.ethereum.on('accountsChanged', (accounts) => window.heard.push(accounts));
  });

  const approval = answerApproval(browser, 'approve', {
    origin: site.origin,
    expect: async (win) => {
      for (const box of await win.getByTestId('connect-account').all()) await box.check();
    },
  });
  const connected = page.evaluate(() => window.ethereum.request({ method: 'eth_requestAccounts' }));
  await approval;
  // dApps get addresses in lower case (as from MetaMask); the popup keeps EIP-55.
  assert.deepEqual(await connected, [first.toLowerCase(), second.toLowerCase()]);

  const popup = await openSites();
  const row = popup.locator(`[data-testid=site-row][data-origin="${site.origin}"]`);
  await row.waitFor();
  assert.equal(await popup.getByTestId('site-row').count(), 2);
  assert.deepEqual(await row.getByTestId('site-account').evaluateAll((boxes) => boxes.map((b) => [b.value, b.checked])), [[first, true], [second, true]]);
  const demoOrigin = new URL(scene.demo.url).origin;
  const demoRow = popup.locator(`[data-testid=site-row][data-origin="${demoOrigin}"]`);
  assert.deepEqual(await demoRow.getByTestId('site-account').evaluateAll((boxes) => boxes.map((b) => [b.value, b.checked])), [[first, true], [second, false]]);
  await popup.close();
});

test('the popup narrows the site to one account, then disconnects it: the site hears [one] then [], and eth_accounts is []', async () => {
  await page.evaluate(() => { window.heard = []; });
  const popup = await openSites();
  const row = () => popup.locator(`[data-testid=site-row][data-origin="${site.origin}"]`);

  await row().getByTestId('site-account').nth(0).uncheck();
  await row().getByTestId('site-save').click();
  await page.waitForFunction(() => window.heard.length >= 1);
  assert.deepEqual(await heard(page), [[second.toLowerCase()]]);
  assert.deepEqual(await ethAccounts(page), [second.toLowerCase()]);
  assert.deepEqual((await readStorage(popup)).local.permissions[site.origin].accounts, [second]);
  await popup.waitForFunction((origin) => {
    const boxes = document.querySelectorAll(`[data-testid=site-row][data-origin="${origin}"] [data-testid=site-account]`);
    return boxes.length === 2 && !boxes[0].checked && boxes[1].checked;
  }, site.origin);

  await row().getByTestId('site-disconnect').click();
  await row().waitFor({ state: 'detached' });
  await page.waitForFunction(() => window.heard.length >= 2);
  assert.deepEqual(await heard(page), [[second.toLowerCase()], []]);
  assert.deepEqual(await ethAccounts(page), []);
  const { permissions } = (await readStorage(popup)).local;
  assert.equal(Object.hasOwn(permissions, site.origin), false, 'the permission is gone');

  // The other site kept its connection and heard nothing.
  assert.deepEqual(await heard(scene.dapp), []);
  assert.deepEqual(await ethAccounts(scene.dapp), [first.toLowerCase()]);
  assert.equal(await popup.getByTestId('site-row').count(), 1);
  await popup.close();
});

test('a site that is not connected cannot be changed or disconnected; no account, or one not of this wallet, is refused; nothing changes', async () => {
  const popup = await openPopup(browser);
  const before = (await readStorage(popup)).local.permissions;
  const demoOrigin = new URL(scene.demo.url).origin;
  const refused = async (method, params, code, text) => {
    const { error } = await popupCall(popup, method, params);
    assert.equal(error?.code, code, `${method} ${JSON.stringify(params)}`);
    assert.match(error.message, text);
    assert.deepEqual((await readStorage(popup)).local.permissions, before, 'nothing changed');
  };
  await refused('disconnectSite', { origin: site.origin }, 'NOT_CONNECTED', /is not connected/);
  await refused('setSiteAccounts', { origin: site.origin, accounts: [first] }, 'NOT_CONNECTED', /is not connected/);
  await refused('setSiteAccounts', { origin: demoOrigin, accounts: [] }, 'INVALID_ARGUMENT', /at least one account/);
  await refused('setSiteAccounts', { origin: demoOrigin, accounts: ['0x1111111111111111111111111111111111111111'] }, 'INVALID_ARGUMENT', /not an account of this wallet/);
  await refused('disconnectSite', {}, 'INVALID_ARGUMENT', /origin is required/);
  assert.deepEqual(await heard(scene.dapp), [], 'the connected site heard nothing');

  // In the popup (reached from Settings this time): unticking every account and saving shows
  // the error and keeps the site.
  await popup.getByTestId('settings').click();
  await popup.getByTestId('connected-sites').click();
  const row = popup.locator(`[data-testid=site-row][data-origin="${demoOrigin}"]`);
  await row.getByTestId('site-account').nth(0).uncheck();
  await row.getByTestId('site-save').click();
  await popup.getByTestId('error').filter({ hasText: msg('error_site_choose_account') }).waitFor();
  assert.deepEqual((await readStorage(popup)).local.permissions, before);
  await popup.close();
});
