// The popup's only way to the service worker: the methods of background/popup/api.js.
// Errors come back as { code, message, key?, params? } and are rethrown as Errors carrying them
// (the popup shows t(key, params) when there is a key: shared/core-errors.js popupText).
import { KIND } from '../shared/message-kinds.js';
import { t } from '../shared/i18n.js';

const unreachable = (key) => Object.assign(new Error(t(key)), { code: 'UNREACHABLE', key, params: {} });

export async function call(method, params = {}) {
  let response;
  try {
    response = await chrome.runtime.sendMessage({ kind: KIND.POPUP, method, params });
  } catch {
    throw unreachable('api_no_worker');
  }
  if (!response) throw unreachable('api_no_answer');
  if (response.error) {
    const { code, message, key, params: values } = response.error;
    throw Object.assign(new Error(message), { code }, typeof key === 'string' ? { key, params: values ?? {} } : {});
  }
  return response.result;
}
