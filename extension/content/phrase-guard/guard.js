// The phrase guard's content script (isolated world, every http/https frame, document_start).
//
// It watches the user's own (isTrusted) pastes and typing for a Secret Recovery Phrase and holds
// it back from the page before the page's listeners run: a paste is cancelled, typed words are
// cleared from their fields. Then it checks the checksum (WebCrypto), shows the warning and asks
// the worker, with only { kind, hash }, whether it is this wallet's phrase. Nothing typed is
// stored, logged or sent anywhere; the held-back text lives in this closure until the user
// chooses, and is given back exactly once on "continue".
//
// Cheap on the keystroke path: a field is looked at only when it has ≥ 12 words (or, for one
// word per field, when the field holds one list word and its form has ≥ 12 text fields).
import { words, roughWordCount } from './normalize.js';
import { candidates, findPhrase } from './detect.js';
import { BIP39 } from './wordlists.js';
import { phraseFingerprint } from './fingerprint.js';
import { showWarning } from './overlay.js';
import { KIND } from '../../shared/message-kinds.js';

const origin = window.location.origin;
let disabled = false;
let busy = false; // a held-back phrase is being checked or warned about
const allowed = new Set(); // fingerprints the user chose to let through on this page load

/** Sends `message` to the worker; rejects (never throws) when the worker cannot be reached. */
async function ask(message) {
  return chrome.runtime.sendMessage(message);
}

const isTextField = (node) => node instanceof HTMLTextAreaElement
  || (node instanceof HTMLInputElement && ['text', 'search', 'password', 'email', 'url', 'tel', ''].includes(node.type));

/** The text fields of `field`'s form (or of the document), in document order. */
function siblingsOf(field) {
  const scope = field.form ?? document;
  return [...scope.querySelectorAll('input, textarea')].filter(isTextField);
}

/** Puts `text` in at the field's selection as the user's paste would have. */
function insertText(target, text) {
  target.focus?.();
  if (document.execCommand('insertText', false, text)) return;
  if (isTextField(target)) {
    const start = target.selectionStart ?? target.value.length;
    const end = target.selectionEnd ?? start;
    target.setRangeText(text, start, end, 'end');
    target.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

/**
 * Holds the phrase back (already done by the caller), checks it and warns. `giveBack()` restores
 * exactly what was held back; it runs when no phrase checks out, or on "continue".
 */
async function check(found, giveBack) {
  busy = true;
  try {
    const phrase = await findPhrase(found);
    if (!phrase) return giveBack();
    const hash = phrase.kind === 'bip39' ? await phraseFingerprint(phrase.normalized) : null;
    const key = hash ?? `slip39:${found.slip39.join('|')}`;
    if (allowed.has(key)) return giveBack();
    await new Promise((resolve) => {
      const answer = ask({ kind: KIND.GUARD_CHECK, hash }).then((r) => ({ own: r?.result?.own === true }));
      showWarning(origin, answer, {
        // The worker sends the whole tab away; should it be unreachable, this frame leaves.
        leave: () => { ask({ kind: KIND.GUARD_LEAVE }).catch(() => window.location.replace('about:blank')); resolve(); },
        proceed: () => { allowed.add(key); giveBack(); resolve(); },
        disable: () => { disabled = true; ask({ kind: KIND.GUARD_OFF }).catch(() => {}); giveBack(); resolve(); },
      });
    });
  } finally {
    busy = false;
  }
}

function onPaste(event) {
  if (!event.isTrusted || disabled) return;
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (roughWordCount(text, 12) < 12) return;
  const found = candidates(words(text));
  if (!found) return;
  // Before any listener of the page: the page never sees this paste unless the user says so.
  event.preventDefault();
  event.stopImmediatePropagation();
  if (busy) return;
  const target = event.target;
  check(found, () => insertText(target, text));
}

/** A phrase (≤ 24 numbered words) is far shorter than this; a longer field is read near the caret. */
const NEAR = 1000;

/** The part of a field's text a just-completed phrase can be in: all of it, or around the caret. */
function textToCheck(field, inserted) {
  const text = field.value;
  if (text.length <= 4 * NEAR) return text;
  const caret = field.selectionEnd ?? text.length;
  return text.slice(Math.max(0, caret - inserted - NEAR), caret + NEAR);
}

/** One field holding ≥ 12 words: its text. Cleared while it is checked. */
function typedInOneField(field, inserted) {
  const near = textToCheck(field, inserted);
  if (roughWordCount(near, 12) < 12) return null;
  const found = candidates(words(near));
  if (!found) return null;
  const text = field.value;
  field.value = '';
  // What the user typed while it was checked (nothing once the warning stands) goes after it.
  return { found, giveBack: () => restore([[field, text + field.value]]) };
}

/** One list word per field, across ≥ 12 fields of the form: the fields' words in order. */
function typedAcrossFields(field) {
  const own = words(field.value);
  if (own.length !== 1 || !BIP39.has(own[0])) return null;
  const fields = siblingsOf(field);
  if (fields.length < 12) return null;
  const found = candidates(fields.map((f) => words(f.value).join(' ') || '\u0000'));
  if (!found) return null;
  const held = fields.filter((f) => f.value !== '').map((f) => [f, f.value]);
  for (const [f] of held) f.value = '';
  return { found, giveBack: () => restore(held) };
}

function restore(held) {
  for (const [field, text] of held) {
    field.value = text;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

function onInput(event) {
  if (!event.isTrusted || disabled || busy) return;
  const field = event.target;
  if (!isTextField(field)) return;
  const held = typedInOneField(field, event.data?.length ?? 0) ?? typedAcrossFields(field);
  if (!held) return;
  // The field is already empty; the page's own input listeners do not see this event.
  event.stopImmediatePropagation();
  check(held.found, held.giveBack);
}

function start() {
  if (!/^https?:$/.test(window.location.protocol)) return;
  window.addEventListener('paste', onPaste, true);
  window.addEventListener('input', onInput, true);
  ask({ kind: KIND.GUARD_STATUS }).then((r) => {
    if (r?.result?.off === true) disabled = true;
  }, () => {});
}

start();
