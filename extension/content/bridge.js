/**
 * Keystead's content script (isolated world, top frame only, document_start): the bridge
 * between the in-page provider and the service worker, exactly as docs/protocol.md says.
 *
 * - Page → worker: accepts a `message` event only when it comes from this very window and
 *   origin, on channel "keystead:inpage", with an id string of 1–64 characters and a string
 *   method; anything else is dropped without a reply. Params that are not plain JSON or too
 *   large (shared/params-check.js) are answered with an error here. Only `method` and `params`
 *   are forwarded; any other field (an `origin`, a `sender`, …) is ignored. The worker learns
 *   the origin from the browser's MessageSender.
 * - Worker → page: replies go back on channel "keystead:bridge" with targetOrigin set to this
 *   page's origin; `provider-event` messages are relayed only when they come from this
 *   extension itself and name this page's origin (an event meant for the site this tab showed
 *   before a navigation never reaches the next one).
 */
import {
  BRIDGE_CHANNEL, INPAGE_CHANNEL, MAX_ID_LENGTH, PROVIDER_EVENTS, channelData, isParams, isRecord,
} from '../shared/page-channel.js';
import { INVALID_PARAMS, badParamsMessage } from '../shared/rpc-errors.js';
import { paramsProblem } from '../shared/params-check.js';
import { forwardToWorker } from './forward.js';
import { KIND } from '../shared/message-kinds.js';

/** The request's id, method and params, or null when the protocol says to drop it. */
function readRequest(event, origin) {
  const data = channelData(event, origin, INPAGE_CHANNEL);
  if (!data) return null;
  const { id, method, params } = data;
  const idOk = typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH;
  return idOk && typeof method === 'string' ? { id, method, params } : null;
}

function start() {
  const origin = window.location.origin;
  const toPage = (body) => window.postMessage({ channel: BRIDGE_CHANNEL, ...body }, origin);

  window.addEventListener('message', async (event) => {
    const request = readRequest(event, origin);
    if (!request) return;
    const { id, method, params } = request;
    if (!isParams(params)) {
      toPage({ id, error: { code: INVALID_PARAMS, message: badParamsMessage(method) } });
      return;
    }
    // Not JSON (a BigInt, a cycle) or too large: answered here, never sent to the worker.
    const problem = paramsProblem(method, params);
    if (problem) {
      toPage({ id, error: problem });
      return;
    }
    toPage({ id, ...await forwardToWorker(method, params) });
  });

  chrome.runtime.onMessage.addListener((message, sender) => {
    if (sender.id !== chrome.runtime.id) return;
    if (!isRecord(message) || message.kind !== KIND.PROVIDER_EVENT || message.origin !== origin) return;
    if (!PROVIDER_EVENTS.includes(message.event)) return;
    toPage({ event: message.event, data: message.data });
  });
}

// The manifest injects into top frames only; this guards against that ever changing.
if (window === window.top) start();
