// `make bench`: bundles the bench page, serves it, runs it in headless Chromium (Playwright, the
// system /usr/bin/chromium), then runs the same suite under Node, and prints one table per run
// plus the .wasm size and the extension rows. Options (environment):
//   BENCH_ONLY=vault,seed,derive,sign   run only these groups
//   BENCH_NODE=0                        skip the Node run
//   BENCH_EXTENSION=0                   skip the extension rows (bench/extension.mjs and
//                                       bench/wallet-scale.mjs and bench/subscriptions.mjs; they
//                                       build dist/ and need 127.0.0.1:8545, :8546 and :8547 free
//                                       for anvil)
//   BENCH_SCALE=0                       skip only the rows of bench/wallet-scale.mjs (home with 100
//                                       accounts and 50 tokens, Activity with 1,000 entries)
// Writes the rows as JSON to target/bench/results.json.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';
import { chromium } from 'playwright-core';
import config from './webpack.config.js';
import { serve } from './serve.mjs';
import { runInNode } from './node.mjs';
import * as extension from './extension.mjs';
import * as scale from './wallet-scale.mjs';
import * as subscriptions from './subscriptions.mjs';

const root = path.resolve(import.meta.dirname, '..');
const only = process.env.BENCH_ONLY || null;

function bundle() {
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err || stats.hasErrors()) reject(err ?? new Error(stats.toString('errors-only')));
      else resolve();
    }),
  );
}

async function runInChromium() {
  const server = await serve(root);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (m) => console.log(`  [page] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`  [page error] ${e.message}`));
    await page.goto(`${server.url}/bench/page.html${only ? `?only=${only}` : ''}`);
    const rows = await page.evaluate(() => window.benchResults);
    return { rows, version: browser.version() };
  } finally {
    await browser.close();
    server.close();
  }
}

// ---- the table ---------------------------------------------------------------------------
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/** Keystead's reference variant, the fastest peer, their ratio and whether the target holds. */
export function verdict({ ms, target }) {
  const names = Object.keys(ms);
  if (names.length === 1) {
    // A row without peers (the extension's timings): an absolute target in milliseconds.
    const value = ms[names[0]];
    return target?.underMs
      ? { keystead: names[0], fastest: null, ratio: null, met: value < target.underMs, want: `< ${target.underMs} ms median` }
      : { keystead: names[0], fastest: null, ratio: null, met: null, want: '' };
  }
  const keystead = names.find((n) => n.startsWith('keystead'));
  const peers = names.filter((n) => !n.startsWith('keystead'));
  const fastest = peers.reduce((a, b) => (ms[b] < ms[a] ? b : a));
  const ratio = ms[keystead] / ms[fastest];
  let met = null;
  let want = '';
  if (target?.fasterBy) {
    met = ratio <= 1 / target.fasterBy;
    want = `≥ ${target.fasterBy}× faster than the fastest peer`;
  } else if (target?.noSlowerThan) {
    met = ratio <= target.noSlowerThan;
    want = `≤ ${target.noSlowerThan}× the peer`;
  }
  return { keystead, fastest, ratio, met, want };
}

function table(title, rows) {
  const lines = [`\n${title}`];
  const w = [44, 34, 10, 14];
  const line = (cells) => lines.push('  ' + cells.map((c, i) => String(c).padEnd(w[i] ?? 0)).join(' ').trimEnd());
  line(['operation', 'implementation', 'median ms', 'Keystead/this']);
  line(['-'.repeat(43), '-'.repeat(33), '-'.repeat(9), '-'.repeat(13)]);
  for (const row of rows) {
    const v = verdict(row);
    Object.entries(row.ms).forEach(([name, ms], i) => {
      const ratio = name === v.keystead ? '' : (row.ms[v.keystead] / ms).toFixed(2);
      line([i === 0 ? row.op : '', name, fmt(ms), ratio]);
    });
    const target = v.met === null ? 'no target' : `target ${v.want}: ${v.met ? 'MET' : 'MISSED'}`;
    if (v.fastest === null) {
      const spread = row.samples ? `samples ${Math.min(...row.samples).toFixed(1)}–${Math.max(...row.samples).toFixed(1)} ms; ` : '';
      line(['', `→ ${spread}${target}`]);
    } else {
      line(['', `→ vs fastest (${v.fastest}): ${v.ratio.toFixed(2)}; ${target}`]);
    }
  }
  return lines.join('\n');
}

function versions() {
  const pkgs = ['@metamask/browser-passworder', '@metamask/eth-sig-util', '@metamask/key-tree',
    '@noble/curves', '@noble/hashes', '@scure/bip32', '@scure/bip39', 'viem', 'ethers', 'binaryen'];
  return pkgs.map((p) => `${p} ${JSON.parse(readFileSync(path.join(root, 'node_modules', p, 'package.json'))).version}`);
}

function size() {
  // The same measure as `make size` (gzip -9).
  const file = path.join(root, 'pkg/keystead_bg.wasm');
  const wasm = readFileSync(file);
  const gz = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 26 }).length;
  return { raw: wasm.length, gz, met: gz <= 150 * 1024 };
}

// ---- main --------------------------------------------------------------------------------
console.log('bench: bundling the page (webpack)');
await bundle();
console.log('bench: Chromium run');
const browser = await runInChromium();
let extensionRows = null;
if (process.env.BENCH_EXTENSION !== '0') {
  console.log('bench: extension run (dist/, anvil on 127.0.0.1:8545, demo dApp)');
  extension.buildExtension();
  extensionRows = await extension.run({ log: (m) => console.log(`  ${m}`) });
  if (process.env.BENCH_SCALE !== '0') {
    console.log(`bench: popup at scale (${scale.ACCOUNTS} accounts, ${scale.TOKENS} tokens, ${scale.ENTRIES} Activity entries)`);
    extensionRows.push(...await scale.run({ log: (m) => console.log(`  ${m}`) }));
  }
  console.log('bench: logs subscriptions (anvil behind a counting proxy on 127.0.0.1:8545)');
  extensionRows.push(...await subscriptions.run({ log: (m) => console.log(`  ${m}`) }));
}
let node = null;
if (process.env.BENCH_NODE !== '0') {
  console.log('bench: Node run');
  node = await runInNode({ only, log: (m) => console.log(`  ${m}`) });
}
const s = size();
const env = {
  date: new Date().toISOString().slice(0, 10),
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${os.platform()}`,
  chromium: browser.version,
  node: process.version,
  libraries: versions(),
};

console.log(`\n${env.date}; ${env.machine}; Chromium ${env.chromium}; Node ${env.node}`);
console.log(`libraries: ${env.libraries.join(', ')}`);
console.log(table(`Chromium ${env.chromium} (headless), median of ≥ 5 after warm-up`, [...browser.rows, ...(extensionRows ?? [])]));
if (node) console.log(table(`Node ${env.node}`, node));
console.log(`\nsize: pkg/keystead_bg.wasm ${s.raw} bytes raw, ${s.gz} bytes gzipped (${(s.gz / 1024).toFixed(1)} KB); ` +
  `target ≤ 150 KB gzipped: ${s.met ? 'MET' : 'MISSED'}`);
if (!extensionRows) console.log('extension rows skipped (BENCH_EXTENSION=0)');

mkdirSync(path.join(root, 'target/bench'), { recursive: true });
writeFileSync(path.join(root, 'target/bench/results.json'), JSON.stringify({ env, size: s, browser: browser.rows, extension: extensionRows, node }, null, 2));
