// A personal_sign message as the approval window shows it: what will be signed, byte for byte,
// and nothing that can hide part of it. Characters a reader cannot see or that reorder the text
// (bidi overrides, zero-width characters, a byte-order mark, control characters) are shown as
// marks such as ⟨U+202E⟩ with a warning; a message of exactly 32 bytes (a hash: blind signing)
// is warned about; an empty message says it is empty; a message longer than its box keeps
// Approve disabled until its end has been scrolled into view.
import { h } from '../ui/dom.js';
import { HIDDEN } from '../../shared/hidden-chars.js';
import { warningLine, hiddenCharsText } from './approval-warnings.js';
import { t, tn } from '../../shared/i18n.js';

const codePoint = (char) => `U+${char.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** The text as nodes, each hidden character replaced by a visible mark; and how many there were. */
export function markHidden(text) {
  const nodes = [];
  let count = 0;
  let last = 0;
  for (const match of text.matchAll(HIDDEN)) {
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(h('span', { class: 'hidden-char', title: t('message_hidden_char_title') }, `⟨${codePoint(match[0])}⟩`));
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
      t('message_empty'))];
  }
  const out = [h('p', { class: 'muted small', testid: 'approval-message-length' },
    // Keys: message_length_hex_one/_other, message_length_text_one/_other, message_length_blank_one/_other.
    tn(message.text === undefined ? 'message_length_hex' : /^\s*$/u.test(message.text) ? 'message_length_blank' : 'message_length_text', bytes))];
  if (bytes === 32) out.push(warningLine('blind-hash', t('warning_blind_hash')));
  let box;
  if (message.text !== undefined) {
    const { nodes, count } = markHidden(message.text);
    if (count > 0) {
      out.push(warningLine('hidden-characters', hiddenCharsText('message', count)));
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
    t('message_continues'));
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
