// Popup methods for Send (background/wallet/send.js): check what the user typed and prepare the
// transaction to review, then sign and broadcast the reviewed one. Merged into the worker's popup
// method table by popup/api.js.
import * as send from '../wallet/send.js';
import { text } from './params.js';

export const SEND_METHODS = Object.freeze({
  /**
   * `{ asset: 'ETH' | token address, to, amount, max?, fee: 'low' | 'market' | 'high' }` → the
   * checked draft: recipient warnings, the exact amount, the three fees, what stops it, and the
   * transaction to review.
   */
  draftSend: ({ asset, to, amount, max, fee }) => send.draft({ asset: text(asset, 'an asset'), to, amount, max: max === true, fee }),
  /** `{ from, tx }` (a draft's review) → `{ hash }` once the node accepted it. */
  sendTransaction: async ({ from, tx }) => ({ hash: await send.confirm(from, tx) }),
});
