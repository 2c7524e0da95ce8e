// personal_sign (EIP-191), eth_signTypedData_v4 and _v3 (EIP-712): validated, approved, then
// signed in the core; personal_ecRecover (no account, no approval: it only computes).
import * as core from '../../wallet/core.js';
import * as networks from '../../wallet/networks.js';
import * as approvals from '../../platform/approvals.js';
import { forTypedData } from '../../wallet/insight/index.js';
import { invalidParams } from '../../../shared/rpc-errors.js';
import { paramsArray, address } from '../validate.js';
import { isHexData, hexToBytes, bytesToHex } from '../../wallet/hex.js';
import { v3Problem } from '../typed-data-v3.js';

const utf8 = new TextEncoder();
// ignoreBOM keeps a leading byte-order mark in the text: it is signed, so it is shown.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The message as the user should read it: its UTF-8 text when it is printable text, else hex. */
function readable(dataHex) {
  try {
    const text = strictUtf8.decode(hexToBytes(dataHex));
    // eslint-disable-next-line no-control-regex
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return { text };
  } catch {
    // not UTF-8: shown as hex
  }
  return { hex: dataHex };
}

/** What a dApp should do about the core's typed-data refusals that protect the approval window. */
function fixFor(reason) {
  if (reason.includes('undeclared field')) return 'Declare every key of domain and message in types: undeclared keys would be shown but not signed.';
  if (reason.includes('missing value')) return 'Give a value to every field that types declares.';
  if (reason.includes('missing EIP712Domain type')) return 'Add types.EIP712Domain listing the domain fields.';
  return 'Fix the request and send it again.';
}

/**
 * The chain check, on the chainId the signature is bound to: the one `EIP712Domain` declares
 * (view.chainId, read by the core), never an undeclared `domain.chainId`, which is not signed.
 * A domain that names a contract must also name its chain, or the signature would be valid on
 * every chain where that contract address exists.
 */
function checkChain(view, active) {
  if (view.chainId === null) {
    if (view.domain.some((f) => f.name === 'verifyingContract')) {
      throw invalidParams('The typed data names a verifyingContract but declares no chainId in EIP712Domain, so its signature would be valid on every chain. Add chainId to the domain and to types.EIP712Domain.');
    }
    return;
  }
  if (BigInt(view.chainId) !== BigInt(active)) {
    throw invalidParams(`The typed data is for chain ${view.chainId}, but Keystead is on chain ${Number(active)}. Switch network first.`);
  }
}

/** A personal message as `0x` hex bytes: hex as given, any other string as its UTF-8 bytes. */
function messageHex(message) {
  if (typeof message !== 'string') throw invalidParams('The message must be a string (0x-hex bytes or text).');
  return isHexData(message) ? message.toLowerCase() : bytesToHex(utf8.encode(message));
}

/** Checks eth_signTypedData_v4 / _v3 params: `{ account, json, view }`. */
async function typedParams(p, version) {
  const [account, typed] = paramsArray(p, 2, 2, '[address, typedData]');
  let parsed = typed;
  if (typeof typed === 'string') {
    try {
      parsed = JSON.parse(typed);
    } catch {
      throw invalidParams('The typed data is not valid JSON.');
    }
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalidParams('The typed data must be a JSON object { types, primaryType, domain, message }.');
  const problem = version === 3 ? v3Problem(parsed) : null;
  if (problem) throw invalidParams(`eth_signTypedData_v3 cannot sign this typed data: ${problem}. Nothing was signed; send it with eth_signTypedData_v4.`);
  const json = JSON.stringify(parsed);
  let view;
  try {
    view = await core.typedDataView(json);
  } catch (e) {
    throw invalidParams(`The typed data is not valid EIP-712 (${e.message}); nothing was signed. ${fixFor(e.message)}`);
  }
  checkChain(view, (await networks.selected()).chainId);
  return { account: address(account, 'The address'), json, view };
}

const typedData = (version) => ({
  validate: (p) => typedParams(p, version),
  account: (params) => params.account,
  // What it allows, its token facts and warnings are read from the node when the window's turn comes.
  approval: (ctx, { view }) => ({
    type: 'typed-data',
    details: async () => ({ account: ctx.account, view, insight: await forTypedData(view, await networks.selected()) }),
  }),
  // v3 that passes v3Problem is v4 byte for byte (typed-data-v3.js).
  handler: async (ctx, { json }) => (await core.unlocked()).signTypedDataV4(ctx.account, json),
});

export const methods = {
  personal_sign: {
    validate: (p) => {
      const [message, account] = paramsArray(p, 2, 3, '[message, address]');
      return { account: address(account, 'The address'), dataHex: messageHex(message) };
    },
    account: (params) => params.account,
    approval: (ctx, params) => ({ type: 'personal-sign', details: { account: ctx.account, message: readable(params.dataHex) } }),
    handler: async (ctx, params) => (await core.unlocked()).signPersonalMessage(ctx.account, params.dataHex),
  },
  personal_ecRecover: {
    validate: (p) => {
      const [message, signature] = paramsArray(p, 2, 2, '[message, signature]');
      if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) throw invalidParams('The signature must be 0x followed by 65 bytes (130 hex digits).');
      return { dataHex: messageHex(message), signature };
    },
    // The signer in lower case, as eth-sig-util and MetaMask give it.
    handler: async (_ctx, { dataHex, signature }) => {
      try {
        return (await core.recoverPersonalSignature(dataHex, signature)).toLowerCase();
      } catch (e) {
        throw invalidParams(`No address made this signature over this message (${e.message}).`);
      }
    },
  },
  eth_signTypedData_v4: typedData(4),
  eth_signTypedData_v3: typedData(3),
};
