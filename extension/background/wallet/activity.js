// Activity: the transactions Keystead signed and broadcast, per account and network.
// PLACEHOLDER until the Activity work (issue 12 item 3) lands: the interface the send path calls.

/**
 * Records a transaction the node accepted. `entry`: { chainId, from, hash, nonce, to, value,
 * data, gas, type, gasPrice?, maxFeePerGas?, maxPriorityFeePerGas?, asset?: { symbol, decimals,
 * address?, amount? } (what the user sent, for a token transfer), origin (the dApp's origin, or
 * 'keystead' for the popup), submittedAt (ms) }. Holds no secret.
 */
export async function record(entry) {
  void entry;
}
