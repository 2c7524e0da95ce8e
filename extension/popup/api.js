// The popup's only way to the service worker: the methods of background/popup/api.js.
// Errors come back as { code, message } and are rethrown as Errors carrying that code.
import { KIND } from '../shared/message-kinds.js';

export async function call(method, params = {}) {
  let response;
  try {
    response = await chrome.runtime.sendMessage({ kind: KIND.POPUP, method, params });
  } catch {
    throw Object.assign(new Error('Keystead’s background worker did not answer. Close this window and open it again.'), { code: 'UNREACHABLE' });
  }
  if (!response) throw Object.assign(new Error('Keystead’s background worker gave no answer. Reopen the popup.'), { code: 'UNREACHABLE' });
  if (response.error) throw Object.assign(new Error(response.error.message), { code: response.error.code });
  return response.result;
}
