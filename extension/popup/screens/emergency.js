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
import { t, tn, formatNumber } from '../../shared/i18n.js';

const POLL_MS = 700;
// The words of each kind of step and state: emergency_kind_{delegation,token,nft,revoke,eth},
// emergency_state_{planned,signed,sent,confirmed,failed,skipped}.
const kindText = (kind) => t(`emergency_kind_${kind}`);
const stateText = (state) => t(`emergency_state_${state}`);

/** One line of the plan or the progress: what the step does. */
function stepText(s, symbol) {
  const what = s.kind === 'token' ? t('emergency_what_token', { amount: formatNumber(s.amount), token: s.symbol ?? s.token })
    : s.kind === 'nft' ? `${s.symbol ?? s.token} #${s.tokenId}${s.standard === 'erc1155' ? ` × ${formatNumber(s.amount)}` : ''}`
      : s.kind === 'revoke' ? `${s.symbol ?? s.token} → ${shortAddress(s.spender)}${s.tokenId ? ` (#${s.tokenId})` : ''}`
        : s.kind === 'delegation' ? t('emergency_what_delegation', { address: shortAddress(s.delegate) })
          : t('emergency_what_eth', { amount: `${formatEth(s.estimate ?? '0')} ${symbol}` });
  return t('emergency_step', { kind: kindText(s.kind), account: shortAddress(s.account), what });
}

const stepItem = (s, symbol) => h('li', { testid: 'emergency-plan-step', 'data-kind': s.kind, 'data-id': s.id, 'data-account': s.account, 'data-estimate': s.estimate }, stepText(s, symbol), ` — ${t('emergency_step_fee', { amount: `${formatEth(s.fee)} ${symbol}` })}`);

export function emergencyScreen({ status, params, go, refresh }) {
  const symbol = status.network.symbol;
  const nameOf = accountNames(status.accounts ?? []);
  const error = errorLine('emergency-error');
  const back = h('button', { testid: 'emergency-back', onclick: () => refresh() }, t('common_back'));
  let timer = null;
  const stop = () => { if (timer) clearTimeout(timer); timer = null; };
  window.addEventListener('pagehide', stop, { once: true });

  /** Start: what the move does, then the password to make the new phrase. */
  function intro() {
    const password = secretInput({ testid: 'emergency-password', placeholder: t('emergency_password') });
    const begin = h('button', { class: 'primary', testid: 'emergency-begin', type: 'submit' }, t('emergency_begin'));
    show(
      h('header', {}, h('h1', {}, t('emergency_title')), back),
      h('p', {}, t('emergency_intro', { network: status.network.name })),
      h('p', {}, t('emergency_intro_first')),
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
    const password = secretInput({ testid: 'emergency-password', placeholder: t('emergency_password') });
    const again = h('button', { class: 'primary', testid: 'emergency-phrase-again', type: 'submit' }, t('emergency_phrase_again'));
    const leave = h('button', { testid: 'emergency-abandon' }, t('emergency_abandon'));
    leave.onclick = () => busy(leave, error, async () => { await call('emergencyAbandon'); refresh(); });
    show(h('header', {}, h('h1', {}, t('emergency_reconfirm_title')), back),
      h('p', {}, t('emergency_reconfirm')),
      form({ submit: again, error, work: async () => {
        const { words } = await call('emergencyPhrase', { password: password.value });
        password.value = '';
        go('backup-phrase', { words, emergency: true });
      } }, password, error, again), leave);
  }

  /** The plan: every step with its fee, the total, what cannot move; start on the password. */
  async function plan() {
    show(h('header', {}, h('h1', {}, t('emergency_plan_title')), back), h('p', { class: 'muted', testid: 'emergency-planning' }, t('emergency_planning')), error);
    let built;
    try {
      built = await call('emergencyPlan');
    } catch (e) {
      error.set(t('emergency_plan_failed', { reason: explain(e) }));
      return;
    }
    const { plan: p, unmovable, preview, elsewhere } = built;
    const stepOf = (id) => { const s = p.steps.find((x) => x.id === id); return s ? stepText(s, symbol) : id; };
    const password = secretInput({ testid: 'emergency-start-password', placeholder: t('emergency_password') });
    const startButton = h('button', { class: 'primary', testid: 'emergency-start', type: 'submit' }, tn('emergency_start', p.steps.length));
    const short = p.accounts.filter((a) => a.short);
    show(
      h('header', {}, h('h1', {}, t('emergency_plan_title')), back),
      h('p', {}, tn('emergency_plan_about', p.steps.length)),
      h('ol', { testid: 'emergency-plan' }, ...p.steps.map((s) => stepItem(s, symbol))),
      h('p', { testid: 'emergency-total-fee', 'data-wei': p.totalFee }, t('emergency_total_fee', { amount: `${formatEth(p.totalFee)} ${symbol}` })),
      ...short.map((a) => h('p', { class: 'warning', testid: 'emergency-short' }, t('emergency_short', { account: shortAddress(a.from), amount: `${formatEth(a.short)} ${symbol}` }))),
      ...unmovable.map((u) => h('p', { class: 'warning', testid: 'emergency-unmovable' }, t('emergency_unmovable', { account: shortAddress(u.account), asset: `${u.token}${u.tokenId ? ` #${u.tokenId}` : ''}`, reason: u.reasonKey ? t(u.reasonKey) : u.reason }))),
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
    const head = h('p', { testid: 'emergency-progress-text' }, t('emergency_moving'));
    show(h('header', {}, h('h1', {}, t('emergency_moving_title'))), h('section', { testid: 'emergency-progress' }, head, list), error,
      h('p', { class: 'muted small' }, t('emergency_can_close')));
    const tick = async () => {
      let move;
      try {
        move = await call('emergencyStatus');
      } catch (e) {
        error.set(t('emergency_progress_failed', { reason: explain(e) }));
      }
      if (move?.plan) {
        const steps = move.plan.steps;
        list.replaceChildren(...steps.map((s) => h('li', { testid: 'emergency-step', 'data-kind': s.kind, 'data-state': s.state, 'data-hash': s.hash ?? '' }, `${stepText(s, symbol)}: ${stateText(s.state)}${s.note ? ` (${s.note})` : ''}`)));
        const final = steps.filter((s) => ['confirmed', 'failed', 'skipped'].includes(s.state)).length;
        head.textContent = tn('emergency_progress', steps.length, { done: formatNumber(final) });
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
    const report = h('button', { class: 'primary', testid: 'emergency-report' }, t('emergency_report'));
    report.onclick = () => busy(report, error, async () => {
      const { name, text } = await call('emergencyReport');
      saveTextFile(name, text);
    });
    show(h('header', {}, h('h1', {}, t('emergency_done_title'))),
      h('section', { testid: 'emergency-done', 'data-failed': String(failed.length) },
        h('p', {}, t('emergency_done', { date: formatDate(move.finishedAt) })),
        ...failed.map((s) => h('p', { class: 'warning' }, t('emergency_not_done', { step: stepText(s, symbol), reason: s.note ?? t('emergency_tx_failed') }))),
        report),
      error,
      h('button', { testid: 'emergency-home', onclick: () => refresh() }, t('emergency_home')),
      h('button', { testid: 'emergency-again', onclick: () => go('emergency', { again: true }) }, t('emergency_again')));
  }

  call('emergencyStatus').then((move) => {
    if (move?.state === 'running') return progress();
    if (move?.state === 'confirming') return params?.confirmed ? plan() : reconfirm();
    if (move?.state === 'done' && !params?.again) return done(move);
    return intro();
  }, (e) => {
    show(h('header', {}, h('h1', {}, t('emergency_title')), back), error);
    error.set(t('emergency_read_failed', { reason: explain(e) }));
  });
}
