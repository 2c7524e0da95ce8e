// What a screen typed from a written backup (phrase words, shares) is dropped when the popup
// goes away and when the screen's own Back leaves it.

/** Arms `forget` for the page going away; returns `leave()`, which disarms it and forgets now. */
export function forgetOnLeave(forget) {
  window.addEventListener('pagehide', forget, { once: true });
  return () => {
    window.removeEventListener('pagehide', forget);
    forget();
  };
}
