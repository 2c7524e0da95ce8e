// Placeholder: filled in by the issue-4 work (see settings.js).
import { h, show } from '../dom.js';

export function backupFileScreen(status, done) {
  show(h('p', {}, 'Not built yet.'), h('button', { onclick: () => done() }, 'Back'));
}

