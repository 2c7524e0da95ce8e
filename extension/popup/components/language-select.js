// Settings → Language: English or Nederlands. The choice is stored by the worker and applied
// at once: the open screen is drawn again in the new language, without reloading anything.
import { h } from '../ui/dom.js';
import { call } from '../api.js';
import { t, language, LANGUAGES } from '../../shared/i18n.js';
import { useLanguageOf } from '../ui/language.js';

/** The language section; `redraw(status)` draws the screen again for the new status. */
export function languageSection(redraw) {
  const select = h('select', { id: 'language-select', testid: 'language-select' },
    LANGUAGES.map((lang) => h('option', { value: lang, selected: lang === language(), lang }, t(`language_name_${lang}`))));
  select.onchange = async () => {
    const status = await call('setLanguage', { language: select.value });
    useLanguageOf(status);
    redraw(status);
  };
  return [h('h2', {}, h('label', { for: 'language-select' }, t('settings_language'))), select];
}
