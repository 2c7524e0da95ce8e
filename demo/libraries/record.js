/** Appends an event to `window.libraryPage.heard` and to the page's visible log. */
export function record(entry) {
  window.libraryPage.heard.push(entry);
  const log = document.querySelector('[data-testid="lib-log"]');
  log.textContent += `${JSON.stringify(entry)}\n`;
}
