// Attacks on provider events and the auto-lock from web pages on other origins (a site served
// on localhost next to the demo dApp on 127.0.0.1), against the built extension.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startScene, startSite, answerApproval, openPopup, settledAutoLock } from './harness.mjs';

let scene, demo, browser, wallet, dapp, site;

// The attacker's page: it only needs Keystead's provider (window.ethereum) and a way to open
// and steer a window, which every page has.
const ATTACKER = '<!doctype html><meta charset="utf-8"><title>attacker</title><p>attacker</p>';

// Where the attacker sends the dApp's window: it records every event the bridge posts to it.
const CATCH = `<!doctype html><meta charset="utf-8"><title>catch</title>
<script>
  window.seen = [];
  addEventListener('message', (event) => {
    if (event.data?.channel === 'keystead:bridge' && typeof event.data.event === 'string') window.seen.push(event.data);
  });
</script>
<p>catch</p>`;

before(async () => {
  scene = await startScene();
  ({ demo, browser, wallet, dapp } = scene);
  site = await startSite({ '/': ATTACKER, '/catch.html': CATCH });
  const approval = answerApproval(browser, 'approve');
  await dapp.getByTestId('demo-connect').click();
  await approval;
  await dapp.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
  // A second account, so that selecting an account in the popup is something the user can do.
  const popup = await openPopup(browser);
  await popup.getByTestId('add-account').click();
  await popup.getByTestId('account-item').nth(1).waitFor();
  await popup.close();
  await selectAccount(0);
});

after(async () => {
  site?.stop();
  await scene?.stop();
});

/** Records the raw provider events the bridge posts to `page` from now on (in window.recorded). */
const recordEvents = (page) => page.evaluate(() => {
  if (!window.recorded) {
    addEventListener('message', (event) => {
      if (event.data?.channel === 'keystead:bridge' && typeof event.data.event === 'string') window.recorded.push(event.data);
    });
  }
  window.recorded = [];
});

/**
 * The events `page` got so far (from `name`), once every message already posted to it has been
 * delivered: a marker posted now arrives after them.
 */
const eventsOf = (page, name) => page.evaluate((name) => new Promise((resolve) => {
  const marker = `flush-${Math.random()}`;
  addEventListener('message', function done(event) {
    if (event.data !== marker) return;
    removeEventListener('message', done);
    resolve(window[name]);
  });
  postMessage(marker, location.origin);
}), name);

/** Selects the popup's account `n` (0-based) as the user would; resolves once the worker answered. */
async function selectAccount(n) {
  const popup = await openPopup(browser);
  const item = popup.getByTestId('account-item').nth(n);
  await item.click();
  await popup.waitForFunction((n) => document.querySelectorAll('[data-testid=account-item]')[n]?.classList.contains('selected'), n);
  await popup.close();
}

const revoke = (page) => page.evaluate(() => window.ethereum
  .request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] }).then(() => 'ok', (e) => e.code));

test('a window the attacker steers from the connected dApp to its own page gets none of the dApp\'s events', async () => {
  await recordEvents(dapp);
  const attacker = await browser.context.newPage();
  await attacker.goto(`${site.origin}/`);
  await attacker.waitForFunction(() => window.ethereum?.isKeystead);
  // The attacker keeps triggering accountsChanged broadcasts: its own revoke needs no approval
  // (and it has nothing to revoke).
  await attacker.evaluate(() => {
    window.triggers = 0;
    const loop = async () => {
      while (!window.stopped) {
        await window.ethereum.request({ method: 'wallet_revokePermissions', params: [{ eth_accounts: {} }] })
          .then(() => { window.triggers += 1; }, () => new Promise((r) => setTimeout(r, 50)));
      }
    };
    for (let i = 0; i < 4; i++) loop();
  });

  // It opens the connected dApp, lets it load and talk to Keystead, then sends that window to
  // its own page; three times over. Meanwhile the user also selects accounts in the popup.
  const opened = browser.context.waitForEvent('page');
  await attacker.evaluate(() => { window.victim = window.open('about:blank'); });
  const victim = await opened;
  const caught = [];
  for (let round = 0; round < 3; round++) {
    await attacker.evaluate((url) => { window.victim.location = url; }, demo.url);
    await victim.getByTestId('demo-account').filter({ hasText: wallet.address }).waitFor();
    const selecting = selectAccount(round % 2 === 0 ? 1 : 0);
    await attacker.evaluate((url) => { window.victim.location = url; }, `${site.origin}/catch.html`);
    await victim.waitForURL(`${site.origin}/catch.html`);
    await selecting;
    await victim.waitForFunction(() => Array.isArray(window.seen));
    caught.push(...await eventsOf(victim, 'seen'));
  }
  const triggers = await attacker.evaluate(() => { window.stopped = true; return window.triggers; });
  assert.ok(triggers > 0, 'the attacker\'s revoke loop ran');

  const leaked = caught.filter((e) => JSON.stringify(e.data ?? null).toLowerCase().includes(wallet.address.toLowerCase().slice(2)));
  assert.deepEqual(leaked, [], `the attacker's page received the dApp's account: ${JSON.stringify(leaked)}`);
  // The connected dApp in its own tab did hear the popup's changes (so the events were sent).
  const own = (await eventsOf(dapp, 'recorded')).filter((e) => e.event === 'accountsChanged');
  assert.ok(own.length >= 3, `the connected dApp got the popup's accountsChanged (${JSON.stringify(own)})`);
  // Addresses reach dApps in lower case, as MetaMask gives them.
  assert.ok(own.every((e) => e.data.length === 1 && e.data[0] === wallet.address.toLowerCase()));
  await victim.close();
  await attacker.close();
});

test('a revoke that changes nothing sends no event to any page', async () => {
  await recordEvents(dapp);
  const attacker = await browser.context.newPage();
  await attacker.goto(`${site.origin}/`);
  await attacker.waitForFunction(() => window.ethereum?.isKeystead);
  for (let i = 0; i < 3; i++) assert.equal(await revoke(attacker), 'ok');
  assert.deepEqual(await eventsOf(dapp, 'recorded'), [], 'the connected dApp got events from a revoke by another site');
  // Control: a real change still reaches the dApp.
  await selectAccount(0);
  const events = await eventsOf(dapp, 'recorded');
  assert.deepEqual(events.map((e) => [e.event, e.data]), [['accountsChanged', [wallet.address.toLowerCase()]]]);
  await attacker.close();
});

test('a page polling the provider does not keep the wallet from auto-locking', async () => {
  const popup = await openPopup(browser);
  await popup.getByTestId('autolock-select').selectOption('1');
  await popup.waitForFunction(async () => (await chrome.storage.local.get('settings')).settings?.autoLockMinutes === 1);
  await settledAutoLock(popup);
  await popup.close();
  const [worker] = browser.context.serviceWorkers();

  // A never-connected page asks for the chain id every half second, for as long as it is open.
  const poller = await browser.context.newPage();
  await poller.goto(`${site.origin}/`);
  await poller.evaluate(() => {
    window.answers = 0;
    setInterval(() => window.ethereum.request({ method: 'eth_chainId' }).then(() => { window.answers += 1; }), 500);
  });
  await poller.waitForFunction(() => window.answers >= 2);

  // The alarm fires early (in 4 s instead of the minute), standing in for the user's idle minute.
  const due = await worker.evaluate(async () => {
    await chrome.alarms.create('keystead-autolock', { when: Date.now() + 4000 });
    return (await chrome.alarms.get('keystead-autolock')).scheduledTime;
  });
  const answersBefore = await poller.evaluate(() => window.answers);
  const locked = await worker.evaluate(async () => {
    for (let i = 0; i < 60; i++) {
      if (!(await chrome.storage.session.get('sessionSnapshot')).sessionSnapshot) return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    return false;
  });
  const answersAfter = await poller.evaluate(() => window.answers);
  assert.ok(answersAfter - answersBefore >= 4, `the page kept polling (${answersAfter - answersBefore} answers)`);
  const alarm = await worker.evaluate(async () => (await chrome.alarms.get('keystead-autolock'))?.scheduledTime ?? null);
  assert.ok(locked, `the wallet stayed unlocked while a page polled (alarm due ${due}, now ${alarm})`);
  assert.deepEqual(await dapp.evaluate(() => window.keysteadDemo.provider.request({ method: 'eth_accounts' })), []);
  await poller.close();
});
