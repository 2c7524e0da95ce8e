// What the vault holds that Keystead cannot use (a MetaMask or Rabby vault with, e.g., a SLIP-39
// phrase stored as an `HD Key Tree`): the core keeps those keyrings aside, unchanged, and writes
// them back with every save. Home and the backup health panel say so (`status.keptAside`).
import { h } from '../ui/dom.js';
import { t, tn } from '../../shared/i18n.js';

const REASONS = new Set(['SLIP39_PHRASE', 'INVALID_PHRASE', 'INVALID_PRIVATE_KEY', 'INVALID_ARGUMENT']);

/** Why one keyring was kept aside, in words. */
function reasonText(reason) {
  // Keys: multiphrase_kept_reason_slip39_phrase, multiphrase_kept_reason_invalid_phrase,
  // multiphrase_kept_reason_invalid_private_key, multiphrase_kept_reason_invalid_argument.
  return REASONS.has(reason) ? t(`multiphrase_kept_reason_${reason.toLowerCase()}`) : t('multiphrase_kept_reason_invalid_argument');
}

/** The note for the keyrings kept aside (`[{ position, type, reason }]`), or nothing. */
export function keptAsideNote(status, testid = 'kept-aside') {
  const kept = status?.keptAside ?? [];
  if (kept.length === 0) return [];
  return [h('div', { class: 'card warning', testid, 'data-count': String(kept.length) },
    h('p', {}, tn('multiphrase_kept_intro', kept.length)),
    h('ul', { class: 'small' }, ...kept.map((k) => h('li', { testid: 'kept-aside-item', 'data-position': String(k.position), 'data-reason': k.reason },
      t('multiphrase_kept_item', { position: k.position + 1, type: k.type, reason: reasonText(k.reason) })))),
    h('p', { class: 'small' }, t('multiphrase_kept_unchanged')))];
}
