// Settings → Phrase guard: the sites where the user turned the phrase guard off (from its
// warning), each with a button that turns it back on.
import { h, errorLine, busy } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { t } from '../../shared/i18n.js';

function list(origins, error, redraw) {
  if (origins.length === 0) {
    return h('p', { testid: 'phrase-guard-sites-none' }, t('guardsites_none'));
  }
  return h('ul', {}, origins.map((origin) => {
    const button = h('button', { testid: 'phrase-guard-enable', 'data-origin': origin }, t('guardsites_enable'));
    button.addEventListener('click', () => busy(button, error, async () => {
      redraw((await call('phraseGuardEnable', { origin })).disabledOrigins);
    }));
    return h('li', { testid: 'phrase-guard-site', 'data-origin': origin }, h('span', {}, origin), ' ', button);
  }));
}

/** The section; it fills itself in once the worker answered. */
export function phraseGuardSection() {
  const error = errorLine('phrase-guard-error');
  const body = h('div', {}, t('guardsites_loading'));
  const redraw = (origins) => body.replaceChildren(list(origins, error, redraw));
  call('phraseGuardSites').then((r) => redraw(r.disabledOrigins), (e) => error.set(explain(e)));
  return h('section', { testid: 'phrase-guard-settings' },
    h('h2', {}, t('guardsites_title')),
    h('p', {}, t('guardsites_intro')),
    body,
    error);
}
