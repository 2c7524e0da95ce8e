// A show/hide switch beside one masked field (a password, a phrase word, a private key): it
// shows that field's text only while switched on. The field keeps autocomplete and spellcheck
// off either way (ui/dom.js secretInput); leaving the page masks it again.
import { h } from './dom.js';
import { t } from '../../shared/i18n.js';

/** `input` (from secretInput) with its `toggle-visibility` switch, as one inline node. */
export function withToggle(input, name = input.getAttribute('aria-label') ?? t('masked_name_field')) {
  const button = h('button', {
    type: 'button',
    class: 'toggle-visibility',
    testid: 'toggle-visibility',
    'aria-pressed': 'false',
    'aria-label': t('masked_show', { name }),
    // Keep the focus in the field while clicking, so typing continues where it was.
    onmousedown: (event) => event.preventDefault(),
  }, t('masked_show_button'));
  const set = (shown) => {
    input.type = shown ? 'text' : 'password';
    button.textContent = shown ? t('masked_hide_button') : t('masked_show_button');
    button.setAttribute('aria-pressed', String(shown));
    button.setAttribute('aria-label', shown ? t('masked_hide', { name }) : t('masked_show', { name }));
  };
  button.onclick = () => set(input.type === 'password');
  window.addEventListener('pagehide', () => set(false), { once: true });
  return h('span', { class: 'masked' }, input, button);
}
