// A QR code of a public text (an address; never a secret), as an inline SVG element: the
// `qrcode` library encodes it and renders the SVG markup, which is parsed as SVG (not HTML) and
// holds nothing but paths, so no script can come with it and the popup's CSP is unchanged.
import QRCode from 'qrcode';

export const QR_OPTIONS = Object.freeze({ type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 200 });

/** An <svg> element showing `text` as a QR code. */
export async function qrSvg(text) {
  const markup = await QRCode.toString(text, { ...QR_OPTIONS }); // a copy: the library writes defaults into it
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = parsed.documentElement;
  if (svg.namespaceURI !== 'http://www.w3.org/2000/svg' || svg.querySelector('script, foreignObject')) {
    throw new Error('Keystead could not draw the QR code. Copy the address instead.');
  }
  return document.importNode(svg, true);
}
