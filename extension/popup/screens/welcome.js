// First run: create a new wallet (with a Secret Recovery Phrase, or Shamir shares), or import one
// from a Secret Recovery Phrase, Shamir shares or a backup file. In an approval window
// (`params.site`: a site asked to connect before any wallet existed) it says so; the site gets
// its answer once the wallet exists.
import { h, show } from '../ui/dom.js';

export function welcomeScreen({ go, params = {} }) {
  show(
    h('h1', {}, 'Welcome to Keystead'),
    params.site ? h('p', { testid: 'onboarding-for-site' }, `${params.site} asks to connect to a wallet. Create or import one first; then choose which accounts the site sees.`) : null,
    h('p', {}, 'Your keys stay on this device, inside Keystead’s WebAssembly core.'),
    h('button', { class: 'primary', testid: 'create-wallet', onclick: () => go('create') }, 'Create a new wallet'),
    h('button', { testid: 'create-shamir', onclick: () => go('create-shamir') }, 'Create a new wallet with Shamir shares'),
    h('button', { testid: 'import-wallet', onclick: () => go('import') }, 'Import using Secret Recovery Phrase'),
    h('button', { testid: 'restore-shares', onclick: () => go('restore-shares') }, 'Restore from Shamir shares'),
    h('button', { testid: 'restore-file', onclick: () => go('restore-file') }, 'Restore from a backup file'),
  );
}
