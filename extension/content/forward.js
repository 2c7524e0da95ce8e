/**
 * The bridge's leg to the service worker (docs/protocol.md): sends
 * `{ kind: "provider", method, params }` with chrome.runtime.sendMessage and turns whatever
 * comes back, or fails to, into a reply body `{ result }` or `{ error: { code, message, data? } }`.
 */
import { DISCONNECTED, INTERNAL_ERROR, errorBody } from '../shared/rpc-errors.js';
import { KIND } from '../shared/message-kinds.js';

const UNREACHABLE = 'Keystead is not reachable from this page: the extension was reloaded, '
  + 'updated or disabled. Reload the page; if that does not help, check that Keystead is '
  + 'enabled at chrome://extensions.';

/** Asks the service worker; always resolves to a reply body. */
export async function forwardToWorker(method, params) {
  const message = { kind: KIND.PROVIDER, method };
  if (params !== undefined) message.params = params;
  let response;
  try {
    response = await chrome.runtime.sendMessage(message);
  } catch {
    // "Extension context invalidated" (thrown) or "Receiving end does not exist" (rejected).
    return { error: { code: DISCONNECTED, message: UNREACHABLE } };
  }
  if (typeof response === 'object' && response !== null) {
    if ('error' in response) return { error: errorBody(response.error) };
    if ('result' in response) return { result: response.result };
  }
  return {
    error: {
      code: INTERNAL_ERROR,
      message: `Keystead sent no usable answer to "${method}". Try again; if it persists, reload the page.`,
    },
  };
}
