// The emergency plan as the node's simulation predicts it (wallet/emergency-preview.js): per
// old account, what it would lose and what its new account would gain, each row a
// balance-change element (data-asset, data-delta in the asset's smallest unit), and every step
// the node predicts to fail. Network fees are not in the rows: the plan lists them.
import { h } from '../ui/dom.js';
import { shortAddress } from '../ui/format.js';
import { changeText } from './balance-preview.js';
import { t } from '../../shared/i18n.js';

function rows(p, network, nameOf, side) {
  if (p.status !== 'ok') {
    return h('p', { class: 'notice', testid: 'plan-check-unavailable' },
      p.why === 'unsupported' ? t('plancheck_unsupported', { network: network.name }) : t('plancheck_failed', { network: network.name, message: p.message ?? '' }));
  }
  if (p.changes.length === 0) return h('p', { class: 'muted small' }, t('plancheck_none'));
  return h('ul', { class: 'changes', 'data-side': side }, p.changes.map((c) => h('li', {
    class: BigInt(c.delta) < 0n ? 'out' : 'in',
    testid: 'balance-change',
    'data-asset': c.asset,
    'data-delta': c.delta,
    'data-token-id': c.tokenId,
  }, changeText(c, network, nameOf))));
}

/** The check of every account of the plan; `stepOf(id)` names a step for a predicted failure. */
export function planCheck(preview, network, nameOf, stepOf) {
  if (!Array.isArray(preview) || preview.length === 0) return [];
  const via = preview.map((a) => a.sender.via).find(Boolean);
  return [
    h('h2', {}, t('plancheck_title')),
    ...preview.map((a) => h('section', { class: 'card', testid: 'plan-check', 'data-account': a.from },
      h('h3', {}, t('plancheck_account', { from: shortAddress(a.from), to: shortAddress(a.to) })),
      h('p', { class: 'small' }, t('plancheck_old')),
      rows(a.sender, network, nameOf, 'old'),
      h('p', { class: 'small' }, t('plancheck_new')),
      rows(a.receiver, network, nameOf, 'new'),
      ...a.reverts.map((r) => h('p', { class: 'warning', role: 'alert', testid: 'plan-check-revert', 'data-step': r.step },
        r.reason ? t('plancheck_revert_reason', { step: stepOf(r.step), reason: r.reason }) : t('plancheck_revert', { step: stepOf(r.step) }))))),
    via ? h('p', { class: 'muted small' }, t('plancheck_via', { network: network.name, via })) : null,
  ];
}
