// "Back up now" from the home reminder (components/backup-reminder.js): the password, then the
// phrase and its confirmation (backup-phrase.js), or for a Shamir wallet the shares not yet
// confirmed, each with its confirmation (backup-shares.js).
import { h, show } from '../ui/dom.js';
import { call } from '../api.js';
import { passwordGate } from '../components/gate.js';

/** The shares of `shares` whose confirmation `backup` does not record yet. */
const unconfirmed = (shares, backup) => shares.filter(({ group, member }) => !backup?.shares?.[`${group}-${member}`]?.confirmedAt);

export function backupNowScreen({ status, go, refresh }) {
  const secret = status?.shareSet ? 'Shamir shares' : 'Secret Recovery Phrase';
  show(
    h('h1', {}, `Back up your ${secret}`),
    passwordGate({
      prompt: `Enter your password to see your ${secret}.`,
      work: async (password) => {
        if (!status?.shareSet) {
          const { words } = await call('revealPhrase', { password });
          go('backup-phrase', { words });
          return;
        }
        const { shares, set } = await call('revealShares', { password });
        go('backup-shares', { shares: unconfirmed(shares, status.backup), set });
      },
    }),
    h('button', { testid: 'backup-now-cancel', onclick: () => refresh() }, 'Cancel'),
  );
}
