// The plan's note of what the old accounts hold on the wallet's other networks, which the move
// (on one network) leaves behind: per network, each account's balance and the new account to
// send it to first; a network whose node did not answer is named as not checked.
import { h } from '../ui/dom.js';
import { formatEth, shortAddress } from '../ui/format.js';
import { t } from '../../shared/i18n.js';

export function heldElsewhere(elsewhere) {
  return (elsewhere ?? []).map((n) => h('div', { class: 'warning', testid: 'emergency-elsewhere', 'data-chain-id': n.chainId },
    n.balances.length > 0 ? h('p', {}, t('elsewhere_held', { network: n.name })) : null,
    n.balances.length > 0 ? h('ul', {}, n.balances.map((b) => h('li', { 'data-from': b.from, 'data-to': b.to, 'data-wei': b.wei },
      t('elsewhere_row', { amount: formatEth(b.wei), symbol: n.symbol, from: shortAddress(b.from), to: shortAddress(b.to) })))) : null,
    n.unchecked ? h('p', { class: 'small' }, t('elsewhere_unchecked', { network: n.name })) : null));
}
