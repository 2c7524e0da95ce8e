/**
 * The page side of the page ⇄ bridge leg (docs/protocol.md): posts requests to the
 * content-script bridge with `window.postMessage` and matches replies to them by id. Replies
 * with an unknown id are ignored; bridge events are handed to `onEvent`.
 *
 * Everything it uses from the page (postMessage, the origin, the id generator) is captured
 * when the provider is created, at document_start and before any page script, so a page
 * script that later replaces those globals cannot redirect the provider's traffic.
 */
import { BRIDGE_CHANNEL, INPAGE_CHANNEL, channelData } from '../shared/page-channel.js';
import { INVALID_PARAMS, UNAUTHORIZED } from '../shared/rpc-errors.js';
import { ProviderRpcError, fromBridgeError } from './errors.js';
import { newUuid } from './uuid.js';

const SANDBOXED = 'This page runs in a sandbox without an origin of its own (Content-Security-Policy: '
  + 'sandbox without allow-same-origin), so Keystead cannot tell which site is asking and answers '
  + 'nothing here. Serve the page without that sandbox to use Keystead.';

/** Returns `send(method, params) → Promise` and starts listening for the bridge. */
export function createTransport(onReply, onEvent) {
  const origin = window.location.origin;
  // A sandboxed document has an opaque origin ("null"): the browser would drop every message
  // between it and the bridge, so each request is refused here instead of waiting for ever.
  const opaque = window.origin === 'null';
  const post = window.postMessage.bind(window);
  const pending = new Map(); // id → { resolve, reject }

  window.addEventListener('message', (event) => {
    const data = channelData(event, origin, BRIDGE_CHANNEL);
    if (!data) return;
    if (typeof data.event === 'string') {
      onEvent(data.event, data.data);
      return;
    }
    const waiting = typeof data.id === 'string' ? pending.get(data.id) : undefined;
    if (!waiting) return;
    pending.delete(data.id);
    if ('error' in data) {
      const error = fromBridgeError(data.error);
      onReply(error);
      waiting.reject(error);
    } else {
      onReply(null);
      waiting.resolve(data.result);
    }
  });

  return function send(method, params) {
    if (opaque) return Promise.reject(new ProviderRpcError(UNAUTHORIZED, SANDBOXED));
    return new Promise((resolve, reject) => {
      const id = newUuid();
      const message = { channel: INPAGE_CHANNEL, id, method };
      if (params !== undefined) message.params = params;
      try {
        post(message, origin);
      } catch (cause) {
        // Only a DataCloneError gets here: params holding functions, DOM nodes, etc.
        reject(new ProviderRpcError(INVALID_PARAMS,
          `The params of "${method}" cannot be sent to Keystead (${cause.message}). ` +
          'Pass plain JSON values only.'));
        return;
      }
      pending.set(id, { resolve, reject });
    });
  };
}
