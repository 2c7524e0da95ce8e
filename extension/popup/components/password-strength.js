// A local password strength estimate (nothing leaves the popup, no dependency): roughly how
// many guesses the password is worth, after discounting what attackers try first — the most
// common passwords (also with l33t spelling and a number or symbol tacked on), repeated
// blocks, and runs like "aaaa", "1234", "abcd" or "qwer".
import { t } from '../../shared/i18n.js';

export const LEVELS = Object.freeze(['weak', 'fair', 'good', 'strong']);

// Bits of guessing work at which each level starts (fair, good, strong).
const FAIR_BITS = 35;
const GOOD_BITS = 50;
const STRONG_BITS = 70;

// The most common passwords of 8 or more characters in public leak lists (shorter ones fail
// the length rule anyway), plus common bases that people extend with digits.
const COMMON = new Set(`password passwort password1 iloveyou princess sunshine football baseball
welcome welcome1 letmein trustno1 superman batman starwars whatever michael jennifer computer
shadow dragon monkey master freedom internet changeme secret qwertyuiop qwertyui qwerty
asdfghjkl asdfghjk zxcvbnm 1q2w3e4r 1q2w3e4r5t 1qaz2wsx zaq12wsx qazwsxedc abc12345 abcd1234
12345678 123456789 1234567890 0987654321 87654321 11111111 00000000 12341234 11223344
88888888 mustang charlie jordan23 liverpool chelsea arsenal pokemon minecraft blink182 lovely
loveyou butterfly flower hello helloworld admin administrator root login passw0rd p@ssw0rd
access matrix cookie summer winter spring autumn london america samsung google facebook
keystead metamask ethereum bitcoin crypto wallet`.split(/\s+/));

// Rows whose neighbours are typed as runs.
const ROWS = ['abcdefghijklmnopqrstuvwxyz', '0123456789', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

const LEET = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't', '@': 'a', $: 's', '!': 'i' };

function isCommon(password) {
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return true;
  const plain = [...lower].map((c) => LEET[c] ?? c).join('');
  // "Password1!", "dragon2024", "P@ssw0rd": a common base with digits or symbols around it.
  const base = lower.replace(/^[^a-z]+|[^a-z]+$/g, '');
  const plainBase = plain.replace(/^[^a-z]+|[^a-z]+$/g, '');
  return [plain, base, plainBase].some((w) => w.length >= 4 && COMMON.has(w));
}

/** The step from `a` to `b` inside one row (+1 or -1, as `row:step`), or null. */
function step(a, b) {
  for (const [r, row] of ROWS.entries()) {
    const i = row.indexOf(a);
    const j = row.indexOf(b);
    if (i >= 0 && j >= 0 && Math.abs(i - j) === 1) return `${r}:${j - i}`;
  }
  return a === b ? 'same' : null;
}

/** Characters left after discounting repeated blocks and runs of 3+ (each run counts as 2). */
function effectiveLength(password) {
  const chars = [...password.toLowerCase()];
  const block = /^(.+?)\1+$/s.exec(password);
  if (block) return effectiveLength(block[1]);
  let predictable = 0;
  for (let i = 2; i < chars.length; i++) {
    const s = step(chars[i - 1], chars[i]);
    if (s !== null && s === step(chars[i - 2], chars[i - 1])) predictable++;
  }
  return chars.length - predictable;
}

function classes(password) {
  return {
    lower: /[a-z]/.test(password),
    upper: /[A-Z]/.test(password),
    digit: /[0-9]/.test(password),
    other: /[^a-zA-Z0-9]/.test(password),
  };
}

function poolSize(c) {
  return (c.lower ? 26 : 0) + (c.upper ? 26 : 0) + (c.digit ? 10 : 0) + (c.other ? 33 : 0);
}

function onlyOneKind(c) {
  const kinds = Object.entries(c).filter(([, present]) => present).map(([kind]) => kind);
  if (kinds.length !== 1) return null;
  return t(`password_kind_${kinds[0]}`); // password_kind_lower, _upper, _digit, _other
}

/** `{ level: 'weak'|'fair'|'good'|'strong', reason }` for `password`, with `minLength` the rule; `reason` in words. */
export function rateStrength(password, minLength) {
  if (password.length < minLength) return { level: 'weak', reason: t('password_reason_short', { min: minLength }) };
  if (isCommon(password)) return { level: 'weak', reason: t('password_reason_common') };
  const kinds = classes(password);
  const length = effectiveLength(password);
  const bits = length * Math.log2(poolSize(kinds));
  const level = bits >= STRONG_BITS ? 'strong' : bits >= GOOD_BITS ? 'good' : bits >= FAIR_BITS ? 'fair' : 'weak';
  if (length < password.length / 2) return { level, reason: t('password_reason_runs') };
  const single = onlyOneKind(kinds);
  if (level === 'strong') return { level, reason: t('password_reason_strong') };
  if (single) return { level, reason: t('password_reason_one_kind', { kind: single }) };
  if (password.length < 12) return { level, reason: t('password_reason_short_length') };
  return { level, reason: t('password_reason_almost') };
}
