// The emergency move's plan, pure: from what each old account holds (emergency-facts.js reads
// it from the node), the steps that move it to its new account, in order — clear a delegation,
// transfer every token, transfer every NFT, revoke every other live approval, send the ETH last
// — with each step's fee at most and the totals. Nothing secret; quantities are BigInt inside
// and `0x` hex (gas, value) or decimal strings (fees, amounts) in the steps, which are stored.

export const KINDS = Object.freeze(['delegation', 'token', 'nft', 'revoke', 'eth']);
/** A plain ETH transfer to an account without code. */
export const ETH_GAS = 21_000n;

const TRANSFER = '0xa9059cbb'; // transfer(address,uint256)
const TRANSFER_FROM = '0x23b872dd'; // transferFrom(address,address,uint256)
const SAFE_TRANSFER_1155 = '0xf242432a'; // safeTransferFrom(address,address,uint256,uint256,bytes)

const hex = (n) => `0x${BigInt(n).toString(16)}`;
const word = (value) => BigInt(value).toString(16).padStart(64, '0');
const addressWord = (address) => address.slice(2).toLowerCase().padStart(64, '0');

/** ERC-20 `transfer(to, amount)`. */
export const tokenTransferData = (to, amount) => `${TRANSFER}${addressWord(to)}${word(amount)}`;
/** ERC-721 `transferFrom(from, to, tokenId)`: the receiver is an account, so no receiver hook is needed. */
export const nftTransferData = (from, to, tokenId) => `${TRANSFER_FROM}${addressWord(from)}${addressWord(to)}${word(tokenId)}`;

/** ERC-1155 `safeTransferFrom(from, to, id, amount, "")`: the receiver is an account, so no hook runs. */
export const multiTransferData = (from, to, tokenId, amount) => `${SAFE_TRANSFER_1155}${addressWord(from)}${addressWord(to)}${word(tokenId)}${word(amount)}${word(160)}${word(0)}`;

/** The gas limit a step gets from the node's estimate: a fifth more (unused gas is not paid). */
export const withMargin = (estimate) => (BigInt(estimate) * 6n + 4n) / 5n;

/** The most one gas costs under `fee` ({ maxFeePerGas } or { gasPrice }). */
export const pricePerGas = (fee) => BigInt(fee.maxFeePerGas ?? fee.gasPrice);

/**
 * The fee of the ETH step: the price P (the market max fee) paid exactly, so that balance −
 * 21,000 × P leaves nothing: an EIP-1559 transaction pays min(maxFee, base + tip) per gas,
 * which is P when both are P; a legacy one pays its gasPrice.
 */
export function exactFee(fee) {
  const p = hex(pricePerGas(fee));
  return fee.gasPrice !== undefined ? { gasPrice: p } : { maxFeePerGas: p, maxPriorityFeePerGas: p };
}

/** What the ETH step sends from `balance` at `fee` (exactFee's): null when nothing is left. */
export function ethRemainder(balance, fee) {
  const value = BigInt(balance) - ETH_GAS * pricePerGas(fee);
  return value > 0n ? value : null;
}

const same = (a, b) => a.toLowerCase() === b.toLowerCase();

/** The steps of one account, without ids and fees. */
function accountSteps(a) {
  const steps = [];
  if (a.delegation) steps.push({ kind: 'delegation', to: a.from, data: '0x', gas: BigInt(a.delegation.gas), delegate: a.delegation.delegate });
  for (const t of a.tokens ?? []) {
    if (BigInt(t.balance) <= 0n) continue;
    steps.push({ kind: 'token', to: t.token, data: tokenTransferData(a.to, t.balance), gas: withMargin(t.gas), token: t.token, symbol: t.symbol ?? null, decimals: t.decimals ?? null, amount: BigInt(t.balance).toString() });
  }
  for (const n of a.nfts ?? []) {
    steps.push({ kind: 'nft', to: n.token, data: nftTransferData(a.from, a.to, n.tokenId), gas: withMargin(n.gas), token: n.token, symbol: n.symbol ?? null, tokenId: String(n.tokenId) });
  }
  for (const m of a.multi ?? []) {
    if (BigInt(m.balance) <= 0n) continue;
    steps.push({ kind: 'nft', standard: 'erc1155', to: m.token, data: multiTransferData(a.from, a.to, m.tokenId, m.balance), gas: withMargin(m.gas), token: m.token, symbol: m.symbol ?? null, tokenId: String(m.tokenId), amount: BigInt(m.balance).toString() });
  }
  const moved = new Set((a.nfts ?? []).map((n) => `${n.token}:${n.tokenId}`.toLowerCase()));
  for (const r of a.approvals ?? []) {
    // Transferring an NFT clears its single-token approval: revoking it after would revert.
    if (r.kind === 'nft' && moved.has(`${r.token}:${r.tokenId}`.toLowerCase())) continue;
    steps.push({ kind: 'revoke', to: r.revoke.to, data: r.revoke.data, gas: withMargin(r.gas), token: r.token, symbol: r.symbol ?? null, spender: r.spender, approval: r.kind, amount: r.amount, ...(r.tokenId !== undefined ? { tokenId: String(r.tokenId) } : {}) });
  }
  return steps;
}

/**
 * The plan: `{ chainId, steps, accounts, totalFee }`. `accounts` are facts `{ from, to, balance,
 * delegation (null, or { delegate, gas }: delegation.js's CLEAR_GAS), tokens: [{ token, symbol, decimals, balance, gas }], nfts:
 * [{ token, symbol, tokenId, gas }] (ERC-721), multi: [{ token, symbol, tokenId, balance, gas }] (ERC-1155, a step
 * of kind 'nft' with standard 'erc1155' each), approvals: [approval-scan's, each with gas] }` (gas: the
 * node's estimate); `fee` is the market level (fees.js). Each step is `{ id, account, kind, to,
 * data, value, gas, fee, … }` with `fee` its cost at most (gas × max fee, decimal wei). The ETH
 * step's `value` is 'remainder' (read again at its turn; `estimate` is what it would send now).
 * Per account: `{ from, to, balance, fee, short }` — `short` (decimal wei) when its ETH does not
 * cover its steps' fees: then it has no ETH step, and the steps cannot all run until it is topped up.
 */
export function buildPlan({ chainId, fee, accounts }) {
  const perGas = pricePerGas(fee);
  const steps = [];
  const summary = [];
  for (const a of accounts) {
    if (same(a.from, a.to)) throw new Error('an account cannot be moved to itself');
    const own = accountSteps(a).map((s) => ({ ...s, account: a.from, value: '0x0', fee: s.gas * perGas }));
    const spent = own.reduce((sum, s) => sum + s.fee, 0n);
    const balance = BigInt(a.balance);
    const ethFee = ETH_GAS * perGas;
    let short = null;
    if (balance < spent) short = spent - balance;
    else if (balance - spent > ethFee) {
      own.push({ kind: 'eth', account: a.from, to: a.to, data: '0x', gas: ETH_GAS, value: 'remainder', fee: ethFee, estimate: (balance - spent - ethFee).toString() });
    }
    const total = own.reduce((sum, s) => sum + s.fee, 0n);
    summary.push({ from: a.from, to: a.to, balance: balance.toString(), fee: total.toString(), short: short === null ? null : short.toString() });
    steps.push(...own);
  }
  const out = steps.map((s, i) => ({ ...s, id: `s${i}`, gas: hex(s.gas), fee: s.fee.toString() }));
  const totalFee = steps.reduce((sum, s) => sum + s.fee, 0n).toString();
  return { chainId, steps: out, accounts: summary, totalFee };
}
