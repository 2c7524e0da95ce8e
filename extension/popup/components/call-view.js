// What a transaction does, as the approval window says it: one plain sentence
// (approval-summary) and the decoded call's arguments in order (call-arg rows), from the
// worker's description (wallet/insight/describe.js). Amounts are in the token's units with
// every digit, dates exact in UTC, addresses EIP-55 with the account's name when it is one of
// the user's. A call Keystead does not know says so, and its data stays shown as hex.
import { h, row } from '../ui/dom.js';
import { namedAddress, addressWords } from '../ui/address.js';
import { exactEth, tokenAmount, formatDeadline } from '../ui/format.js';
import { warningLine, hiddenTokenText } from './approval-warnings.js';
import { t, tn } from '../../shared/i18n.js';

/** A token in a sentence: its symbol, else its name, else its short address. */
const tokenWords = (token, nameOf) => token?.symbol ?? token?.name ?? addressWords(token?.address ?? '', nameOf);
/** An NFT collection in a sentence: its name, else its symbol, else its short address. */
const collectionWords = (token, nameOf) => token?.name ?? token?.symbol ?? addressWords(token?.address ?? '', nameOf);
/** A Permit2 expiration: 0 means the allowance ends in the very block that sets it. */
export const expiry = (seconds) => (BigInt(seconds) === 0n ? t('call_this_block_only') : formatDeadline(seconds));

/**
 * The sentence of review `d` (its `call`, `to`, `value`, `network`); `nameOf` names the user's
 * accounts. A call that also sends ETH has a second sentence saying so (`also`).
 */
export function sentence(d, nameOf) {
  const c = d.call;
  const arg = (name) => c.args.find((a) => a.name === name);
  const v = (name) => arg(name)?.value;
  const who = (name) => addressWords(v(name), nameOf);
  const amount = (name = 'amount') => tokenAmount(v(name), arg(name).token, arg(name).bits);
  const eth = `${exactEth(d.value)} ${d.network.symbol}`;
  const sends = BigInt(d.value) > 0n;
  const token = tokenWords(c.token, nameOf);
  const collection = collectionWords(c.token, nameOf);
  const contract = addressWords(d.to ?? '', nameOf);
  const also = sends && !['send-eth', 'create', 'unknown'].includes(c.action) ? t('call_also_sends', { eth }) : null;
  const text = {
    'send-eth': () => t('call_send_eth', { eth, to: contract }),
    create: () => t(sends ? 'call_create_value' : 'call_create', { bytes: (d.data.length - 2) / 2, eth }),
    unknown: () => t(sends ? 'call_unknown_value' : 'call_unknown', { contract, eth }),
    'token-transfer': () => t('call_token_transfer', { amount: amount(), to: who('to') }),
    'token-transfer-from': () => t('call_token_transfer_from', { amount: amount(), from: who('from'), to: who('to') }),
    'nft-transfer': () => t('call_nft_transfer', { id: v('tokenId'), collection, from: who('from'), to: who('to') }),
    'multi-transfer': () => t('call_multi_transfer', { amount: v('amount'), id: v('id'), collection, from: who('from'), to: who('to') }),
    'multi-batch-transfer': () => tn('call_multi_batch_transfer', v('ids').length, { collection, from: who('from'), to: who('to') }),
    'token-approve': () => (BigInt(v('amount')) === 0n
      ? t('call_token_revoke', { spender: who('spender'), token })
      : t('call_token_approve', { spender: who('spender'), amount: amount() })),
    'token-increase-allowance': () => t('call_token_increase', { spender: who('spender'), token, amount: amount() }),
    'token-decrease-allowance': () => t('call_token_decrease', { spender: who('spender'), token, amount: amount() }),
    'nft-approve': () => (/^0x0{40}$/.test(v('spender'))
      ? t('call_nft_clear', { id: v('tokenId'), collection })
      : t('call_nft_approve', { spender: who('spender'), id: v('tokenId'), collection })),
    'approve-all': () => t(v('approved') ? 'call_approve_all' : 'call_revoke_all', { operator: who('operator'), collection }),
    permit: () => t('call_permit', { owner: who('owner'), spender: who('spender'), amount: amount(), deadline: formatDeadline(v('deadline')) }),
    'permit2-approve': () => t('call_permit2_approve', { spender: who('spender'), amount: amount(), until: expiry(v('expiration')) }),
    'permit2-lockdown': () => tn('call_permit2_lockdown', v('approvals').length),
    'approve-unknown': () => t('call_approve_unknown', { spender: who('spender'), value: v('amountOrTokenId'), contract }),
    'transfer-from-unknown': () => t('call_transfer_from_unknown', { value: v('amountOrTokenId'), from: who('from'), to: who('to'), contract }),
  }[c.action];
  return { main: text ? text() : t('call_contract', { contract }), also };
}

/** An argument's value as shown, by its role (describe.js). */
function argValue(a, nameOf) {
  switch (a.role) {
    case 'address': return namedAddress(a.value, nameOf);
    case 'amount': return tokenAmount(a.value, a.token, a.bits);
    case 'token-id': return `#${a.value}`;
    case 'date': return a.name === 'expiration' ? expiry(a.value) : formatDeadline(a.value);
    case 'bool': return String(a.value);
    case 'bytes': return a.value === '0x' ? t('call_none_hex') : h('code', { class: 'hex' }, a.value);
    case 'ids': return a.value.map((id) => `#${id}`).join(', ') || t('call_none');
    case 'raws': return a.value.join(', ') || t('call_none');
    case 'pairs': return h('ol', { class: 'items' }, a.value.map((p) => h('li', { testid: 'call-pair' },
      h('span', { class: 'muted small' }, `${t('call_pair_token')} `), namedAddress(p.token.address, nameOf, { testid: 'pair-token' }),
      h('span', { class: 'muted small' }, `${t('call_pair_spender')} `), namedAddress(p.spender, nameOf, { testid: 'pair-spender' }))));
    default: return a.value;
  }
}

/** The contract row: what the node says it is, and its address. */
function contractValue(token, nameOf) {
  const label = [token.name, token.symbol && token.symbol !== token.name ? `(${token.symbol})` : null].filter(Boolean).join(' ');
  // Keys: call_standard_erc20, call_standard_erc721, call_standard_erc1155.
  const kind = ['erc20', 'erc721', 'erc1155'].includes(token.standard) ? t(`call_standard_${token.standard}`)
    : t(token.code === false ? 'call_no_contract' : 'call_unknown_contract');
  return h('span', {}, h('span', { testid: 'call-contract-name' }, label ? t('call_contract_label', { label, kind }) : kind), namedAddress(token.address, nameOf));
}

/** Warnings for tokens whose symbol or name was withheld for hidden characters. */
function hiddenTokens(c, nameOf) {
  const tokens = [c.token, ...c.args.flatMap((a) => (a.role === 'amount' ? [a.token] : a.role === 'pairs' ? a.value.map((p) => p.token) : []))];
  const seen = new Set();
  return tokens.filter((t) => t?.hidden && !seen.has(t.address) && seen.add(t.address)).map((t) => warningLine('hidden-characters', hiddenTokenText(t, nameOf)));
}

/** The summary paragraph of review `d`. */
export function callSummary(d, nameOf) {
  const { main, also } = sentence(d, nameOf);
  return h('p', { class: 'summary', testid: 'approval-summary' }, main, also ? ` ${also}` : null);
}

/** The decoded call's rows (contract, function, arguments), or the unreadable note; [] for a plain transfer. */
export function callDetails(d, nameOf) {
  const c = d.call;
  if (c.action === 'send-eth' || c.action === 'create') return [];
  if (c.action === 'unknown') {
    return [h('p', { class: 'notice', testid: 'approval-unreadable' },
      c.selector ? t('call_unreadable_selector', { selector: c.selector }) : t('call_unreadable'))];
  }
  return [
    h('h2', {}, t('call_what_it_calls')),
    h('dl', { testid: 'call-details' },
      row(t('call_contract_row'), contractValue(c.token, nameOf)),
      row(t('call_function_row'), h('code', { class: 'hex', testid: 'call-signature' }, c.signature)),
      c.args.map((a) => h('div', { class: 'row', testid: 'call-arg', 'data-name': a.name }, h('dt', {}, a.name), h('dd', {}, argValue(a, nameOf))))),
  ];
}

/** The warnings the call view itself adds (tokens named with hidden characters). */
export const callWarnings = (d, nameOf) => hiddenTokens(d.call, nameOf);
