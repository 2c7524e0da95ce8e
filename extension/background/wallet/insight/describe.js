// What a transaction does, from its decoded call (decode.js) and what the node said about the
// contracts (facts.js): an action the approval window puts in one sentence, and its arguments
// in order, each with the role that says how to show it. Pure: every address arrives here
// already EIP-55 through `lookup.cs`, every token's facts through `lookup.token`.

/**
 * The roles of an argument, for the window:
 *   address     an EIP-55 address
 *   amount      a token amount (decimal string) in the smallest unit of `token`; `bits` is its
 *               type's width (its maximum means unlimited)
 *   token-id    an NFT's id (decimal)
 *   date        seconds since 1970 (decimal): a deadline or an expiry
 *   bool, raw   true/false; an integer shown as it is (decimal)
 *   bytes       `0x` hex
 *   ids, raws   lists of decimals
 *   pairs       [{ token, spender }] (Permit2 lockdown)
 */
const address = (lookup, name, value) => ({ name, role: 'address', value: lookup.cs(value) });
const amount = (name, value, token, bits = 256) => ({ name, role: 'amount', value: value.toString(), bits, token });
const tokenId = (name, value) => ({ name, role: 'token-id', value: value.toString() });
const date = (name, value) => ({ name, role: 'date', value: value.toString() });
const raw = (name, value) => ({ name, role: 'raw', value: value.toString() });

/** The standard the contract's answers point to, for a selector ERC-20 and ERC-721 share. */
function fungibleOrNft(token) {
  if (token.standard === 'erc721') return 'erc721';
  if (token.standard === 'erc20' || token.decimals !== null) return 'erc20';
  return null;
}

/**
 * The description of decoded call `d` (decode.js, or null) sent to `to` with `data`:
 * `{ action, signature, selector, token, args }`. `lookup` gives `cs(lower)` → EIP-55 and
 * `token(lower)` → the facts of a contract ({ address, standard, symbol, name, decimals, code }).
 */
export function describeCall(d, { to, data }, lookup) {
  if (!to) return { action: 'create', signature: null, selector: null, token: null, args: [] };
  if (!data || data === '0x') return { action: 'send-eth', signature: null, selector: null, token: null, args: [] };
  const token = lookup.token(to);
  if (!d) return { action: 'unknown', signature: null, selector: data.length >= 10 ? data.slice(0, 10) : null, token, args: [] };
  const a = d.args;
  const base = { signature: d.signature, selector: d.selector, token };
  const named = (action, args) => ({ action, ...base, args });
  switch (`${d.fn.standard}.${d.fn.name}`) {
    case 'erc20.transfer':
      return named('token-transfer', [address(lookup, 'to', a.to), amount('amount', a.amount, token)]);
    case 'erc20.increaseAllowance':
    case 'erc20.decreaseAllowance':
      return named(d.fn.name === 'increaseAllowance' ? 'token-increase-allowance' : 'token-decrease-allowance',
        [address(lookup, 'spender', a.spender), amount('amount', a.amount, token)]);
    case 'erc20|erc721.transferFrom': {
      const kind = fungibleOrNft(token);
      const parties = [address(lookup, 'from', a.from), address(lookup, 'to', a.to)];
      if (kind === 'erc721') return named('nft-transfer', [...parties, tokenId('tokenId', a.amount)]);
      if (kind === 'erc20') return named('token-transfer-from', [...parties, amount('amount', a.amount, token)]);
      return named('transfer-from-unknown', [...parties, raw('amountOrTokenId', a.amount)]);
    }
    case 'erc20|erc721.approve': {
      const kind = fungibleOrNft(token);
      if (kind === 'erc721') return named('nft-approve', [address(lookup, 'spender', a.spender), tokenId('tokenId', a.amount)]);
      if (kind === 'erc20') return named('token-approve', [address(lookup, 'spender', a.spender), amount('amount', a.amount, token)]);
      return named('approve-unknown', [address(lookup, 'spender', a.spender), raw('amountOrTokenId', a.amount)]);
    }
    case 'erc721.safeTransferFrom':
      return named('nft-transfer', [address(lookup, 'from', a.from), address(lookup, 'to', a.to), tokenId('tokenId', a.tokenId),
        ...(a.data !== undefined ? [{ name: 'data', role: 'bytes', value: a.data }] : [])]);
    case 'erc1155.safeTransferFrom':
      return named('multi-transfer', [address(lookup, 'from', a.from), address(lookup, 'to', a.to), tokenId('id', a.id),
        raw('amount', a.amount), { name: 'data', role: 'bytes', value: a.data }]);
    case 'erc1155.safeBatchTransferFrom':
      return named('multi-batch-transfer', [address(lookup, 'from', a.from), address(lookup, 'to', a.to),
        { name: 'ids', role: 'ids', value: a.ids.map(String) }, { name: 'amounts', role: 'raws', value: a.amounts.map(String) },
        { name: 'data', role: 'bytes', value: a.data }]);
    case 'erc721|erc1155.setApprovalForAll':
      return named('approve-all', [address(lookup, 'operator', a.operator), { name: 'approved', role: 'bool', value: a.approved }]);
    case 'erc2612.permit':
      return named('permit', [address(lookup, 'owner', a.owner), address(lookup, 'spender', a.spender), amount('amount', a.amount, token),
        date('deadline', a.deadline), raw('v', a.v), { name: 'r', role: 'bytes', value: a.r }, { name: 's', role: 'bytes', value: a.s }]);
    case 'permit2.approve':
      return named('permit2-approve', [address(lookup, 'token', a.token), address(lookup, 'spender', a.spender),
        amount('amount', a.amount, lookup.token(a.token), 160), date('expiration', a.expiration)]);
    case 'permit2.lockdown':
      return named('permit2-lockdown', [{
        name: 'approvals',
        role: 'pairs',
        value: a.approvals.map((p) => ({ token: lookup.token(p.token), spender: lookup.cs(p.spender) })),
      }]);
    default:
      return { action: 'unknown', signature: null, selector: d.selector, token, args: [] };
  }
}

/**
 * The lower-case addresses describing `d` sent to `to` needs: `tokens` (their token facts),
 * `codes` (whether they have code) and `names` (every address shown, to checksum).
 */
export function addressesOf(d, to) {
  const own = to ? [to.toLowerCase()] : [];
  const tokens = new Set(own);
  const codes = new Set(own);
  const names = new Set(own);
  if (!d) return { tokens, codes, names };
  const a = d.args;
  for (const who of [a.spender, a.operator]) if (who) codes.add(who);
  if (d.fn.standard === 'permit2' && a.token) tokens.add(a.token);
  for (const p of a.approvals ?? []) {
    tokens.add(p.token);
    names.add(p.spender);
  }
  for (const value of Object.values(a)) if (typeof value === 'string' && /^0x[0-9a-f]{40}$/.test(value)) names.add(value);
  return { tokens, codes, names };
}

/** The argument `name` of a described call, or undefined. */
export const argOf = (call, name) => call.args.find((x) => x.name === name);
