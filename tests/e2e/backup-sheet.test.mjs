// The backup sheet (issue 15 part 3), as a user prints it: reveal the phrase (quiz, password,
// hold), Print. What the printer gets (the page under print media): every word numbered in two
// columns with its first four letters marked, the wallet's fingerprint, the date and the
// checklist, and nothing else of the popup. On screen the sheet is not shown; leaving takes it
// off the page, and no part of the phrase was ever written to storage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PASSWORD, startAnvil, launch, createWallet, readStorage, holdToReveal, msg, LANG } from './harness.mjs';

let chain, browser, wallet, popup;

before(async () => {
  chain = await startAnvil();
  browser = await launch();
  wallet = await createWallet(browser);
  popup = wallet.popup;
});

after(async () => {
  await browser?.close();
  chain?.stop();
});

/** Two neighbouring words of the phrase, in any form a copy of it would have in storage. */
function phrasePieces(words) {
  const pieces = [];
  for (let i = 0; i + 1 < words.length; i++) {
    pieces.push(`${words[i]} ${words[i + 1]}`, `"${words[i]}","${words[i + 1]}"`, `${words[i]},${words[i + 1]}`);
  }
  return pieces;
}

test('print-backup prints a sheet of every word (first four letters marked), the fingerprint, the date and the checklist, and stores nothing', async () => {
  const stored = async () => JSON.stringify(await readStorage(popup));
  await popup.getByTestId('settings').click();
  await popup.getByTestId('reveal-srp').click();
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('srp-quiz-answer-correct').click();
  await popup.getByTestId('gate-password').fill(PASSWORD);
  await popup.getByTestId('gate-submit').click();
  assert.equal(await popup.getByTestId('print-backup').count(), 0, 'no Print before the hold');
  await holdToReveal(popup);
  await popup.getByTestId('srp-word-12').waitFor();
  assert.equal(await popup.getByTestId('backup-sheet').count(), 0, 'the sheet is built only when asked for');

  // Record the print request instead of opening the browser's print dialog.
  await popup.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await popup.getByTestId('print-backup').click();
  assert.equal(await popup.evaluate(() => window.printed), 1, 'Print opens the print dialog once');
  const sheet = popup.getByTestId('backup-sheet');
  assert.equal(await sheet.isVisible(), false, 'on screen the sheet is not shown');

  await popup.emulateMedia({ media: 'print' });
  try {
    assert.equal(await sheet.isVisible(), true, 'the sheet is printed');
    for (const other of ['reveal-srp-back', 'srp-word-1', 'print-backup', 'srp-copy']) {
      assert.equal(await popup.getByTestId(other).isVisible(), false, `${other} is not printed`);
    }
    for (let i = 1; i <= 12; i++) {
      const item = sheet.getByTestId(`sheet-word-${i}`);
      assert.equal(await item.isVisible(), true, `word ${i} is printed`);
      assert.equal(await item.textContent(), wallet.words[i - 1], `word ${i} is the phrase's word ${i}`);
      assert.equal(await item.locator('strong').textContent(), wallet.words[i - 1].slice(0, 4), `word ${i}: its first four letters are marked`);
      assert.equal(await item.evaluate((li) => li.value), i, `word ${i} carries its number`);
    }
    const columns = await sheet.locator('ol').evaluateAll((lists) => lists.map((ol) => ol.children.length));
    assert.deepEqual(columns, [6, 6], 'two columns of six');
    const a = wallet.address;
    assert.equal(await sheet.getByTestId('sheet-fingerprint').textContent(), `${a.slice(0, 6)}…${a.slice(-4)}`, 'the first account, shortened');
    // The date in the popup's language (en-GB's or nl-NL's way of writing it).
    const today = await popup.evaluate((locale) => new Date().toLocaleDateString(locale, { dateStyle: 'long' }), LANG === 'nl' ? 'nl-NL' : 'en-GB');
    assert.equal(await sheet.getByTestId('sheet-date').textContent(), today);
    const text = await sheet.textContent();
    for (const point of ['sheet_write', 'sheet_two_copies', 'sheet_no_copies', 'sheet_test_phrase', 'sheet_anyone_phrase']) assert.ok(text.includes(msg(point)), `the checklist says ${point}`);
    assert.equal(await sheet.locator('h1').textContent(), `Keystead — ${msg('sheet_title_phrase')}`);
  } finally {
    await popup.emulateMedia({ media: 'screen' });
  }

  for (const piece of phrasePieces(wallet.words)) assert.ok(!(await stored()).includes(piece), `storage holds no "${piece}"`);
  await popup.getByTestId('reveal-srp-back').click();
  await popup.getByTestId('account-address').waitFor();
  assert.equal(await popup.getByTestId('backup-sheet').count(), 0, 'leaving takes the sheet off the page');
  const left = await popup.evaluate(() => document.querySelectorAll('[data-testid^=sheet-word-], [data-testid^=srp-word-], .backup-sheet').length);
  assert.equal(left, 0, 'no word of the sheet or the list is left on the page');
  for (const piece of phrasePieces(wallet.words)) assert.ok(!(await stored()).includes(piece), `storage holds no "${piece}" afterwards`);
});
