// The benchmark groups, in the order they run. Each module exports `name` and
// `run({ core })` → rows `{ op, ms: { 'keystead…': median, peer: median, … }, target, reps }`.
// The extension's timings (extension.mjs) need the unpacked extension and anvil, so run.mjs
// runs them itself, outside the page.
import * as vault from './vault.mjs';
import * as seed from './seed.mjs';
import * as derive from './derive.mjs';
import * as sign from './sign.mjs';

export const groups = [vault, seed, derive, sign];

/** Runs every group (or those named in the comma-separated `only`) against the loaded core. */
export async function runAll(core, { only, log = () => {} } = {}) {
  const wanted = only ? only.split(',') : null;
  const rows = [];
  for (const group of groups) {
    if (wanted && !wanted.includes(group.name)) continue;
    log(`bench: ${group.name}`);
    rows.push(...(await group.run({ core })));
  }
  return rows;
}
