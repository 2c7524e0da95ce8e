// Saves text the worker made (the backup file, the stored vault) as a file the browser
// downloads: a Blob behind an <a download>, revoked right after the click.
import { h } from './dom.js';

/** `<prefix>-YYYY-MM-DD.json`, the date in the user's own time zone. */
export function datedFileName(prefix, date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${prefix}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}

export function saveTextFile(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; the page keeps no handle on the contents.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
