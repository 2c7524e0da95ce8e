// How long a copied secret (the phrase, a private key) stays on the clipboard: the popup's
// countdown and the worker's alarm. Chrome (120+) fires alarms no sooner than 30 s after they are
// set; 60 s is above that.
export const CLEAR_SECONDS = 60;
