/**
 * The bridge's leg to the service worker (docs/protocol.md): sends
 * `{ kind: "provider", id, method, params }` over one long-lived `chrome.runtime.connect` port
 * (named PROVIDER_PORT; one message each way per request, where a sendMessage opens and closes
 * a channel for each) and turns whatever comes back, or fails to, into a reply body `{ result }`
 * or `{ error: { code, message, data? } }`. When the worker stops, Chrome closes the port: the
 * requests still waiting get 4900 (as a sendMessage would), and the next request connects again,
 * which wakes the worker.
 */
import { DISCONNECTED, INTERNAL_ERROR, errorBody } from '../shared/rpc-errors.js';
import { KIND, PROVIDER_PORT } from '../shared/message-kinds.js';

const UNREACHABLE = 'Keystead is not reachable from this page: the extension was reloaded, '
  + 'updated or disabled. Reload the page; if that does not help, check that Keystead is '
  + 'enabled at chrome://extensions.';

let port = null;
let nextId = 1;
const waiting = new Map(); // id → { resolve, port }

function connect() {
  const opened = chrome.runtime.connect({ name: PROVIDER_PORT });
  opened.onMessage.addListener((reply) => {
    const entry = typeof reply?.id === 'number' ? waiting.get(reply.id) : undefined;
    if (!entry || entry.port !== opened) return;
    waiting.delete(reply.id);
    entry.resolve(reply);
  });
  opened.onDisconnect.addListener(() => {
    if (port === opened) port = null;
    for (const [id, entry] of waiting) {
      if (entry.port !== opened) continue;
      waiting.delete(id);
      entry.resolve(null);
    }
  });
  return opened;
}

/** The worker's reply message, or null when the worker could not be reached or went away. */
function ask(message) {
  return new Promise((resolve) => {
    try {
      port ??= connect();
      const id = nextId++;
      waiting.set(id, { resolve, port });
      port.postMessage({ ...message, id });
    } catch {
      // "Extension context invalidated": the extension was reloaded or removed.
      port = null;
      resolve(null);
    }
  });
}

/** Asks the service worker; always resolves to a reply body. */
export async function forwardToWorker(method, params) {
  const message = { kind: KIND.PROVIDER, method };
  if (params !== undefined) message.params = params;
  const response = await ask(message);
  if (response === null) return { error: { code: DISCONNECTED, message: UNREACHABLE } };
  if ('error' in response) return { error: errorBody(response.error) };
  if ('result' in response) return { result: response.result };
  return {
    error: {
      code: INTERNAL_ERROR,
      message: `Keystead sent no usable answer to "${method}". Try again; if it persists, reload the page.`,
    },
  };
}
