// The popup and approval windows' entry point: router.js draws every screen. The same page
// opened in a tab (`?view=tab`, the welcome tab on install) is laid out for a full window.
import { route } from './router.js';

if (new URLSearchParams(location.search).get('view') === 'tab') document.body.classList.add('tab');

// Keystead's pages never run inside a frame (the manifest exposes none to the web; this is a
// second line against clickjacking).
if (window.top === window) route();
