// A personal_sign message as the approval window shows it: what will be signed, byte for byte,
// and nothing that can hide part of it. Characters a reader cannot see or that reorder the text
// (bidi overrides, zero-width characters, a byte-order mark, control characters) are shown as
// marks such as ⟨U+202E⟩ with a warning; a message of exactly 32 bytes (a hash: blind signing)
// is warned about; an empty message says it is empty; a message longer than its box keeps
// Approve disabled until its end has been scrolled into view.
import { h } from '../ui/dom.js';
import { HIDDEN } from '../../shared/hidden-chars.js';
import { warningLine } from './approval-warnings.js';

const BLIND_HASH = 'This message is exactly 32 bytes: it looks like a hash, and signing it may approve something you cannot see (blind signing). Reject unless you know exactly what it is.';

const codePoint = (char) => `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The text as nodes, each hidden character replaced by a visible mark; and how many there were. */
export function markHidden(text) {
  const nodes = [];
  let count = 0;
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(h('span', { class: 'hidden-char', title: 'An invisible or control character' }, `⟨${codePoint(match[0])}⟩`));
    count += 1;
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return { nodes, count };
}

const byteLength = (message) => (message.text !== undefined ? new TextEncoder().encode(message.text).length : (message.hex.length - 2) / 2);

/**
 * The nodes showing `message` ({ text } or { hex }, from the worker's personal_sign handler).
 * `approve` (the window's Approve button) stays disabled until the whole message has been in
 * view.
 */
export function messageView(message, approve) {
  const bytes = byteLength(message);
  if (bytes === 0) {
    return [h('p', { class: 'message empty', testid: 'approval-message' },
      'This message is empty (0 bytes). Signing it proves only that you control this account; a site rarely has a reason to ask for that.')];
  }
  const out = [h('p', { class: 'muted small', testid: 'approval-message-length' },
    message.text === undefined ? `${bytes} bytes, not readable text: shown as hexadecimal`
      : `${bytes} bytes of text${/^\s*$/u.test(message.text) ? ', all of it blank space' : ''}`)];
  if (bytes === 32) out.push(warningLine('blind-hash', BLIND_HASH));
  let box;
  if (message.text !== undefined) {
    const { nodes, count } = markHidden(message.text);
    if (count > 0) {
      out.push(warningLine('hidden-characters',
        `This message contains ${count} invisible or control character${count === 1 ? '' : 's'}, marked ⟨U+…⟩ below. They can hide or reorder what you read. Reject unless you know why they are there.`));
    }
    box = h('pre', { class: 'message', dir: 'ltr', testid: 'approval-message' }, nodes);
  } else {
    box = h('pre', { class: 'message hex', testid: 'approval-message' }, message.hex);
  }
  out.push(box, readToTheEnd(box, approve));
  return out;
}

/** A note shown while `box` has unread text below; `approve` is enabled once its end was seen. */
function readToTheEnd(box, approve) {
  const note = h('p', { class: 'warning small', testid: 'approval-message-more', hidden: true },
    'The message continues below. Scroll to its end to read all of it; Approve is enabled once you have.');
  approve.disabled = true;
  let seen = false;
  const check = () => {
    if (seen || !box.isConnected) return;
    if (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
      note.hidden = false;
      return;
    }
    seen = true;
    note.hidden = true;
    approve.disabled = false;
    observer.disconnect();
  };
  const observer = new ResizeObserver(check);
  observer.observe(box);
  box.addEventListener('scroll', check);
  return note;
}
