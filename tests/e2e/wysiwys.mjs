// What you see is what you sign: the shared parts of the generator tests
// (wysiwys-transactions.test.mjs, wysiwys-typed-data.test.mjs). A scene whose node records what
// the extension broadcasts, readers of what an approval window displays, and parsers from the
// displayed text back to values (amounts, dates, marked hidden characters), so a test can
// compare what was shown with what was signed, decoded from the signed bytes with viem.
import { getAddress, parseEther, parseUnits, keccak256 } from 'viem';
import { startAnvil, startCountingNode, startDemo, launch, createWallet, popupCall, msg, said, GROUP, POINT, plain } from './harness.mjs';
import { request, answer, windowsByOrigin } from './approval-window.mjs';

/** How many cases a generator test makes per run (`KEYSTEAD_WYSIWYS_CASES` overrides). */
export const CASES = Number(process.env.KEYSTEAD_WYSIWYS_CASES) || 150;

/**
 * anvil (:8547) behind a recording node on the built-in network's port (:8545), the demo dApp
 * open as two origins, Chromium with a wallet of three accounts: the first funded and connected
 * to one origin, the second to the other (`streams`: [{ page, origin, account }]), so two
 * requests can wait in their windows at once, each with its own nonces.
 * Returns { chain, node, demo, browser, wallet, accounts, streams, stop }.
 */
export async function startRecordedScene() {
  const scene = { chain: await startAnvil(8547) };
  scene.node = await startCountingNode(scene.chain, 8545);
  scene.demo = await startDemo();
  scene.browser = await launch();
  scene.wallet = await createWallet(scene.browser);
  const { popup } = scene.wallet;
  await popupCall(popup, 'addAccount');
  await popupCall(popup, 'addAccount');
  await popupCall(popup, 'selectAccount', { address: scene.wallet.address });
  scene.accounts = (await popupCall(popup, 'status')).result.accounts;
  scene.streams = [];
  for (const [i, url] of [scene.demo.url, scene.demo.otherOriginUrl].entries()) {
    const account = scene.accounts[i].address;
    await scene.chain.client.request({ method: 'anvil_setBalance', params: [account, `0x${parseEther('10000').toString(16)}`] });
    const page = await scene.browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.ethereum);
    const { window, answer: connected } = await request(scene.browser, page, 'eth_requestAccounts', []);
    // Tick exactly this stream's account.
    for (const box of await window.getByTestId('connect-account').all()) await box.setChecked(await box.getAttribute('value') === account);
    await answer(window, 'approve');
    const { result } = await connected;
    if (result?.length !== 1 || result[0].toLowerCase() !== account.toLowerCase()) throw new Error(`${url} did not connect ${account}: ${JSON.stringify(result)}`);
    scene.streams.push({ page, origin: new URL(url).origin, account });
  }
  scene.windows = windowsByOrigin(scene.browser);
  scene.stop = async () => {
    await scene.browser.close();
    scene.demo.stop();
    scene.node.stop();
    scene.chain.stop();
  };
  return scene;
}

/**
 * Runs `cases` (made beforehand, so a seed replays them) through the scene's streams at once:
 * case i goes to stream i mod n, each stream one case at a time. `run(stream, item, i)`.
 */
export async function runStreams(scene, cases, run) {
  await Promise.all(scene.streams.map(async (stream, s) => {
    for (let i = s; i < cases.length; i += scene.streams.length) await run(stream, cases[i], i);
  }));
}

/**
 * Sends `method` from a stream's page and waits for that origin's window: `{ window, answer }`
 * as approval-window.mjs's request().
 */
export async function streamRequest(scene, stream, method, params) {
  const opened = scene.windows.next(stream.origin);
  const answer = stream.page.evaluate(([m, p]) => window.ethereum.request({ method: m, params: p })
    .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), [method, params]);
  const window = await Promise.race([opened, answer.then((a) => { throw new Error(`no window opened: ${JSON.stringify(a)}`); })]);
  return { window, answer };
}

/** The raw transaction the extension broadcast through `node` whose hash is `hash`. */
export function broadcast(node, hash) {
  return node.posts().flat().filter((p) => p.method === 'eth_sendRawTransaction').map((p) => p.params[0]).find((raw) => keccak256(raw) === hash) ?? null;
}

/** Text with the window's ⟨U+XXXX⟩ marks turned back into the characters they stand for. */
export const unmark = (text) => text.replace(/⟨U\+([0-9A-F]{4,6})⟩/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)));

/** A displayed deadline or expiry (the run's language) back to seconds (BigInt). */
export function parseDate(text) {
  const never = text.match(said('approve_deadline_never', { seconds: /(\d+)/ }));
  if (never) return BigInt(never[1]);
  if (text === msg('call_this_block_only')) return 0n;
  const relative = /(?:\p{L}+ )?\d[\d.,\u00a0]* \p{L}+(?: \p{L}+)?/u; // "in 3 days", "over 3 dagen", "2 hours ago", "2 uur geleden"
  const m = text.match(said('approve_deadline', { date: /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)/, relative: new RegExp(`${relative.source}|${said('approve_deadline_expired', { ago: relative }).source.slice(1, -1)}`, 'u') }));
  if (!m) throw new Error(`not a date: ${text}`);
  return BigInt(Date.parse(`${m[1]}T${m[2]}Z`) / 1000);
}

/** A displayed token amount back to smallest units: every token with decimals here has 18. */
export function parseAmount(text, bits = 256) {
  if (said('approve_amount_unlimited').test(text)) return (1n << BigInt(bits)) - 1n;
  const raw = text.match(said('approve_amount_raw', { amount: /(\d+)/ }));
  if (raw) return BigInt(raw[1]);
  // Written in the run's language: "1,234.5" (en) or "1.234,5" (nl); every digit is kept.
  const esc = (c) => `\\${c}`;
  const units = text.match(new RegExp(`^(\\d{1,3}(?:${esc(GROUP)}\\d{3})*(?:${esc(POINT)}\\d+)?) `));
  if (!units) throw new Error(`not an amount: ${text}`);
  return parseUnits(plain(units[1]), 18);
}

/** The short form of an address a sentence uses. */
export const short = (address) => `${getAddress(address).slice(0, 6)}…${getAddress(address).slice(-4)}`;

/** What a transaction window displays: its rows, the decoded call's arguments, the sentence. */
export function readTransaction(window) {
  return window.evaluate(() => {
    const text = (testid) => document.querySelector(`[data-testid=${testid}]`)?.textContent ?? null;
    return {
      summary: text('approval-summary'),
      from: text('approval-from'),
      to: text('approval-to'),
      value: text('approval-value'),
      fee: text('approval-fee'),
      nonce: text('approval-nonce'),
      data: text('approval-data'),
      unreadable: text('approval-unreadable'),
      signature: text('call-signature'),
      args: [...document.querySelectorAll('[data-testid=call-arg]')].map((row) => {
        const dd = row.querySelector('dd');
        return {
          name: row.dataset.name,
          text: dd.textContent,
          address: dd.querySelector(':scope > .named code.address')?.textContent ?? null,
          pairs: [...dd.querySelectorAll('[data-testid=call-pair]')].map((li) => [li.querySelector('[data-testid=pair-token]').textContent, li.querySelector('[data-testid=pair-spender]').textContent]),
        };
      }),
    };
  });
}

/**
 * The typed-data fields a window displays, as a tree: each `{ name, type, value | fields |
 * items }` with the value's text exactly as shown.
 */
export function readTypedFields(window, testid) {
  return window.evaluate((id) => {
    const node = (dd) => {
      const fields = dd.querySelector(':scope > dl.fields');
      if (fields) return { fields: rows(fields) };
      const items = dd.querySelector(':scope > ol.items');
      if (items) return { items: [...items.querySelectorAll(':scope > li')].map(node) };
      if (dd.querySelector(':scope > .empty')) return { items: [] };
      return { value: dd.querySelector(':scope > .value').textContent };
    };
    const rows = (dl) => [...dl.querySelectorAll(':scope > .row')].map((row) => ({
      name: row.querySelector(':scope > dt > .name').textContent,
      type: row.querySelector(':scope > dt > .type').textContent,
      ...node(row.querySelector(':scope > dd')),
    }));
    const dl = document.querySelector(`[data-testid=${id}]`);
    return dl ? rows(dl) : null;
  }, testid);
}

/** A displayed atomic typed-data value back to what viem takes for `type`. */
function atomic(type, text) {
  if (/^u?int\d+$/.test(type)) return BigInt(text);
  if (type === 'bool') return text === 'true';
  if (type === 'string') return unmark(text);
  return text; // address (EIP-55 as shown), bytes, bytesN (hex as shown)
}

/** The displayed tree (readTypedFields) back to a viem value object. */
export function treeToValue(rows) {
  const value = (node) => {
    if (node.fields) return treeToValue(node.fields);
    if (node.items) return node.items.map((item) => value({ ...item, type: node.type.replace(/\[\d*\]$/, '') }));
    return atomic(node.type, node.value);
  };
  return Object.fromEntries(rows.map((r) => [unmark(r.name), value(r)]));
}

/** The declared types as the window shows them: `{ name: type }` per level, for comparing with the request. */
export function shownTypes(rows) {
  return rows.map((r) => [unmark(r.name), unmark(r.type), ...(r.fields ? [shownTypes(r.fields)] : [])]);
}
