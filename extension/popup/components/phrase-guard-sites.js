// Settings → Phrase guard: the sites where the user turned the phrase guard off (from its
// warning), each with a button that turns it back on.
import { h, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';

function list(origins, error, redraw) {
  if (origins.length === 0) {
    return h('p', { testid: 'phrase-guard-sites-none' }, 'The guard is on for every site.');
  }
  return h('ul', {}, origins.map((origin) => {
    const button = h('button', { testid: 'phrase-guard-enable', 'data-origin': origin }, 'Turn back on');
    button.addEventListener('click', () => busy(button, error, async () => {
      redraw((await call('phraseGuardEnable', { origin })).disabledOrigins);
    }));
    return h('li', { testid: 'phrase-guard-site', 'data-origin': origin }, h('span', {}, origin), ' ', button);
  }));
}

/** The section; it fills itself in once the worker answered. */
export function phraseGuardSection() {
  const error = errorLine('phrase-guard-error');
  const body = h('div', {}, 'Loading…');
  const redraw = (origins) => body.replaceChildren(list(origins, error, redraw));
  call('phraseGuardSites').then((r) => redraw(r.disabledOrigins), (e) => error.set(e.message));
  return h('section', { testid: 'phrase-guard-settings' },
    h('h2', {}, 'Phrase guard'),
    h('p', {}, 'Keystead warns you when a Secret Recovery Phrase is typed or pasted into a website. '
      + 'Sites where you turned the warning off:'),
    body,
    error);
}
