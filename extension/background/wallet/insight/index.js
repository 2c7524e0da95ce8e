// "Know what you sign": what an approval window adds to a transaction or typed data, all read
// from the selected network's own node when the window's details are prepared: the decoded
// call (decode.js, describe.js) or permit (typed.js), the contracts' facts (facts.js), the
// balance-change preview (simulate.js) and the warnings (warnings.js). Everything sent to the
// window is JSON: amounts as decimal strings, addresses EIP-55.
import * as facts from './facts.js';
import { decodeCall } from './decode.js';
import { describeCall, addressesOf } from './describe.js';
import { readPermit, verifyingContract } from './typed.js';
import { preview, previewSequence } from './simulate.js';
import { netChanges } from './transfers.js';
import { transactionWarnings, typedDataWarnings } from './warnings.js';

const signed = (n) => (n > 0n ? `+${n}` : `${n}`);

/** The preview as the window gets it: deltas signed decimal strings, each asset's facts. */
function shownPreview(result, lookup) {
  const { revert, ...rest } = result;
  if (result.status !== 'ok') return rest;
  return {
    ...rest,
    changes: result.changes.map((c) => ({
      asset: c.asset === 'ETH' ? 'ETH' : lookup.cs(c.asset),
      standard: c.standard,
      ...(c.tokenId !== undefined ? { tokenId: c.tokenId.toString() } : {}),
      delta: signed(c.delta),
      token: c.asset === 'ETH' ? null : lookup.token(c.asset),
    })),
  };
}

/**
 * What the window shows of filled transaction `tx` (JSON-RPC fields, addresses lower-case) from
 * `account` on `network`: `{ to (EIP-55 or null), call, warnings, preview, revert, unreachable }`.
 */
export async function forTransaction(tx, account, network) {
  const decoded = decodeCall(tx.data);
  const [known, simulated] = await Promise.all([facts.read(network, addressesOf(decoded, tx.to)), preview(tx, account, network)]);
  const assets = simulated.status === 'ok' ? simulated.changes.filter((c) => c.asset !== 'ETH').map((c) => c.asset) : [];
  const lookup = await facts.extend(network, known, assets);
  const call = describeCall(decoded, tx, lookup);
  const to = tx.to ? lookup.cs(tx.to) : null;
  return {
    to,
    call,
    warnings: transactionWarnings({ call, to, data: tx.data, codeOf: lookup.code, revert: simulated.revert, now: Date.now() }),
    preview: shownPreview(simulated, lookup),
    revert: simulated.revert,
    unreachable: lookup.unreachable,
  };
}

/**
 * What the window adds to typed data's `view` (core.typedDataView) on `network`: `{ permit
 * (typed.js, each grant's token as its facts) | null, warnings, unreachable }`.
 */
export async function forTypedData(view, network) {
  const permit = readPermit(view);
  const contract = verifyingContract(view);
  const lookup = await facts.read(network, {
    tokens: permit ? permit.grants.map((g) => g.token) : [],
    codes: [contract, permit?.spender].filter(Boolean),
  });
  return {
    permit: permit && { ...permit, grants: permit.grants.map((g) => ({ ...g, token: lookup.token(g.token) })) },
    warnings: typedDataWarnings({ permit, contract, codeOf: lookup.code, tokenOf: lookup.token, now: Date.now() }),
    unreachable: lookup.unreachable,
  };
}

/**
 * The preview of transactions `txs` sent in order from `account`, as the windows show one: for
 * the sender and for `receiver` (the emergency move's new account) `{ status, via, changes }`
 * (shownPreview's), and the calls the node predicts to fail `reverts: [{ index, reason }]`.
 */
export async function forSequence(txs, account, receiver, network) {
  const simulated = await previewSequence(txs, account, network);
  if (simulated.status !== 'ok') return { sender: simulated, receiver: simulated, reverts: [] };
  const sent = netChanges(simulated.moves, account);
  const received = netChanges(simulated.moves, receiver);
  const assets = [...sent, ...received].filter((c) => c.asset !== 'ETH').map((c) => c.asset);
  const lookup = await facts.read(network, { tokens: assets });
  const shown = (changes) => shownPreview({ status: 'ok', via: simulated.via, changes, revert: null }, lookup);
  return { sender: shown(sent), receiver: shown(received), reverts: simulated.reverts };
}
