/**
 * The page ⇄ bridge leg of the message protocol (docs/protocol.md): channel names, the
 * events the bridge may pass on, and the checks both ends apply to a `message` event before
 * they read it. Imported by the in-page provider (MAIN world) and the content-script bridge
 * (isolated world); each gets its own copy in its bundle.
 */

/** Page → bridge requests carry this channel. */
export const INPAGE_CHANNEL = 'keystead:inpage';

/** Bridge → page replies and events carry this channel. */
export const BRIDGE_CHANNEL = 'keystead:bridge';

/**
 * The only events the bridge relays to the page. `message` carries a subscription's
 * notification ({ type: 'eth_subscription', data: { subscription, result } }); `keysteadState`
 * ({ isMetaMask }) is the provider's own: it updates the provider and reaches no page listener.
 */
export const PROVIDER_EVENTS = Object.freeze(['accountsChanged', 'chainChanged', 'connect', 'disconnect', 'message', 'keysteadState']);

/** Longest request id the bridge accepts (a crypto.randomUUID() is 36 characters). */
export const MAX_ID_LENGTH = 64;

/** True for a non-null object that is not an array. */
export function isRecord(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True for an EIP-1193 `params` value: absent, an array or an object. */
export function isParams(value) {
  return value === undefined || (typeof value === 'object' && value !== null);
}

/**
 * True when a `message` event was posted by this very window (not a frame, not an opener) from
 * this page's origin. `origin` is read once at start-up by the caller.
 */
export function isFromThisWindow(event, origin) {
  return event.source === window && event.origin === origin;
}

/**
 * The message's data when it is a request or reply on `channel` and the event passes
 * `isFromThisWindow`; otherwise `null`.
 */
export function channelData(event, origin, channel) {
  if (!isFromThisWindow(event, origin)) return null;
  const data = event.data;
  return isRecord(data) && data.channel === channel ? data : null;
}
