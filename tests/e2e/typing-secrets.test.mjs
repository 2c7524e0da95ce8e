// Typing secrets (issue 18 item 3), as a user who mistyped a word: every masked field has its own
// show/hide switch (`toggle-visibility`) that unmasks that field only and keeps autocomplete and
// spellcheck off; after "word #N is not right" the other words are still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startPopup, beginCreate, askedPositions, msg } from './harness.mjs';

let scene, popup;

before(async () => {
  scene = await startPopup();
  ({ popup } = scene);
});

after(() => scene?.stop());

/** For every field of the page that is (or was) masked: its type and whether a switch sits next to it. */
const maskedFields = () => popup.evaluate(() => [...document.querySelectorAll('input')]
  .filter((input) => input.type === 'password' || input.closest('.masked'))
  .map((input) => ({
    testid: input.dataset.testid,
    type: input.type,
    autocomplete: input.getAttribute('autocomplete'),
    spellcheck: input.getAttribute('spellcheck'),
    toggle: input.parentElement.querySelector('[data-testid=toggle-visibility]') !== null,
  })));

async function toggleOf(testid) {
  return popup.getByTestId(testid).locator('xpath=..').getByTestId('toggle-visibility');
}

test('import: each word field has its own switch, which unmasks that word only', async () => {
  await popup.getByTestId('import-wallet').click();
  const fields = await maskedFields();
  assert.equal(fields.length, 14, '12 words and the two password fields');
  for (const f of fields) assert.deepEqual([f.type, f.toggle, f.autocomplete, f.spellcheck], ['password', true, 'off', 'false'], f.testid);

  await popup.getByTestId('srp-import-word-3').fill('abandon');
  const toggle = await toggleOf('srp-import-word-3');
  const name = msg('phrase_word_name', { n: 3 });
  assert.deepEqual([await toggle.textContent(), await toggle.getAttribute('aria-label')], [msg('masked_show_button'), msg('masked_show', { name })]);
  await toggle.click();
  assert.deepEqual([await toggle.textContent(), await toggle.getAttribute('aria-label')], [msg('masked_hide_button'), msg('masked_hide', { name })], 'the switch says what it does now');
  assert.equal(await popup.getByTestId('srp-import-word-3').getAttribute('type'), 'text', 'word 3 is shown');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const after = await maskedFields();
  assert.deepEqual(after.filter((f) => f.type === 'text').map((f) => f.testid), ['srp-import-word-3'], 'only word 3 is unmasked');
  assert.deepEqual([after[2].autocomplete, after[2].spellcheck], ['off', 'false'], 'unmasked, it still is not remembered or spell-checked');
  await toggle.click();
  assert.equal(await popup.getByTestId('srp-import-word-3').getAttribute('type'), 'password', 'masked again');
  await popup.getByTestId('import-back').click();
});

test('create: after a wrong word the other confirmation words stay; the wrong one can be looked at while retyped', async () => {
  const words = await beginCreate(popup);
  const [first, ...others] = await askedPositions(popup);
  for (const f of await maskedFields()) assert.equal(f.toggle, true, `${f.testid} has a switch`);
  const wrong = words[first - 1] === 'zoo' ? 'abandon' : 'zoo';
  await popup.getByTestId(`srp-confirm-${first}`).fill(wrong);
  for (const p of others) await popup.getByTestId(`srp-confirm-${p}`).fill(words[p - 1]);
  await popup.getByTestId('srp-confirm-submit').click();
  await popup.getByTestId('error').filter({ hasText: `#${first}` }).waitFor();
  assert.equal(await popup.getByTestId('error').textContent(), msg('phrase_confirm_wrong_one', { words: `#${first}` }));
  for (const p of others) assert.equal(await popup.getByTestId(`srp-confirm-${p}`).inputValue(), words[p - 1], `word #${p} is kept`);

  await (await toggleOf(`srp-confirm-${first}`)).click();
  await popup.getByTestId(`srp-confirm-${first}`).fill(words[first - 1]);
  assert.equal(await popup.getByTestId(`srp-confirm-${first}`).getAttribute('type'), 'text');
  await popup.getByTestId('srp-confirm-submit').click();
  await popup.getByTestId('account-address').waitFor();
});
