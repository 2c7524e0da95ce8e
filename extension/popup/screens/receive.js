// Receive: the selected account's full address (EIP-55, as the core derives it), a copy button
// that says "Copied", and a QR code of the address alone.
import { h, show, errorLine, busy } from '../ui/dom.js';
import { copyText } from '../ui/copy-text.js';
import { qrSvg } from '../ui/qr.js';
import { addressText } from '../ui/address.js';

export function receiveScreen({ status, refresh }) {
  const error = errorLine();
  const account = status.accounts.find((a) => a.selected) ?? status.accounts[0];
  const qr = h('div', { class: 'qr', testid: 'receive-qr', role: 'img', 'aria-label': `QR code of the address ${account.address}` });
  const copied = h('span', { class: 'ok', testid: 'copy-address-done', role: 'status' });
  const copy = h('button', { class: 'primary', testid: 'copy-address' }, 'Copy address');
  copy.onclick = () => busy(copy, error, async () => {
    await copyText(account.address, 'Select the address and copy it by hand.');
    copied.textContent = 'Copied';
    copy.textContent = 'Copied';
  });

  show(
    h('header', {}, h('h1', {}, 'Receive'), h('button', { testid: 'receive-back', onclick: () => refresh() }, 'Back')),
    h('p', { class: 'muted' }, `Send only ${status.network.name} assets to this address of ${account.name}.`),
    h('section', { class: 'card receive' },
      qr,
      addressText(account.address, { testid: 'receive-address' })),
    h('div', { class: 'actions' }, copy, copied),
    error,
  );

  qrSvg(account.address).then((svg) => qr.append(svg), (e) => error.set(e.message));
}
