// How pending transactions end, from what the node says about them: pure functions (no I/O),
// used by the tracker (activity-tracker.js).
//   confirmed / failed  a receipt: status 1 / 0; the fee paid is gasUsed × effectiveGasPrice
//   replaced            another transaction of ours with the same nonce was mined
//   dropped             the account's nonce moved past it, and neither it nor another of ours
//                       with its nonce was mined

/** The patch a receipt gives its entry. */
export function fromReceipt(receipt) {
  const fee = BigInt(receipt.gasUsed ?? '0x0') * BigInt(receipt.effectiveGasPrice ?? '0x0');
  return { status: receipt.status === '0x1' ? 'confirmed' : 'failed', fee: `0x${fee.toString(16)}`, block: receipt.blockNumber };
}

const mined = (receipt) => Boolean(receipt?.blockNumber);

/**
 * `entries`: every entry of one account on one network; `receipts`: Map hash → receipt, null (the
 * node has none) or undefined (the node did not answer), for its pending ones; `nonce`: the account's mined transaction count (a BigInt, `latest`), or
 * null when unknown. Returns `{ patches, unsure }`: `patches` Map hash → patch for the entries
 * whose end is known; `unsure` the pending hashes the nonce has passed without a receipt, whose
 * receipts the caller asks again (the transaction may have been mined between the two answers)
 * before calling again with `confirmDrops`, which makes them `dropped`.
 */
export function outcomes(entries, receipts, nonce, { confirmDrops = false } = {}) {
  const patches = new Map();
  const byNonce = new Map(); // nonce → hash of ours that was mined with it
  for (const e of entries) {
    if (e.status === 'confirmed' || e.status === 'failed') byNonce.set(e.nonce, e.hash);
  }
  const pending = entries.filter((e) => e.status === 'pending');
  for (const e of pending) {
    const receipt = receipts.get(e.hash);
    if (mined(receipt)) {
      patches.set(e.hash, fromReceipt(receipt));
      byNonce.set(e.nonce, e.hash);
    }
  }
  const unsure = [];
  for (const e of pending) {
    if (patches.has(e.hash)) continue;
    const winner = byNonce.get(e.nonce);
    if (winner && winner !== e.hash) patches.set(e.hash, { status: 'replaced', replacedBy: winner });
    else if (receipts.get(e.hash) === null && nonce !== null && nonce > BigInt(e.nonce)) {
      if (confirmDrops) patches.set(e.hash, { status: 'dropped' });
      else unsure.push(e.hash);
    }
  }
  return { patches, unsure };
}
