// The popup and approval windows: one page, routed by its hash.
//   popup.html                 → welcome / unlock / recovery / home, by the wallet's state
//   popup.html#/approve/<id>   → the approval of one dApp request
import { call } from './api.js';
import { h, show } from './ui/dom.js';
import { explain } from './ui/format.js';
import { welcomeScreen } from './screens/welcome.js';
import { unlockScreen } from './screens/unlock.js';
import { recoveryScreen } from './screens/recovery.js';
import { homeScreen } from './screens/home.js';
import { approveScreen } from './screens/approve.js';

const SCREENS = { new: welcomeScreen, locked: unlockScreen, recovery: recoveryScreen, unlocked: homeScreen };
const APPROVAL = /^#\/approve\/([0-9a-f-]{36})$/;

async function route(status) {
  try {
    const approval = APPROVAL.exec(location.hash);
    if (approval) return await approveScreen(approval[1]);
    const current = status ?? (await call('status'));
    return SCREENS[current.state](current, route);
  } catch (e) {
    show(h('h1', {}, 'Something went wrong'), h('p', { class: 'error' }, explain(e)),
      h('button', { onclick: () => route() }, 'Try again'));
  }
}

// Keystead's pages never run inside a frame (the manifest exposes none to the web; this is a
// second line against clickjacking).
if (window.top === window) route();
