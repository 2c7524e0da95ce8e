// The language the user chose in Settings (settings.language). Until they choose, the pages
// follow the browser's language (shared/i18n.js pickLanguage).
import * as store from '../platform/store.js';
import { LANGUAGES } from '../../shared/i18n.js';
import { walletError } from '../../shared/wallet-errors.js';

export async function setLanguage(language) {
  if (!LANGUAGES.includes(language)) throw walletError('INVALID_ARGUMENT', `the language must be one of ${LANGUAGES.join(', ')}`);
  await store.update(({ settings }) => ({ settings: { ...settings, language } }));
}
