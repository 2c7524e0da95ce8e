// The pages' language from the wallet status: the user's choice in Settings, else the browser's
// (its UI language, chrome.i18n: a window the extension opens knows it from its first script,
// where navigator.language may still be the engine's default).
import { setLanguage, pickLanguage } from '../../shared/i18n.js';

export function useLanguageOf(status) {
  setLanguage(pickLanguage(status?.settings?.language, globalThis.chrome?.i18n?.getUILanguage?.() ?? globalThis.navigator?.language));
}
