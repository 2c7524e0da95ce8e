// The one rule for creating or restoring a wallet (phrase, backup file) where one already is.
import * as store from '../platform/store.js';
import { userError } from '../../shared/wallet-errors.js';

/** Creating or restoring over an existing wallet must be asked for explicitly (`replace`). */
export async function checkReplace(replace) {
  if (store.hasWallet(await store.read()) && replace !== true) {
    throw userError('error_wallet_exists');
  }
}
