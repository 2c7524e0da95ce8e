// Which Secret Recovery Phrase an account comes from, for a wallet with several (a MetaMask
// vault, or a phrase imported here): "Phrase 1", "Phrase 2", … or the keyring's own name
// (MetaMask's `metadata.name`); "Imported" for an imported key. Shown beside each account in
// the list, and wherever the user picks a phrase.
import { h } from '../ui/dom.js';
import { t } from '../../shared/i18n.js';

/** The wallet's phrases (`status.phrases`, the core's phrases()), [] when unknown. */
export const phrasesOf = (status) => status?.phrases ?? [];

/** Whether the wallet holds more than one phrase (then accounts are labelled, and flows ask which). */
export const severalPhrases = (status) => phrasesOf(status).length > 1;

/** A phrase's name: its keyring's name, else "Phrase n". */
export function phraseLabel(phrase) {
  return phrase.name ?? t('multiphrase_phrase_n', { n: phrase.phrase });
}

/** The label of phrase number `n` of the wallet. */
export function phraseLabelOf(status, n) {
  return phraseLabel(phrasesOf(status).find((p) => p.phrase === n) ?? { phrase: n, name: null });
}

/** Where `account` comes from: its phrase's label, or "Imported". */
export function sourceLabel(account, status) {
  return account.type === 'hd' ? phraseLabelOf(status, account.phrase) : t('multiphrase_imported');
}

/** The source mark beside an account in a list, when the wallet has several phrases (else null). */
export function sourceTag(account, status) {
  if (!severalPhrases(status)) return null;
  return h('span', { class: 'source-tag', testid: 'account-source' }, sourceLabel(account, status));
}

/** The line under a per-phrase screen's title naming the phrase it is about (nothing for a wallet with one). */
export function phraseHeading(status, n) {
  if (!severalPhrases(status) || n === undefined) return [];
  return [h('p', { class: 'muted', testid: 'phrase-heading', 'data-phrase': String(n) }, t('multiphrase_about_phrase', { phrase: phraseLabelOf(status, n) }))];
}

/** The phrases `next` can be about: any for adding an account, phrases of words for reveal and verify. */
export function phrasesFor(status, next) {
  return phrasesOf(status).filter((p) => next === 'add-account' || p.kind === 'phrase');
}

/**
 * Opens the per-phrase screen `next` ('reveal-srp', 'verify-backup') through `go`, first asking
 * which phrase (the choose-phrase screen) when the wallet has several.
 */
export function openForPhrase(go, status, next) {
  const offered = phrasesFor(status, next);
  if (offered.length > 1) return go('choose-phrase', { next });
  return go(next, offered.length === 1 ? { phrase: offered[0].phrase } : {});
}
