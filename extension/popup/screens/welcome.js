// First run: create a new wallet (with a Secret Recovery Phrase, or Shamir shares), or import one
// from a Secret Recovery Phrase, Shamir shares or a backup file.
import { h, show } from '../ui/dom.js';

export function welcomeScreen({ go }) {
  show(
    h('h1', {}, 'Welcome to Keystead'),
    h('p', {}, 'Your keys stay on this device, inside Keystead’s WebAssembly core.'),
    h('button', { class: 'primary', testid: 'create-wallet', onclick: () => go('create') }, 'Create a new wallet'),
    h('button', { testid: 'create-shamir', onclick: () => go('create-shamir') }, 'Create a new wallet with Shamir shares'),
    h('button', { testid: 'import-wallet', onclick: () => go('import') }, 'Import using Secret Recovery Phrase'),
    h('button', { testid: 'restore-shares', onclick: () => go('restore-shares') }, 'Restore from Shamir shares'),
    h('button', { testid: 'restore-file', onclick: () => go('restore-file') }, 'Restore from a backup file'),
  );
}
