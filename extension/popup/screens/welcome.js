// First run: create a new wallet, or import one from a Secret Recovery Phrase or a backup file.
import { h, show } from '../ui/dom.js';
import { createScreen } from './create.js';
import { importScreen } from './import.js';
import { restoreFileScreen } from './restore-file.js';

export function welcomeScreen(status, done) {
  show(
    h('h1', {}, 'Welcome to Keystead'),
    h('p', {}, 'Your keys stay on this device, inside Keystead’s WebAssembly core.'),
    h('button', { class: 'primary', testid: 'create-wallet', onclick: () => createScreen(done) }, 'Create a new wallet'),
    h('button', { testid: 'import-wallet', onclick: () => importScreen(done) }, 'Import using Secret Recovery Phrase'),
    h('button', { testid: 'restore-file', onclick: () => restoreFileScreen(done) }, 'Restore from a backup file'),
  );
}
