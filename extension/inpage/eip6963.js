/**
 * EIP-6963 multi-wallet discovery: announces the provider with Keystead's frozen info on load
 * and again whenever the page dispatches `eip6963:requestProvider`.
 */
import { newUuid } from './uuid.js';

// The toolbar icon (icons/icon-128.png) redrawn as a small SVG: a keyhole on a teal tile.
const ICON_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">'
  + '<rect width="128" height="128" rx="24" fill="#105e58"/>'
  + '<circle cx="64" cy="51" r="13" fill="#e6f5f0"/>'
  + '<rect x="57" y="56" width="14" height="37" rx="7" fill="#e6f5f0"/></svg>';

/** Announces `provider` now and on every later request; returns the frozen info. */
export function announceProvider(provider) {
  const info = Object.freeze({
    uuid: newUuid(),
    name: 'Keystead',
    icon: `data:image/svg+xml;base64,${btoa(ICON_SVG)}`,
    rdns: 'app.keystead',
  });
  const detail = Object.freeze({ info, provider });
  const dispatch = window.dispatchEvent.bind(window);
  const announce = () => dispatch(new CustomEvent('eip6963:announceProvider', { detail }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  return info;
}
