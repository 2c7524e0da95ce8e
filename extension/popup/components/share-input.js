// Typing Shamir (SLIP-39) shares: one masked field per share (`share-input`), a password field the
// browser never remembers, with its own show/hide switch. While a field has focus, up to 5 list
// words completing the word being typed are offered (`share-suggestion`, from the core's SLIP-39
// list through the worker); picking one completes it. When a field is left, the worker reads the
// share's public fields (the core's inspectShare) and the line under the field says which share
// it is, or what is wrong with it: a word not in the list, the length, the checksum, a share of
// another backup than the others, the same share twice. The words themselves are never shown.
// Once a share says how many of its group restore the wallet, enough fields are there for them;
// "Add another share" adds one more.
import { h, secretInput } from '../ui/dom.js';
import { call } from '../api.js';
import { explain } from '../ui/format.js';
import { withToggle } from '../ui/masked.js';
import { suggestionBox } from './suggestion-box.js';
import { t, tn } from '../../shared/i18n.js';

const PREFIX = /^[a-z]{1,8}$/;
/** Fields at most (16 groups of 16 shares is the format's limit; nobody types that many). */
const MAX_FIELDS = 32;

/** What a share's line says about it (its public fields). */
function describe(info) {
  const needs = tn('share_needs', info.memberThreshold);
  if (info.groupCount === 1) return t('share_describe', { member: info.member, needs });
  const { member, group, groupCount, groupThreshold } = info;
  return t('share_describe_groups', { member, group, groupCount, groupThreshold, needs });
}

/** `{ node, shares(), clear() }`, starting with `initial` fields. */
export function shareInput({ initial = 1, idPrefix = 'share' } = {}) {
  const fields = []; // { input, note, info }
  let asked = 0; // the latest suggestion request; older answers are dropped
  const list = h('div', { class: 'fields share-fields' });
  const box = suggestionBox({ isField: (el) => fields.some((f) => f.input === el), hide });
  const add = h('button', { type: 'button', testid: 'share-add' }, t('share_add'));
  add.onclick = () => addField()?.input.focus();

  function hide() {
    asked++;
    box.replaceChildren();
  }

  /** The word being typed at the end of the field ('' after a space). */
  const partial = (input) => input.value.toLowerCase().match(/([a-z]*)$/)[1];

  async function suggest(field) {
    const prefix = partial(field.input);
    const ticket = ++asked;
    const words = PREFIX.test(prefix) ? await call('wordSuggestions', { prefix, list: 'slip39' }).catch(() => []) : [];
    if (ticket !== asked || document.activeElement !== field.input) return;
    box.replaceChildren(...words.map((word) => h('button', {
      type: 'button',
      class: 'suggestion',
      testid: 'share-suggestion',
      // Keep the focus in the field, so its blur does not take the suggestions away first.
      onmousedown: (event) => event.preventDefault(),
      onclick: () => {
        const { input } = field;
        input.value = `${input.value.slice(0, input.value.length - partial(input).length)}${word} `;
        hide();
        input.focus();
      },
    }, word)));
  }

  function note(field, text, ok) {
    field.note.textContent = text;
    field.note.className = ok ? 'small muted' : 'small error';
  }

  /** Marks shares that cannot go together with the first readable one (another backup, the same share twice). */
  function compare() {
    const read = fields.filter((f) => f.info);
    const [first] = read;
    for (const field of read) {
      const n = fields.indexOf(field) + 1;
      const twin = read.find((other) => other !== field && other.info.identifier === field.info.identifier
        && other.info.group === field.info.group && other.info.member === field.info.member);
      if (first && field.info.identifier !== first.info.identifier) {
        note(field, t('share_other_backup', { n, first: fields.indexOf(first) + 1 }), false);
      } else if (twin && fields.indexOf(twin) < fields.indexOf(field)) {
        note(field, t('share_same', { n, twin: fields.indexOf(twin) + 1 }), false);
      } else {
        note(field, describe(field.info), true);
      }
    }
    // Enough fields for a one-group backup's threshold.
    if (first?.info.groupThreshold === 1) while (fields.length < Math.min(first.info.memberThreshold, MAX_FIELDS)) addField();
  }

  async function check(field) {
    const share = field.input.value.trim();
    field.info = null;
    if (!share) {
      note(field, '', true);
      compare();
      return;
    }
    try {
      const info = await call('inspectShare', { share });
      if (field.input.value.trim() !== share) return; // changed meanwhile
      field.info = info;
    } catch (e) {
      if (field.input.value.trim() === share) note(field, explain(e), false);
    }
    compare();
  }

  function addField() {
    if (fields.length >= MAX_FIELDS) return null;
    const n = fields.length + 1;
    const id = `${idPrefix}-input-${n}`;
    const input = secretInput({ testid: 'share-input', id, 'aria-describedby': `${id}-note` });
    const field = { input, note: h('p', { class: 'small muted', id: `${id}-note`, testid: 'share-input-note', 'aria-live': 'polite' }), info: null };
    input.addEventListener('input', () => {
      field.info = null;
      suggest(field);
    });
    input.addEventListener('focus', () => suggest(field));
    input.addEventListener('blur', (event) => {
      if (!box.contains(event.relatedTarget)) hide();
      check(field);
    });
    fields.push(field);
    list.append(h('label', { for: id }, t('share_label', { n })), withToggle(input, t('share_toggle_name', { n })), field.note);
    return field;
  }
  for (let i = 0; i < initial; i++) addField();

  return {
    node: h('div', {}, list, box, add),
    /** The typed shares, empty fields left out. */
    shares: () => fields.map((f) => f.input.value.trim()).filter(Boolean),
    clear: () => {
      hide();
      for (const field of fields) {
        field.input.value = '';
        field.info = null;
        note(field, '', true);
      }
    },
  };
}
