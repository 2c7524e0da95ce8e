// The lifetime of a backup flow's words (the phrase, or Shamir shares): `forget()` empties what
// the flow holds. Leaving the page forgets them and takes every screen of the flow (the words,
// any typed word) off the page; the flow's end forgets them and refreshes with the new status.

/** Starts the flow's lifetime; returns `finish(status)`, which ends it. */
export function backupFlow(forget, refresh) {
  const leave = () => {
    forget();
    document.getElementById('app').replaceChildren();
  };
  window.addEventListener('pagehide', leave, { once: true });
  return (status) => {
    window.removeEventListener('pagehide', leave);
    forget();
    refresh(status);
  };
}
