// What a transaction does, as the approval window says it: one plain sentence
// (approval-summary) and the decoded call's arguments in order (call-arg rows), from the
// worker's description (wallet/insight/describe.js). Amounts are in the token's units with
// every digit, dates exact in UTC, addresses EIP-55 with the account's name when it is one of
// the user's. A call Keystead does not know says so, and its data stays shown as hex.
import { h, row } from '../ui/dom.js';
import { namedAddress, addressWords } from '../ui/address.js';
import { exactEth, tokenAmount, formatDeadline } from '../ui/format.js';
import { warningLine, hiddenTokenText } from './approval-warnings.js';

const STANDARDS = { erc20: 'ERC-20 token', erc721: 'ERC-721 NFT collection', erc1155: 'ERC-1155 token contract' };

/** A token in a sentence: its symbol, else its name, else its short address. */
const tokenWords = (token, nameOf) => token?.symbol ?? token?.name ?? addressWords(token?.address ?? '', nameOf);
/** An NFT collection in a sentence: its name, else its symbol, else its short address. */
const collectionWords = (token, nameOf) => token?.name ?? token?.symbol ?? addressWords(token?.address ?? '', nameOf);
/** A Permit2 expiration: 0 means the allowance ends in the very block that sets it. */
const expiry = (seconds) => (BigInt(seconds) === 0n ? 'this block only (0)' : formatDeadline(seconds));

/** The sentence of review `d` (its `call`, `to`, `value`, `network`); `nameOf` names the user's accounts. */
export function sentence(d, nameOf) {
  const c = d.call;
  const arg = (name) => c.args.find((a) => a.name === name);
  const v = (name) => arg(name)?.value;
  const who = (name) => addressWords(v(name), nameOf);
  const amount = (name = 'amount') => tokenAmount(v(name), arg(name).token, arg(name).bits);
  const eth = `${exactEth(d.value)} ${d.network.symbol}`;
  const token = tokenWords(c.token, nameOf);
  const collection = collectionWords(c.token, nameOf);
  const alsoEth = BigInt(d.value) > 0n && !['send-eth', 'create', 'unknown'].includes(c.action) ? ` It also sends ${eth} to the contract.` : '';
  const text = {
    'send-eth': () => `Send ${eth} to ${addressWords(d.to, nameOf)}.`,
    create: () => `Create a new contract from ${(d.data.length - 2) / 2} bytes of code${BigInt(d.value) > 0n ? `, sending it ${eth}` : ''}.`,
    unknown: () => `Call the contract at ${addressWords(d.to, nameOf)}${BigInt(d.value) > 0n ? `, sending it ${eth},` : ''} with data Keystead cannot read.`,
    'token-transfer': () => `Send ${amount()} to ${who('to')}.`,
    'token-transfer-from': () => `Move ${amount()} from ${who('from')} to ${who('to')}.`,
    'nft-transfer': () => `Move NFT #${v('tokenId')} of ${collection} from ${who('from')} to ${who('to')}.`,
    'multi-transfer': () => `Move ${v('amount')} of token #${v('id')} of ${collection} from ${who('from')} to ${who('to')}.`,
    'multi-batch-transfer': () => `Move ${v('ids').length} kind${v('ids').length === 1 ? '' : 's'} of token of ${collection} from ${who('from')} to ${who('to')}.`,
    'token-approve': () => (BigInt(v('amount')) === 0n
      ? `Revoke ${who('spender')}'s allowance to spend your ${token}.`
      : `Allow ${who('spender')} to spend ${amount()} of yours.`),
    'token-increase-allowance': () => `Raise ${who('spender')}'s allowance to spend your ${token} by ${amount()}.`,
    'token-decrease-allowance': () => `Lower ${who('spender')}'s allowance to spend your ${token} by ${amount()}.`,
    'nft-approve': () => (/^0x0{40}$/.test(v('spender'))
      ? `Clear who may take NFT #${v('tokenId')} of ${collection}.`
      : `Allow ${who('spender')} to take NFT #${v('tokenId')} of ${collection}.`),
    'approve-all': () => (v('approved')
      ? `Allow ${who('operator')} to move all your NFTs of ${collection}.`
      : `Take back ${who('operator')}'s permission to move your NFTs of ${collection}.`),
    permit: () => `Submit a permit by which ${who('owner')} allows ${who('spender')} to spend ${amount()}, valid until ${formatDeadline(v('deadline'))}.`,
    'permit2-approve': () => `Allow ${who('spender')} to spend ${amount()} of yours through Permit2, until ${expiry(v('expiration'))}.`,
    'permit2-lockdown': () => `Revoke ${v('approvals').length} Permit2 allowance${v('approvals').length === 1 ? '' : 's'}.`,
    'approve-unknown': () => `Approve ${who('spender')} for ${v('amountOrTokenId')} (an amount or an NFT id: the contract does not say which) at ${addressWords(d.to, nameOf)}.`,
    'transfer-from-unknown': () => `Move ${v('amountOrTokenId')} (an amount or an NFT id: the contract does not say which) from ${who('from')} to ${who('to')} at ${addressWords(d.to, nameOf)}.`,
  }[c.action];
  return `${text ? text() : `Call the contract at ${addressWords(d.to, nameOf)}.`}${alsoEth}`;
}

/** An argument's value as shown, by its role (describe.js). */
function argValue(a, nameOf) {
  switch (a.role) {
    case 'address': return namedAddress(a.value, nameOf);
    case 'amount': return tokenAmount(a.value, a.token, a.bits);
    case 'token-id': return `#${a.value}`;
    case 'date': return a.name === 'expiration' ? expiry(a.value) : formatDeadline(a.value);
    case 'bool': return String(a.value);
    case 'bytes': return a.value === '0x' ? 'none (0x)' : h('code', { class: 'hex' }, a.value);
    case 'ids': return a.value.map((id) => `#${id}`).join(', ') || 'none';
    case 'raws': return a.value.join(', ') || 'none';
    case 'pairs': return h('ol', { class: 'items' }, a.value.map((p) => h('li', { testid: 'call-pair' },
      h('span', { class: 'muted small' }, 'token '), namedAddress(p.token.address, nameOf, { testid: 'pair-token' }),
      h('span', { class: 'muted small' }, 'spender '), namedAddress(p.spender, nameOf, { testid: 'pair-spender' }))));
    default: return a.value;
  }
}

/** The contract row: what the node says it is, and its address. */
function contractValue(token, nameOf) {
  const label = [token.name, token.symbol && token.symbol !== token.name ? `(${token.symbol})` : null].filter(Boolean).join(' ');
  const kind = STANDARDS[token.standard] ?? (token.code === false ? 'no contract here' : 'a contract that does not say what it is');
  return h('span', {}, h('span', { testid: 'call-contract-name' }, label ? `${label}, ${kind}` : kind), namedAddress(token.address, nameOf));
}

/** Warnings for tokens whose symbol or name was withheld for hidden characters. */
function hiddenTokens(c, nameOf) {
  const tokens = [c.token, ...c.args.flatMap((a) => (a.role === 'amount' ? [a.token] : a.role === 'pairs' ? a.value.map((p) => p.token) : []))];
  const seen = new Set();
  return tokens.filter((t) => t?.hidden && !seen.has(t.address) && seen.add(t.address)).map((t) => warningLine('hidden-characters', hiddenTokenText(t, nameOf)));
}

/** The summary paragraph of review `d`. */
export function callSummary(d, nameOf) {
  return h('p', { class: 'summary', testid: 'approval-summary' }, sentence(d, nameOf));
}

/** The decoded call's rows (contract, function, arguments), or the unreadable note; [] for a plain transfer. */
export function callDetails(d, nameOf) {
  const c = d.call;
  if (c.action === 'send-eth' || c.action === 'create') return [];
  if (c.action === 'unknown') {
    return [h('p', { class: 'notice', testid: 'approval-unreadable' },
      `Keystead cannot read this call${c.selector ? ` (function ${c.selector})` : ''}: its data is shown below as hexadecimal, exactly as it will be sent. Approve only if you trust the site and know what it does.`)];
  }
  return [
    h('h2', {}, 'What it calls'),
    h('dl', { testid: 'call-details' },
      row('Contract', contractValue(c.token, nameOf)),
      row('Function', h('code', { class: 'hex', testid: 'call-signature' }, c.signature)),
      c.args.map((a) => h('div', { class: 'row', testid: 'call-arg', 'data-name': a.name }, h('dt', {}, a.name), h('dd', {}, argValue(a, nameOf))))),
  ];
}

/** The warnings the call view itself adds (tokens named with hidden characters). */
export const callWarnings = (d, nameOf) => hiddenTokens(d.call, nameOf);
