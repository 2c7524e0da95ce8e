// First run: create a new wallet (with a Secret Recovery Phrase, or Shamir shares), or import one
// from a Secret Recovery Phrase, Shamir shares or a backup file. In an approval window
// (`params.site`: a site asked to connect before any wallet existed) it says so; the site gets
// its answer once the wallet exists.
import { h, show } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

export function welcomeScreen({ go, params = {} }) {
  show(
    h('h1', {}, t('welcome_title')),
    params.site ? h('p', { testid: 'onboarding-for-site' }, t('welcome_for_site', { site: params.site })) : null,
    h('p', {}, t('welcome_keys_stay')),
    h('button', { class: 'primary', testid: 'create-wallet', onclick: () => go('create') }, t('welcome_create')),
    h('button', { testid: 'create-shamir', onclick: () => go('create-shamir') }, t('welcome_create_shamir')),
    h('button', { testid: 'import-wallet', onclick: () => go('import') }, t('welcome_import')),
    h('button', { testid: 'restore-shares', onclick: () => go('restore-shares') }, t('welcome_restore_shares')),
    h('button', { testid: 'restore-file', onclick: () => go('restore-file') }, t('welcome_restore_file')),
  );
}
