// The emergency move (Settings → Security → “I think my phrase or a key leaked”): a new phrase
// made in the core and confirmed on onboarding's screens (backup-phrase.js), the plan for every
// account with its total fee, one start on the password, live progress from the stored record
// (background/wallet/emergency-run.js), and the report file at the end. Opening the screen again
// (after a restart) shows where the move stands.
import { h, show, errorLine, busy, secretInput, form } from '../ui/dom.js';
import { call } from '../api.js';
import { explain, formatEth, shortAddress, formatDate } from '../ui/format.js';
import { saveTextFile } from '../ui/download.js';
import { planCheck } from '../components/plan-check.js';
import { heldElsewhere } from '../components/held-elsewhere.js';
import { accountNames } from '../ui/address.js';

const POLL_MS = 700;
const KIND_TEXT = { delegation: 'Clear the EIP-7702 delegation', token: 'Move token', nft: 'Move NFT', revoke: 'Revoke approval', eth: 'Send the ETH left' };
const STATE_TEXT = { planned: 'waiting', signed: 'signed', sent: 'sent, waiting for a block', confirmed: 'done', failed: 'failed', skipped: 'nothing to do' };

/** One line of the plan or the progress: what the step does. */
function stepText(s, symbol) {
  const what = s.kind === 'token' ? `${s.amount} (raw) of ${s.symbol ?? s.token}`
    : s.kind === 'nft' ? `${s.symbol ?? s.token} #${s.tokenId}${s.standard === 'erc1155' ? ` × ${s.amount}` : ''}`
      : s.kind === 'revoke' ? `${s.symbol ?? s.token} → ${shortAddress(s.spender)}${s.tokenId ? ` (#${s.tokenId})` : ''}`
        : s.kind === 'delegation' ? `to ${shortAddress(s.delegate)}`
          : `about ${formatEth(s.estimate ?? '0')} ${symbol}`;
  return `${KIND_TEXT[s.kind]} from ${shortAddress(s.account)}: ${what}`;
}

const stepItem = (s, symbol) => h('li', { testid: 'emergency-plan-step', 'data-kind': s.kind, 'data-id': s.id, 'data-account': s.account, 'data-estimate': s.estimate }, stepText(s, symbol), ` — at most ${formatEth(s.fee)} ${symbol} in fees`);

export function emergencyScreen({ status, params, go, refresh }) {
  const symbol = status.network.symbol;
  const nameOf = accountNames(status.accounts ?? []);
  const error = errorLine('emergency-error');
  const back = h('button', { testid: 'emergency-back', onclick: () => refresh() }, 'Back');
  let timer = null;
  const stop = () => { if (timer) clearTimeout(timer); timer = null; };
  window.addEventListener('pagehide', stop, { once: true });

  /** Start: what the move does, then the password to make the new phrase. */
  function intro() {
    const password = secretInput({ testid: 'emergency-password', placeholder: 'Password' });
    const begin = h('button', { class: 'primary', testid: 'emergency-begin', type: 'submit' }, 'Make a new phrase');
    show(
      h('header', {}, h('h1', {}, 'Move everything to a new phrase'), back),
      h('p', {}, `If someone may have your Secret Recovery Phrase or a private key, they can take what your accounts hold at any time. This moves everything your accounts hold on ${status.network.name} to a new phrase: it clears EIP-7702 delegations, moves every token and NFT, revokes every approval, and sends the ETH last.`),
      h('p', {}, 'First Keystead makes a new phrase. Write it down and confirm it, as when you created the wallet; nothing moves before that.'),
      form({ submit: begin, error, work: async () => {
        await call('emergencyBegin', { password: password.value });
        const { words } = await call('emergencyPhrase', { password: password.value });
        password.value = '';
        go('backup-phrase', { words, emergency: true });
      } }, password, error, begin),
    );
  }

  /** The phrase was made but not confirmed here (a restart): see it again with the password, or leave. */
  function reconfirm() {
    const password = secretInput({ testid: 'emergency-password', placeholder: 'Password' });
    const again = h('button', { class: 'primary', testid: 'emergency-phrase-again', type: 'submit' }, 'Show the new phrase again');
    const leave = h('button', { testid: 'emergency-abandon' }, 'Leave the move');
    leave.onclick = () => busy(leave, error, async () => { await call('emergencyAbandon'); refresh(); });
    show(h('header', {}, h('h1', {}, 'Confirm the new phrase'), back),
      h('p', {}, 'A new phrase was made for the move but not confirmed yet. Type your password to see it again and confirm it.'),
      form({ submit: again, error, work: async () => {
        const { words } = await call('emergencyPhrase', { password: password.value });
        password.value = '';
        go('backup-phrase', { words, emergency: true });
      } }, password, error, again), leave);
  }

  /** The plan: every step with its fee, the total, what cannot move; start on the password. */
  async function plan() {
    show(h('header', {}, h('h1', {}, 'The plan'), back), h('p', { class: 'muted', testid: 'emergency-planning' }, 'Reading what every account holds from the node…'), error);
    let built;
    try {
      built = await call('emergencyPlan');
    } catch (e) {
      error.set(`Keystead could not build the plan: ${explain(e)} Check that the network is reachable, then open this screen again.`);
      return;
    }
    const { plan: p, unmovable, preview, elsewhere } = built;
    const stepOf = (id) => { const s = p.steps.find((x) => x.id === id); return s ? stepText(s, symbol) : id; };
    const password = secretInput({ testid: 'emergency-start-password', placeholder: 'Password' });
    const startButton = h('button', { class: 'primary', testid: 'emergency-start', type: 'submit' }, `Move everything (${p.steps.length} transactions)`);
    const short = p.accounts.filter((a) => a.short);
    show(
      h('header', {}, h('h1', {}, 'The plan'), back),
      h('p', {}, `${p.steps.length} transactions, in this order; the ETH goes last, exactly what is left after the fees.`),
      h('ol', { testid: 'emergency-plan' }, ...p.steps.map((s) => stepItem(s, symbol))),
      h('p', { testid: 'emergency-total-fee', 'data-wei': p.totalFee }, `Fees: at most ${formatEth(p.totalFee)} ${symbol} in all.`),
      ...short.map((a) => h('p', { class: 'warning', testid: 'emergency-short' }, `${shortAddress(a.from)} lacks ${formatEth(a.short)} ${symbol} for its fees: send it that much first, or its last steps will fail.`)),
      ...unmovable.map((u) => h('p', { class: 'warning', testid: 'emergency-unmovable' }, `${shortAddress(u.account)}: ${u.token}${u.tokenId ? ` #${u.tokenId}` : ''} cannot be moved (${u.reason}).`)),
      ...planCheck(preview, status.network, nameOf, stepOf),
      ...heldElsewhere(elsewhere),
      form({ submit: startButton, error, work: async () => {
        await call('emergencyStart', { password: password.value });
        password.value = '';
        progress();
      } }, password, error, startButton),
    );
  }

  /** Live progress from the stored record, until the move is done. */
  async function progress() {
    const list = h('ol', {});
    const head = h('p', { testid: 'emergency-progress-text' }, 'Moving…');
    show(h('header', {}, h('h1', {}, 'Moving everything')), h('section', { testid: 'emergency-progress' }, head, list), error,
      h('p', { class: 'muted small' }, 'You can close this window: the move goes on, and after a restart it goes on once the wallet is unlocked.'));
    const tick = async () => {
      let move;
      try {
        move = await call('emergencyStatus');
      } catch (e) {
        error.set(`Keystead could not read the move’s progress: ${explain(e)}`);
      }
      if (move?.plan) {
        const steps = move.plan.steps;
        list.replaceChildren(...steps.map((s) => h('li', { testid: 'emergency-step', 'data-kind': s.kind, 'data-state': s.state, 'data-hash': s.hash ?? '' }, `${stepText(s, symbol)}: ${STATE_TEXT[s.state]}${s.note ? ` (${s.note})` : ''}`)));
        const final = steps.filter((s) => ['confirmed', 'failed', 'skipped'].includes(s.state)).length;
        head.textContent = `${final} of ${steps.length} steps done.`;
        head.dataset.done = String(final);
      }
      if (move?.state === 'done') return done(move);
      timer = setTimeout(tick, POLL_MS);
    };
    tick();
  }

  /** The end: the new phrase is the wallet's; the report file. */
  function done(move) {
    stop();
    const failed = move.plan.steps.filter((s) => s.state === 'failed');
    const report = h('button', { class: 'primary', testid: 'emergency-report' }, 'Save the report');
    report.onclick = () => busy(report, error, async () => {
      const { name, text } = await call('emergencyReport');
      saveTextFile(name, text);
    });
    show(h('header', {}, h('h1', {}, 'Moved')),
      h('section', { testid: 'emergency-done', 'data-failed': String(failed.length) },
        h('p', {}, `Finished ${formatDate(move.finishedAt)}. The new phrase is now this wallet’s; the old one is kept aside, marked compromised: never use it again.`),
        ...failed.map((s) => h('p', { class: 'warning' }, `Not done: ${stepText(s, symbol)} (${s.note ?? 'the transaction failed'}).`)),
        report),
      error,
      h('button', { testid: 'emergency-home', onclick: () => refresh() }, 'Home'),
      h('button', { testid: 'emergency-again', onclick: () => go('emergency', { again: true }) }, 'Move this wallet again'));
  }

  call('emergencyStatus').then((move) => {
    if (move?.state === 'running') return progress();
    if (move?.state === 'confirming') return params?.confirmed ? plan() : reconfirm();
    if (move?.state === 'done' && !params?.again) return done(move);
    return intro();
  }, (e) => {
    show(h('header', {}, h('h1', {}, 'Move everything to a new phrase'), back), error);
    error.set(`Keystead could not read the move: ${explain(e)}`);
  });
}
