// Which Secret Recovery Phrase? Asked when the wallet has several, before adding an account
// (`params.next` 'add-account') or before a per-phrase screen ('reveal-srp', 'verify-backup'),
// which then opens with `params.phrase`. One button per phrase (`choose-phrase-<n>`). Revealing
// and verifying only offer phrases of words (a Shamir wallet's shares have their own screens).
import { h, show, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { t, tn } from '../../shared/i18n.js';
import { phraseLabel, phrasesFor } from '../components/phrase-label.js';

const NEXT = new Set(['add-account', 'reveal-srp', 'verify-backup']);

export function choosePhraseScreen({ status, params: { next }, go, refresh }) {
  if (!NEXT.has(next)) throw new Error(t('router_no_screen', { name: String(next) }));
  const error = errorLine();
  const adding = next === 'add-account';
  const offered = phrasesFor(status, next);
  const back = () => (adding ? refresh() : go('settings'));
  const buttons = offered.map((p) => {
    const button = h('button', { type: 'button', testid: `choose-phrase-${p.phrase}`, 'data-phrase': String(p.phrase) },
      h('strong', {}, phraseLabel(p)), ' ', h('span', { class: 'small muted' }, tn('multiphrase_accounts', p.accounts)));
    button.onclick = adding
      ? () => busy(button, error, async () => refresh(await call('addAccount', { phrase: p.phrase })))
      : () => go(next, { phrase: p.phrase });
    return button;
  });
  // Keys: multiphrase_choose_add_account, multiphrase_choose_reveal_srp, multiphrase_choose_verify_backup.
  const question = t(`multiphrase_choose_${next.replace(/-/g, '_')}`);
  show(
    h('header', {}, h('h1', {}, question), h('button', { testid: 'choose-phrase-back', onclick: back }, t('multiphrase_back'))),
    h('div', { class: 'fields', testid: 'choose-phrase' }, ...buttons),
    error,
  );
}
