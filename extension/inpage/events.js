/**
 * A minimal event emitter with the Node-style surface dApps call on an EIP-1193 provider
 * (`on`, `addListener`, `once`, `removeListener`, `off`, `removeAllListeners`,
 * `listenerCount`). `emit` is returned separately, so only the provider can fire events.
 * One throwing listener does not keep the others from running; its error is reported.
 */

/** Returns `{ methods, emit }`; `methods` are meant to be installed on the provider. */
export function createEmitter(owner) {
  // event name → array of { listener, once }; arrays are replaced, never mutated, so an
  // emit in progress is not disturbed by listeners that add or remove listeners.
  const listeners = new Map();

  const add = (event, listener, once) => {
    if (typeof listener !== 'function') {
      throw new TypeError(`Keystead provider: the listener for "${String(event)}" must be a function.`);
    }
    listeners.set(event, [...(listeners.get(event) ?? []), { listener, once }]);
    return owner;
  };

  const drop = (event, entry) => {
    listeners.set(event, (listeners.get(event) ?? []).filter((other) => other !== entry));
  };

  const remove = (event, listener) => {
    const entry = (listeners.get(event) ?? []).find((other) => other.listener === listener);
    if (entry) drop(event, entry);
    return owner;
  };

  const emit = (event, ...args) => {
    for (const entry of listeners.get(event) ?? []) {
      if (entry.once) drop(event, entry);
      try {
        entry.listener.apply(owner, args);
      } catch (error) {
        globalThis.reportError?.(error);
      }
    }
  };

  const methods = {
    on: (event, listener) => add(event, listener, false),
    addListener: (event, listener) => add(event, listener, false),
    once: (event, listener) => add(event, listener, true),
    removeListener: remove,
    off: remove,
    removeAllListeners: (event) => {
      if (event === undefined) listeners.clear();
      else listeners.delete(event);
      return owner;
    },
    listenerCount: (event) => (listeners.get(event) ?? []).length,
  };
  return { methods, emit };
}
