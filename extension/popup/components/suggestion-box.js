// The box of suggested list words under typed secret words (a phrase's fields, a share's): it
// hides itself when the focus leaves both it and the fields (`isField(element)`).

import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/** The box; `hide()` empties it (and drops suggestion answers still on the way). */
export function suggestionBox({ isField, hide }) {
  const box = h('div', {
    class: 'suggestions',
    role: 'group',
    'aria-label': t('phrase_suggestions'),
    onfocusout: (event) => {
      if (!box.contains(event.relatedTarget) && !isField(event.relatedTarget)) hide();
    },
  });
  return box;
}
