// Placeholder: filled in by the issue-4 work (see settings.js).
import { h } from '../dom.js';

export function backupHealthPanel() {
  return h('section', { class: 'card', testid: 'backup-health' }, 'Backup health: not built yet.');
}
