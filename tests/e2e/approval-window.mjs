// Reading approval windows in the end-to-end tests: wait for the window a dApp request opens,
// read what it says (the sentence, the warnings' kinds, the balance-change rows, the decoded
// call's arguments), and check its layout at the window's width (no horizontal scroll, nothing
// past the edge, no label running into its value).

import { msg, LANG } from './harness.mjs';

/** The width approval windows open at (platform/approvals.js). */
export const WINDOW_WIDTH = 380;

/** A promise of the next approval window (a page on popup.html#/approve/…), once its buttons are drawn. */
export async function nextWindow(browser) {
  const page = await browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('#/approve/'), timeout: 60_000 });
  await page.waitForLoadState();
  await page.getByTestId('reject').waitFor();
  return page;
}

/**
 * Sends `method` with `params` from the dApp `page` (window.ethereum) and waits for its window:
 * `{ window, answer }`, `answer` a promise of `{ result }` or `{ code, message }`.
 */
export async function request(browser, page, method, params) {
  const opened = nextWindow(browser);
  const answer = page.evaluate(([m, p]) => window.ethereum.request({ method: m, params: p })
    .then((result) => ({ result }), (e) => ({ code: e.code, message: e.message })), [method, params]);
  const window = await Promise.race([opened, answer.then((a) => { throw new Error(`no window opened: ${JSON.stringify(a)}`); })]);
  return { window, answer };
}

/** Clicks `testid` (approve or reject) in `window` and waits for it to close. */
export async function answer(window, testid) {
  const closed = window.waitForEvent('close');
  await window.getByTestId(testid).click({ noWaitAfter: true }).catch((e) => {
    if (!window.isClosed()) throw e;
  });
  await closed;
}

/**
 * What the window shows: `{ summary, warnings (kinds, sorted), changes ([{ asset, delta,
 * tokenId }]), unavailable (the text or null), args ({ name: text }), text (all of it) }`.
 */
export async function readWindow(window) {
  return window.evaluate(() => {
    const text = (el) => el?.textContent ?? null;
    return {
      summary: text(document.querySelector('[data-testid=approval-summary]')),
      warnings: [...document.querySelectorAll('[data-testid=approval-warning]')].map((el) => el.dataset.kind).sort(),
      warningTexts: [...document.querySelectorAll('[data-testid=approval-warning]')].map((el) => el.textContent),
      changes: [...document.querySelectorAll('[data-testid=balance-change]')].map((el) => ({
        asset: el.dataset.asset, delta: el.dataset.delta, ...(el.dataset.tokenId !== undefined ? { tokenId: el.dataset.tokenId } : {}), text: el.textContent,
      })),
      unavailable: text(document.querySelector('[data-testid=preview-unavailable]')),
      args: Object.fromEntries([...document.querySelectorAll('[data-testid=call-arg]')].map((el) => [el.dataset.name, el.querySelector('dd').textContent])),
      text: document.querySelector('main').innerText,
    };
  });
}

/**
 * The layout problems of `window` at WINDOW_WIDTH: horizontal scroll, text past the window's
 * edge, and a row's label whose text meets its value's. [] when it fits.
 */
export async function layoutProblems(window) {
  await window.setViewportSize({ width: WINDOW_WIDTH, height: 640 });
  return window.evaluate(() => {
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in ${root.clientWidth}`);
    const name = (el) => `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
    const textRects = (el) => {
      const range = document.createRange();
      const rects = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim()) continue;
        range.selectNodeContents(node);
        rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
      }
      return rects;
    };
    const width = root.clientWidth;
    for (const el of document.querySelectorAll('main *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) problems.push(`${name(el)} spans ${Math.round(r.left)}..${Math.round(r.right)} px, past the window's ${width}`);
    }
    for (const r of textRects(document.querySelector('main'))) {
      if (r.right > width + 0.5) problems.push(`text ends at ${Math.round(r.right)} px, past the window's ${width}`);
    }
    const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const row of document.querySelectorAll('.row')) {
      const dt = row.querySelector(':scope > dt');
      const dd = row.querySelector(':scope > dd');
      if (!dt || !dd) continue;
      const labels = textRects(dt);
      const values = [...textRects(dd), ...[...dd.querySelectorAll('*')].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0)];
      if (labels.some((a) => values.some((b) => meets(a, b)))) problems.push(`the label "${dt.textContent}" runs into its value "${dd.textContent.slice(0, 40)}"`);
      if (dt.scrollWidth > dt.clientWidth + 1) problems.push(`the label "${dt.textContent}" is wider than its column`);
    }
    return [...new Set(problems)];
  });
}

/**
 * Approval windows sorted by the origin they are for (approval-origin), for several dApps
 * asking at once: `next(origin)` is a promise of that origin's next window, in opening order.
 */
export function windowsByOrigin(browser) {
  const waiting = new Map(); // origin → [resolve]
  const ready = new Map(); // origin → [window]
  const take = (map, origin) => map.get(origin)?.shift();
  const put = (map, origin, item) => map.set(origin, [...(map.get(origin) ?? []), item]);
  browser.context.on('page', async (page) => {
    if (!page.url().includes('#/approve/')) return;
    await page.getByTestId('reject').waitFor();
    const origin = await page.getByTestId('approval-origin').textContent();
    const resolve = take(waiting, origin);
    if (resolve) resolve(page);
    else put(ready, origin, page);
  });
  return {
    next: (origin) => new Promise((resolve) => {
      const page = take(ready, origin);
      if (page) resolve(page);
      else put(waiting, origin, resolve);
    }),
  };
}

/** A short address (0x1234…abcd) in a sentence, any. */
export const SHORT = /0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}/;


/** "in 3 days" in the run's language (Intl, as the window writes it). */
export const inTime = (n, unit) => new Intl.RelativeTimeFormat(LANG === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'always' }).format(n, unit);

/** A deadline as the window writes it: "2026-12-04 10:23:45 UTC (in 1 hour)"; `date` the UTC date and time. */
export const deadlineText = (date, n, unit) => msg('approve_deadline', { date, relative: inTime(n, unit) });

/** A count as the window writes it in the run's language (shared/i18n.js formatNumber): 3,060 / 3.060. */
export const count = (n) => new Intl.NumberFormat(LANG === 'nl' ? 'nl-NL' : 'en-GB').format(n);
