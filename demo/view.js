/**
 * The demo's DOM helpers: find elements by data-testid, show results, and show any error as
 * "<code>: <message>" in demo-error (the name of the error when it has no numeric code).
 */

/** The element with this data-testid. */
export const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);

/** Sets the text of the element with this data-testid. */
export const show = (id, text) => { byTestId(id).textContent = text; };

/** An error thrown by the demo itself (bad input), shown as "InputError: …". */
export class InputError extends Error {
  constructor(message) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * "<code>: <message>" for the innermost error that carries a numeric code (viem wraps the
 * wallet's error; its `details` is the wallet's own message), else "<name>: <message>".
 */
export function errorText(error) {
  const coded = typeof error?.walk === 'function'
    ? error.walk((e) => typeof e?.code === 'number')
    : (typeof error?.code === 'number' ? error : null);
  if (coded) return `${coded.code}: ${coded.details || coded.shortMessage || coded.message}`;
  return `${error?.name ?? 'Error'}: ${error?.shortMessage ?? error?.message ?? String(error)}`;
}

/** Shows the error in demo-error (and the console, with its stack). */
export function showError(error) {
  console.error(error);
  show('demo-error', errorText(error));
}

/**
 * Runs `action` when the button is clicked: clears demo-error first, disables the button
 * while the action runs, and shows whatever it throws.
 */
export function onClick(id, action) {
  const button = byTestId(id);
  button.addEventListener('click', async () => {
    show('demo-error', '');
    button.disabled = true;
    try {
      await action();
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
}

/** Enables or disables the demo's action buttons. */
export function setButtonsEnabled(ids, enabled) {
  for (const id of ids) byTestId(id).disabled = !enabled;
}
