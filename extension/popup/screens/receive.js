// Receive: the selected account's full address (EIP-55, as the core derives it), a copy button
// that says "Copied", and a QR code of the address alone.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { copyText } from '../ui/copy-text.js';
import { qrSvg } from '../ui/qr.js';
import { addressText } from '../ui/address.js';
import { t } from '../../shared/i18n.js';

export function receiveScreen({ status, refresh }) {
  const error = errorLine();
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const qr = h('div', { class: 'qr', testid: 'receive-qr', role: 'img', 'aria-label': t('receive_qr_label', { address: account.address }) });
  const copied = h('span', { class: 'ok', testid: 'copy-address-done', role: 'status' });
  const copy = h('button', { class: 'primary', testid: 'copy-address' }, t('receive_copy'));
  copy.onclick = () => busy(copy, error, async () => {
    await copyText(account.address, t('receive_copy_by_hand'));
    copied.textContent = t('common_copied');
    copy.textContent = t('common_copied');
  });

  show(
    h('header', {}, h('h1', {}, t('receive_title')), h('button', { testid: 'receive-back', onclick: () => refresh() }, t('common_back'))),
    h('p', { class: 'muted' }, t('receive_only', { network: status.network.name, account: account.name })),
    h('section', { class: 'card receive' },
      qr,
      addressText(account.address, { testid: 'receive-address' })),
    h('div', { class: 'actions' }, copy, copied),
    error,
  );

  qrSvg(account.address).then((svg) => qr.append(svg), (e) => error.set(t('receive_qr_failed', { reason: e.message })));
}
