// The pages' language from the wallet status: the user's choice in Settings, else the browser's
// (shared/i18n.js pickLanguage).
import { setLanguage, pickLanguage } from '../../shared/i18n.js';

export function useLanguageOf(status) {
  setLanguage(pickLanguage(status?.settings?.language));
}
