// How an EIP-5792 batch stands, from how each of its calls stands (pure: call-batches.js reads
// the node and Activity, this decides). Keystead sends a batch's calls one after another as
// separate transactions (never atomically), so a batch can end partly done.
//
// Each call is one of:
//   'queued'   not sent yet, and the worker sending the batch is still at it
//   'unsent'   not sent, and never will be (a call before it failed, or the worker stopped)
//   'pending'  sent, no receipt yet
//   'success'  mined, receipt status 0x1
//   'reverted' mined, receipt status 0x0
//   'failed'   the node refused it, or it was dropped or cancelled
/** The EIP-5792 version Keystead speaks. */
export const VERSION = '2.0.0';

export const PENDING = 100;
export const CONFIRMED = 200;
export const FAILED_OFFCHAIN = 400;
export const REVERTED = 500;
export const REVERTED_PARTIAL = 600;

/** The batch's EIP-5792 status code for its calls' states (see above). */
export function batchStatus(states) {
  if (states.some((s) => s === 'queued' || s === 'pending')) return PENDING;
  if (states.length > 0 && states.every((s) => s === 'success')) return CONFIRMED;
  const mined = states.filter((s) => s === 'success' || s === 'reverted');
  if (mined.length === 0) return FAILED_OFFCHAIN;
  if (!states.includes('success')) return REVERTED;
  return REVERTED_PARTIAL;
}

/** A node's receipt in EIP-5792's receipt shape (only those fields). */
export function receiptOf(r) {
  return {
    logs: (r.logs ?? []).map((l) => ({ address: l.address, data: l.data, topics: l.topics })),
    status: r.status,
    blockHash: r.blockHash,
    blockNumber: r.blockNumber,
    gasUsed: r.gasUsed,
    transactionHash: r.transactionHash,
  };
}
