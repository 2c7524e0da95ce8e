// The popup and approval windows' entry point: router.js draws every screen.
import { route } from './router.js';

// Keystead's pages never run inside a frame (the manifest exposes none to the web; this is a
// second line against clickjacking).
if (window.top === window) route();
