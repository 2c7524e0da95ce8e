// Backing up the Secret Recovery Phrase, after create and from the home reminder: the phrase
// screen (what it is; words hidden until "Show"), then a confirmation asking for 3 words at
// random positions. "Remind me later" records the postponement and goes home.
//
// The confirmation is checked here, against the words this page just displayed: it is the
// user's self-test, not an authentication, and a worker-side per-word check would be an oracle
// for the phrase (see background/popup/backup.js). The worker only records the date.
//
// The words live in this page only while the flow runs: they leave the DOM as soon as the
// phrase screen is left, and the array is emptied when the flow ends or the page goes away.
import { h, show, secretInput, errorLine, form, busy } from '../ui/dom.js';
import { withToggle } from '../ui/masked.js';
import { call } from '../api.js';

const ASKED = 3;

/** A uniform integer in [0, n) from crypto.getRandomValues, by rejection sampling (no modulo bias). */
function randomBelow(n) {
  const limit = Math.floor(0x100000000 / n) * n;
  const draw = new Uint32Array(1);
  do crypto.getRandomValues(draw); while (draw[0] >= limit);
  return draw[0] % n;
}

/** `count` distinct 1-based positions out of `n`, ascending. */
function randomPositions(n, count) {
  const chosen = new Set();
  while (chosen.size < count) chosen.add(randomBelow(n) + 1);
  return [...chosen].sort((a, b) => a - b);
}

/**
 * Runs the backup flow for `params.words` (the phrase as an array, which this flow empties when
 * it ends); refreshes with the new status when confirmed or postponed.
 */
export function backupPhraseScreen({ params: { words }, refresh }) {
  const forget = () => { words.fill(''); words.length = 0; };
  // Leaving the page takes the words and any typed word out of the page with it.
  const leave = () => {
    forget();
    document.getElementById('app').replaceChildren();
  };
  const finish = (status) => {
    window.removeEventListener('pagehide', leave);
    forget();
    refresh(status);
  };
  window.addEventListener('pagehide', leave, { once: true });
  phraseScreen(words, finish);
}

function phraseScreen(words, finish) {
  const list = h('div', { class: 'words hidden-words', testid: 'srp-hidden', 'aria-label': 'Secret Recovery Phrase, hidden' },
    h('p', { class: 'muted' }, 'Make sure nobody can see your screen, then show the words.'));
  const next = h('button', { class: 'primary', testid: 'onboarding-next', disabled: true }, 'I wrote it down');
  const reveal = h('button', { testid: 'srp-show' }, 'Show the words');
  reveal.onclick = () => {
    // The words enter the DOM only now.
    list.replaceWith(h('ol', { class: 'words', testid: 'srp-words' }, words.map((word, i) => h('li', { testid: `srp-word-${i + 1}` }, word))));
    reveal.remove();
    next.disabled = false;
  };
  next.onclick = () => confirmScreen(words, finish);
  const error = errorLine();
  const later = h('button', { testid: 'srp-backup-later' }, 'Remind me later');
  later.onclick = () => busy(later, error, async () => finish(await call('postponeBackup')));
  show(
    h('h1', {}, 'Your Secret Recovery Phrase'),
    h('p', {}, `These ${words.length} words are the master key to your wallet: every account of it can be rebuilt from them, on any device.`),
    h('p', {}, 'Write them down on paper, in order, and keep them somewhere safe and offline. Nobody — Keystead included — can recover them for you if they are lost.'),
    h('p', { class: 'warning' }, 'Anyone who has these words owns your funds. Never type them into a website or share them with anyone.'),
    list, reveal, next,
    h('p', { class: 'muted small' }, 'Not now? Keystead will keep reminding you until the phrase is backed up.'),
    later, error,
  );
}

function confirmScreen(words, finish) {
  const positions = randomPositions(words.length, ASKED);
  const inputs = positions.map((p) => secretInput({ testid: `srp-confirm-${p}`, id: `srp-confirm-${p}` }));
  const error = errorLine();
  const submit = h('button', { class: 'primary', type: 'submit', testid: 'srp-confirm-submit' }, 'Confirm');
  const entry = form({
    submit,
    error,
    work: async () => {
      const wrong = positions.filter((p, i) => inputs[i].value.trim().toLowerCase() !== words[p - 1]);
      inputs.forEach((input, i) => {
        const bad = wrong.includes(positions[i]);
        input.setAttribute('aria-invalid', String(bad));
        input.classList.toggle('invalid', bad);
        if (bad) input.value = '';
      });
      if (wrong.length > 0) {
        const names = wrong.map((p) => `#${p}`);
        const which = names.length === 1 ? `Word ${names[0]} is` : `Words ${names.slice(0, -1).join(', ')} and ${names.at(-1)} are`;
        throw new Error(`${which} not right. Check your written copy and type ${names.length === 1 ? 'it' : 'them'} again.`);
      }
      const status = await call('confirmBackup');
      inputs.forEach((input) => { input.value = ''; });
      finish(status);
    },
  }, positions.flatMap((p, i) => [h('label', { for: `srp-confirm-${p}` }, `Word #${p}`), withToggle(inputs[i], `word #${p}`)]), error, submit);
  const back = h('button', {
    testid: 'srp-confirm-back',
    onclick: () => {
      inputs.forEach((input) => { input.value = ''; });
      phraseScreen(words, finish);
    },
  }, 'See the words again');
  show(
    h('h1', {}, 'Confirm your backup'),
    h('p', {}, 'Type these words from your written copy, to be sure it is complete and readable.'),
    entry, back,
  );
}
