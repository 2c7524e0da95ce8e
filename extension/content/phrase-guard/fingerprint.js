// The one place the content script defines the phrase's fingerprint, the twin of the core's
// src/phrase_guard.rs: SHA-256 over the UTF-8 of "keystead phrase guard v1\n" followed by the
// phrase's words in lower case, separated by single spaces; as 64 lower-case hex digits.
const DOMAIN = 'keystead phrase guard v1\n';

export async function phraseFingerprint(normalized) {
  const bytes = new TextEncoder().encode(DOMAIN + normalized);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  bytes.fill(0);
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
