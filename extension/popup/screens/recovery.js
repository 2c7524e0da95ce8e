// Shown when the stored state cannot be used. Nothing is ever reset silently: the user
// restores the previous copy of the vault, or imports from the Secret Recovery Phrase.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';

const WHY = {
  'corrupt-vault': 'Keystead’s stored wallet is damaged and cannot be read.',
  'missing-vault': 'Keystead’s stored wallet is missing, but its previous copy is still here.',
  'newer-schema': 'This wallet was saved by a newer version of Keystead. Update Keystead to open it.',
  'unknown-schema': 'Keystead’s stored data has a format it does not recognise.',
};

const NO_COPY = {
  'newer-schema': 'Its earlier copy is kept as it is: only the newer Keystead can open it.',
  'unknown-schema': 'Its earlier copy is kept as it is: only the Keystead version that saved it can open it.',
};

export function recoveryScreen({ status, go, refresh }) {
  const error = errorLine();
  const previous = h('button', { class: 'primary', testid: 'recover-previous' }, 'Restore the previous copy');
  previous.onclick = () => busy(previous, error, async () => {
    await call('recoverPreviousVault');
    refresh();
  });
  show(
    h('h1', {}, 'Your wallet needs recovery'),
    h('p', {}, WHY[status.problem] ?? 'Keystead’s stored data cannot be used.'),
    h('p', {}, 'Nothing has been deleted. Choose how to recover:'),
    status.hasPreviousCopy ? previous : h('p', { class: 'muted' }, NO_COPY[status.problem] ?? 'There is no earlier copy of the wallet to restore.'),
    h('button', { testid: 'import-wallet', onclick: () => go('import', { replace: true }) }, 'Import using Secret Recovery Phrase'),
    error,
  );
}
