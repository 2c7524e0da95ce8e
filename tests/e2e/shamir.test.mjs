// Shamir (SLIP-39) backups through the real popup (issue 15 part 2, and part 3's sheet per share):
// create a 2-of-3 wallet, each share shown alone and confirmed (the home reminder stays until the
// last one is), the backup health per share, a share checked without revealing (which member it
// is; a share of another backup refused; a wrong checksum named), every share printed on its own
// sheet, nothing of any share in storage, the backup file carrying the Shamir keyring, and the
// wallet restored in a fresh profile from two of the three shares, with the same first account.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { decrypt } from '@metamask/browser-passworder';
import { PASSWORD, startAnvil, launch, openPopup, readStorage, holdToReveal, browserPool, msg, inner } from './harness.mjs';

/** Text taken literally inside a RegExp. */
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first share of the reference vectors' first valid set (tests/vectors/slip39.json, vector 1): another backup. */
const OTHER_SET_SHARE = JSON.parse(fs.readFileSync(new URL('../vectors/slip39.json', import.meta.url), 'utf8'))[0][1][0];

let chain, browser, popup, pool;
/** The shares as the backup flow showed them: shares[i] is share i + 1's 20 words. */
const shares = [];
let address;

before(async () => {
  chain = await startAnvil();
  browser = await launch();
  popup = await openPopup(browser);
  pool = browserPool();
});

after(async () => {
  await pool?.closeAll();
  await browser?.close();
  chain?.stop();
});

/** Every pair of neighbouring words of every share, in the forms a stored copy would have. */
function sharePieces() {
  return shares.flatMap((words) => words.slice(1).flatMap((w, i) => [`${words[i]} ${w}`, `"${words[i]}","${w}"`, `${words[i]},${w}`]));
}

async function assertNothingStored(page, when) {
  const stored = JSON.stringify(await readStorage(page));
  for (const piece of sharePieces()) assert.ok(!stored.includes(piece), `${when}: storage holds no "${piece}"`);
}

/** On a share's screen: Show, read its words, "I wrote it down". */
async function readShare(page) {
  await page.getByTestId('share-show').click();
  await page.getByTestId('share-word-20').waitFor();
  const words = await page.locator('[data-testid^=share-word-]').allTextContents();
  assert.equal(words.length, 20, 'a 128-bit share has 20 words');
  return words;
}

/** On a share's confirmation screen: type the asked words and submit. */
async function confirmShare(page, words) {
  await page.getByTestId('share-confirm-submit').waitFor();
  const ids = await page.locator('input[data-testid^=share-confirm-]').evaluateAll((inputs) => inputs.map((i) => i.dataset.testid));
  assert.equal(ids.length, 3, 'three words are asked for');
  for (const id of ids) await page.getByTestId(id).fill(words[Number(id.slice('share-confirm-'.length)) - 1]);
  await page.getByTestId('share-confirm-submit').click();
}

/** Types `share` into the `n`-th share field (1-based) and leaves the field, so its note is read. */
async function typeShare(page, n, share) {
  const field = page.getByTestId('share-input').nth(n - 1);
  await field.fill(share);
  await field.blur();
}

test('create a 2-of-3 Shamir wallet: each share shown alone and confirmed, the reminder until the last one', async () => {
  await popup.getByTestId('create-shamir').click();
  await popup.getByTestId('password').fill(PASSWORD);
  await popup.getByTestId('password-confirm').fill(PASSWORD);
  assert.equal(await popup.getByTestId('share-threshold').inputValue(), '2');
  assert.equal(await popup.getByTestId('share-count').inputValue(), '3');
  // 1 of 3 is refused (every share would be the whole wallet), then 2 of 3 goes through.
  await popup.getByTestId('share-threshold').selectOption('1');
  await popup.getByTestId('onboarding-next').click();
  await popup.getByText(msg('shamir_any_one', { which: msg('shamir_which_backup') })).waitFor();
  await popup.getByTestId('share-threshold').selectOption('2');
  await popup.getByTestId('onboarding-next').click();

  // Share 1: the words stay hidden until Show; confirming needs the right words.
  await popup.getByTestId('share-title').waitFor();
  assert.equal(await popup.getByTestId('share-title').textContent(), msg('share_name_of', { member: 1, count: 3 }));
  assert.equal(await popup.locator('[data-testid^=share-word-]').count(), 0, 'no word on the page before Show');
  shares.push(await readShare(popup));
  await popup.getByTestId('share-written').click();
  const asked = await popup.locator('input[data-testid^=share-confirm-]').evaluateAll((inputs) => inputs.map((i) => i.dataset.testid));
  for (const id of asked) await popup.getByTestId(id).fill('academic');
  const wrongWords = asked.map((id) => Number(id.slice('share-confirm-'.length))).filter((p) => shares[0][p - 1] !== 'academic');
  await popup.getByTestId('share-confirm-submit').click();
  if (wrongWords.length > 0) await popup.getByText(inner(wrongWords.length === 1 ? 'phrase_confirm_wrong_one' : 'phrase_confirm_wrong_other')).waitFor();
  await confirmShare(popup, shares[0]);

  // Share 2 on its own screen; postpone it: home reminds, saying 1 of 3 is done.
  await popup.getByTestId('share-title').filter({ hasText: msg('share_name_of', { member: 2, count: 3 }) }).waitFor();
  await popup.getByTestId('share-backup-later').click();
  await popup.getByTestId('account-address').waitFor();
  address = await popup.getByTestId('account-address').textContent();
  const reminder = popup.getByTestId('backup-reminder');
  assert.match(await reminder.textContent(), new RegExp(`${inner('backup_reminder_title_shares').source}.*${inner('backup_reminder_shares_body', { confirmed: 1, count: 3 }).source}`, 'su'));

  // Back up now: the password, then only the two shares not yet confirmed.
  await popup.getByTestId('backup-now').click();
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await popup.getByTestId('share-title').filter({ hasText: msg('share_name_of', { member: 2, count: 3 }) }).waitFor();
  shares.push(await readShare(popup));
  await popup.getByTestId('share-written').click();
  await confirmShare(popup, shares[1]);
  await popup.getByTestId('share-title').filter({ hasText: msg('share_name_of', { member: 3, count: 3 }) }).waitFor();
  shares.push(await readShare(popup));
  await popup.getByTestId('share-written').click();
  await confirmShare(popup, shares[2]);
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.getByTestId('backup-reminder').count(), 0, 'no reminder once every share is confirmed');

  assert.equal(new Set(shares.map((s) => s.join(' '))).size, 3, 'three different shares');
  assert.deepEqual(shares.map((s) => s.slice(0, 2).join(' ')).filter((p) => p !== shares[0].slice(0, 2).join(' ')), [],
    'the shares of one set begin with the same two words (identifier and exponent)');
  await assertNothingStored(popup, 'after the backup');
});

test('the backup health lists every share; check a share without revealing: which member, another backup, a wrong checksum', async () => {
  await popup.getByTestId('settings').click();
  const rows = popup.getByTestId('backup-health-share');
  assert.equal(await rows.count(), 3);
  for (let i = 0; i < 3; i++) {
    const label = msg('health_share_label', { share: msg('share_name_of', { member: i + 1, count: 3 }) });
    assert.match(await rows.nth(i).textContent(), new RegExp(`^${escape(label)} ${inner('health_share_confirmed').source}`));
  }
  assert.match(await popup.getByTestId('backup-health-phrase').textContent(), new RegExp(`${escape(msg('share_threshold', { threshold: 2, count: 3 }))}; ${inner('health_shares_confirmed').source}`));
  assert.equal(await popup.getByTestId('reveal-srp').count(), 0, 'a Shamir wallet has no phrase to reveal');

  await popup.getByTestId('check-share').click();
  const result = popup.getByTestId('check-share-result');
  await typeShare(popup, 1, shares[1].join(' '));
  await popup.getByTestId('share-input-note').first().filter({ hasText: msg('share_describe', { member: 2, needs: msg('share_needs_other', { count: 2 }) }) }).waitFor();
  await popup.getByTestId('check-share-submit').click();
  await result.filter({ hasText: msg('share_check_member', { share: msg('share_name_of', { member: 2, count: 3 }).toLowerCase(), restore: msg('share_threshold', { threshold: 2, count: 3 }) }) }).waitFor();
  assert.equal(await result.getAttribute('data-result'), 'member');
  assert.equal(await result.textContent(), msg('share_check_member', { share: msg('share_name_of', { member: 2, count: 3 }).toLowerCase(), restore: msg('share_threshold', { threshold: 2, count: 3 }) }));
  assert.equal(await popup.getByTestId('share-input').first().inputValue(), '', 'the field is emptied after the check');
  assert.equal(await popup.locator('[data-testid^=share-word-]').count(), 0, 'nothing is shown');

  await typeShare(popup, 1, OTHER_SET_SHARE);
  await popup.getByTestId('check-share-submit').click();
  await result.filter({ hasText: msg('share_check_other_set') }).waitFor();
  assert.equal(await result.getAttribute('data-result'), 'other-set');

  // One word changed for another list word: the checksum fails, named under the field.
  const wrong = [...shares[0]];
  wrong[10] = wrong[10] === 'academic' ? 'acid' : 'academic';
  await typeShare(popup, 1, wrong.join(' '));
  const note = popup.getByTestId('share-input-note').first();
  const checksum = msg('error_share_not_valid', { detail: msg('core_detail_share_checksum'), advice: msg('error_share_bad_checksum') });
  await note.filter({ hasText: checksum }).waitFor();
  assert.equal(await note.textContent(), checksum);
  await popup.getByTestId('check-share-submit').click();
  const error = popup.getByTestId('error').filter({ hasText: checksum });
  await error.waitFor();
  assert.equal(await result.isHidden(), true, 'no verdict for a share that does not read');
  await popup.getByTestId('check-share-back').click();
  await popup.getByTestId('backup-health').waitFor();
  assert.match(await popup.getByTestId('backup-health-share').nth(1).textContent(), inner('health_share_checked'));
  await assertNothingStored(popup, 'after the checks');
});

test('print-backup prints one sheet per share with all its words, and nothing of them is stored', async () => {
  await popup.getByTestId('reveal-shares').click();
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  await holdToReveal(popup);
  await popup.getByTestId('share-word-20').waitFor();
  assert.deepEqual(await popup.locator('[data-testid^=share-word-]').allTextContents(), shares[0], 'the same share 1 as in the backup flow');
  await popup.getByTestId('share-next').click();
  await popup.getByTestId('share-title').filter({ hasText: msg('share_name_of', { member: 2, count: 3 }) }).waitFor();
  assert.deepEqual(await popup.locator('[data-testid^=share-word-]').allTextContents(), shares[1]);

  await popup.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await popup.getByTestId('print-backup').click();
  assert.equal(await popup.evaluate(() => window.printed), 1);
  const sheets = popup.getByTestId('backup-sheet');
  assert.equal(await sheets.count(), 3, 'one sheet per share');
  await popup.emulateMedia({ media: 'print' });
  try {
    for (let s = 0; s < 3; s++) {
      const sheet = sheets.nth(s);
      assert.equal(await sheet.isVisible(), true, `sheet ${s + 1} is printed`);
      assert.equal(await sheet.locator('h1').textContent(), `Keystead — ${msg('shares_sheet_title', { share: msg('share_name_of', { member: s + 1, count: 3 }).toLowerCase() })}`);
      for (let i = 1; i <= 20; i++) {
        const item = sheet.getByTestId(`sheet-word-${i}`);
        assert.equal(await item.textContent(), shares[s][i - 1], `sheet ${s + 1}, word ${i}`);
        assert.equal(await item.locator('strong').textContent(), shares[s][i - 1].slice(0, 4));
      }
      assert.equal(await sheet.getByTestId('sheet-fingerprint').textContent(), `${address.slice(0, 6)}…${address.slice(-4)}`);
      assert.ok((await sheet.textContent()).includes(msg('sheet_share_places', { restore: msg('share_threshold', { threshold: 2, count: 3 }) })), 'the checklist says how many shares restore');
    }
    assert.equal(await popup.getByTestId('share-words').isVisible(), false, 'the screen list is not printed');
    const breaks = await sheets.evaluateAll((all) => all.map((s) => getComputedStyle(s).breakBefore));
    assert.ok(breaks.slice(1).every((b) => b === 'page'), `each sheet on its own page (${breaks})`);
  } finally {
    await popup.emulateMedia({ media: 'screen' });
  }
  await assertNothingStored(popup, 'while the sheets are open');
  await popup.getByTestId('reveal-shares-back').click();
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.locator('.backup-sheet, [data-testid^=sheet-word-], [data-testid^=share-word-]').count(), 0, 'leaving takes the sheets off the page');
  await assertNothingStored(popup, 'afterwards');
});

test('the backup file carries the Shamir keyring: the master secret, never share words', async () => {
  const keyrings = await decrypt(PASSWORD, (await readStorage(popup)).local.vault);
  assert.equal(keyrings[0].type, 'Keystead SLIP-39');
  assert.match(keyrings[0].data.masterSecret, /^[0-9a-f]{32}$/);
  assert.deepEqual(keyrings[0].data.shareSet.groups, [[2, 3]]);
  const download = popup.waitForEvent('download');
  await popup.getByTestId('settings').click();
  await popup.getByTestId('backup-file-download').click();
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  // The file's top level is the vault (browser-passworder opens it as it is).
  const fromFile = await decrypt(PASSWORD, fs.readFileSync(await (await download).path(), 'utf8'));
  assert.deepEqual(fromFile[0], keyrings[0], 'the file holds the same Shamir keyring');
  const text = JSON.stringify(fromFile);
  for (const piece of sharePieces()) assert.ok(!text.includes(piece), `the file holds no "${piece}"`);
});

test('restore in a fresh profile from two of the three shares: the same first account', async () => {
  const fresh = await openPopup(await pool.fresh());
  await fresh.getByTestId('restore-shares').click();
  assert.equal(await fresh.getByTestId('share-input').count(), 2, 'one field per share, two to start');
  // Too few: one share of a 2-of-3 set.
  await typeShare(fresh, 1, shares[2].join(' '));
  await fresh.getByTestId('share-input-note').first().filter({ hasText: msg('share_describe', { member: 3, needs: msg('share_needs_other', { count: 2 }) }) }).waitFor();
  // A share of another backup beside it is named before anything is sent.
  await typeShare(fresh, 2, OTHER_SET_SHARE);
  await fresh.getByTestId('share-input-note').nth(1).filter({ hasText: msg('share_other_backup', { n: 2, first: 1 }) }).waitFor();
  await fresh.getByTestId('password').fill(PASSWORD);
  await fresh.getByTestId('password-confirm').fill(PASSWORD);
  await fresh.getByTestId('onboarding-next').click();
  await fresh.getByText(inner('error_shares_cannot_restore', { advice: msg('error_shares_different_sets') })).waitFor();
  assert.equal((await readStorage(fresh)).local.vault, undefined, 'nothing was created');

  await typeShare(fresh, 2, shares[0].join(' '));
  await fresh.getByTestId('share-input-note').nth(1).filter({ hasText: msg('share_describe', { member: 1, needs: msg('share_needs_other', { count: 2 }) }) }).waitFor();
  await fresh.getByTestId('password').fill(PASSWORD);
  await fresh.getByTestId('password-confirm').fill(PASSWORD);
  await fresh.getByTestId('onboarding-next').click();
  await fresh.getByTestId('account-address').waitFor();
  assert.equal(await fresh.getByTestId('account-address').textContent(), address, 'the same first account');
  assert.equal(await fresh.getByTestId('backup-reminder').count(), 0, 'a restored wallet counts as backed up');
  await assertNothingStored(fresh, 'after the restore');
  // Shares made elsewhere cannot be shown again; checking them still works.
  await fresh.getByTestId('settings').click();
  await fresh.getByTestId('shares-made-elsewhere').waitFor();
  await fresh.getByTestId('check-share').click();
  await typeShare(fresh, 1, shares[1].join(' '));
  await fresh.getByTestId('check-share-submit').click();
  const result = fresh.getByTestId('check-share-result');
  await result.filter({ hasText: inner('share_check_member_unsure') }).waitFor();
  assert.equal(await result.getAttribute('data-result'), 'member');
});
