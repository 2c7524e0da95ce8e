// "Back up now" from the home reminder (components/backup-reminder.js): the password, then the
// phrase and its confirmation (backup-phrase.js), or for a Shamir wallet the shares not yet
// confirmed, each with its confirmation (backup-shares.js).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { t } from '../../shared/i18n.js';
import { passwordGate } from '../components/gate.js';

/** The shares of `shares` whose confirmation `backup` does not record yet. */
const unconfirmed = (shares, backup) => shares.filter(({ group, member }) => !backup?.shares?.[`${group}-${member}`]?.confirmedAt);

export function backupNowScreen({ status, go, refresh }) {
  const shamir = Boolean(status?.shareSet);
  show(
    h('h1', {}, shamir ? t('backup_now_title_shares') : t('backup_now_title_phrase')),
    passwordGate({
      prompt: shamir ? t('backup_now_prompt_shares') : t('backup_now_prompt_phrase'),
      work: async (password) => {
        if (!shamir) {
          const { words } = await call('revealPhrase', { password });
          go('backup-phrase', { words });
          return;
        }
        const { shares, set } = await call('revealShares', { password });
        go('backup-shares', { shares: unconfirmed(shares, status.backup), set });
      },
    }),
    h('button', { testid: 'backup-now-cancel', onclick: () => refresh() }, t('common_cancel')),
  );
}
