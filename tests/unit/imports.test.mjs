// The extension's module structure, read from the import statements of extension/**/*.js:
// every relative import names a file that exists, no module reaches itself through its imports
// (no cycles), and the popup's layers only import downwards:
//   api.js (the worker channel) ← ui/ (DOM, formatting) ← components/ ← screens/ ← router.js, main.js
// Screens open each other by name through the router (router.js), so a screen imports no other
// screen; the one exception is listed in SCREEN_IMPORTS_ALLOWED.
// The service worker's folders import only from themselves and the folders below them:
//   platform/ (storage, session, approval windows, clipboard) ← wallet/ (the domain) ←
//   dapp/ (the provider pipeline), popup/ (the popup API tables; neither imports the other) ← index.js
// shared/ imports nothing of the extension outside shared/, and anything may import it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXTENSION = path.join(ROOT, 'extension');
const POPUP = 'extension/popup';

// screens/approve.js shows the unlock form of screens/unlock.js inline; the form moves to
// components/ once the unlock screen's pending changes have landed.
const SCREEN_IMPORTS_ALLOWED = new Set(['extension/popup/screens/approve.js → extension/popup/screens/unlock.js']);

/** The module specifiers of `source`: static imports and re-exports, and import('…') calls. */
export function specifiers(source) {
  const found = [];
  const patterns = [
    /^\s*(?:import|export)\s[^'";]*?\sfrom\s*(['"])([^'"]+)\1/gm, // import x from '…', export { x } from '…'
    /^\s*import\s*(['"])([^'"]+)\1/gm, // import '…'
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g, // import('…')
  ];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[2]);
  return found;
}

/** The cycles of `graph` (Map: node → [nodes]), each as its path [a, b, …, a]. */
export function cycles(graph) {
  const found = [];
  const state = new Map(); // node → 'open' while on the current path, 'done' after
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

/** The popup layer of a repository path (higher imports lower), or null outside the popup. */
export function layer(file) {
  if (!file.startsWith(`${POPUP}/`)) return null;
  const inside = file.slice(POPUP.length + 1);
  if (inside === 'api.js') return 0;
  if (inside.startsWith('ui/')) return 1;
  if (inside.startsWith('components/')) return 2;
  if (inside.startsWith('screens/')) return 3;
  return 4; // router.js, main.js
}

const WORKER = 'extension/background';
const SHARED = 'extension/shared';
const LOCALES = 'extension/_locales';
const WORKER_LAYERS = { platform: 0, wallet: 1, dapp: 2, popup: 2 };

/** The worker layer of a repository path: { rank, folder }; null outside the worker. */
export function workerLayer(file) {
  if (!file.startsWith(`${WORKER}/`)) return null;
  const inside = file.slice(WORKER.length + 1);
  if (inside === 'index.js') return { rank: 3, folder: '' };
  const folder = inside.split('/')[0];
  return { rank: Object.hasOwn(WORKER_LAYERS, folder) && inside.includes('/') ? WORKER_LAYERS[folder] : -1, folder };
}

/**
 * The imports that break the worker's layering or shared/'s independence (shared/ imports only
 * shared/ and the message catalogs in _locales/), as 'from → to'; a
 * worker module outside the four folders and index.js is reported as 'file → (no layer)'.
 */
export function workerViolations(graph) {
  const bad = [];
  for (const [from, targets] of graph) {
    if (from.startsWith(`${SHARED}/`)) {
      for (const to of targets) if (!to.startsWith(`${SHARED}/`) && !to.startsWith(`${LOCALES}/`)) bad.push(`${from} → ${to}`);
      continue;
    }
    const a = workerLayer(from);
    if (a === null) continue;
    if (a.rank < 0) bad.push(`${from} → (no layer)`);
    for (const to of targets) {
      const b = workerLayer(to);
      if (b === null) continue;
      if (b.rank < 0 || b.rank > a.rank || (b.rank === a.rank && b.folder !== a.folder)) bad.push(`${from} → ${to}`);
    }
  }
  return bad;
}

/** The imports of `graph` that break the popup's layering, as 'from → to'. */
export function layerViolations(graph) {
  const bad = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      const [a, b] = [layer(from), layer(to)];
      if (a === null || b === null) continue;
      const edge = `${from} → ${to}`;
      if (b > a || (a === 3 && b === 3 && !SCREEN_IMPORTS_ALLOWED.has(edge))) bad.push(edge);
    }
  }
  return bad;
}

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return jsFiles(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

/** The extension's import graph (repository paths), and the relative imports that name no file. */
function extensionGraph() {
  const graph = new Map();
  const missing = [];
  const rel = (file) => path.relative(ROOT, file).split(path.sep).join('/');
  for (const file of jsFiles(EXTENSION)) {
    const targets = [];
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue; // a package, not part of this graph
      const target = path.resolve(path.dirname(file), spec);
      if (!target.startsWith(EXTENSION + path.sep)) continue; // the built core (pkg/)
      if (existsSync(target)) targets.push(rel(target));
      else missing.push(`${rel(file)} imports ${spec}`);
    }
    graph.set(rel(file), targets);
  }
  return { graph, missing };
}

test('the import parser finds every form of import', () => {
  const source = [
    "import { a } from './a.js';",
    'import {',
    '  b,',
    '  c,',
    "} from '../b.js';",
    "import * as d from \"./d.js\";",
    "import './side-effect.js';",
    "export { e } from './e.js';",
    "export * from './f.js';",
    "const g = await import('./g.js');",
    "// import { no } from './comment-line-is-not-at-statement-start.js' is a comment",
    "const text = 'see ./h.js';",
  ].join('\n');
  assert.deepEqual(specifiers(source).sort(), ['../b.js', './a.js', './d.js', './e.js', './f.js', './g.js', './side-effect.js']);
});

test('the cycle finder finds direct, indirect and self cycles, and passes a DAG', () => {
  assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['a']]])), [['a', 'b', 'a']]);
  assert.deepEqual(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]])), [['a', 'b', 'c', 'a']]);
  assert.deepEqual(cycles(new Map([['a', ['a']]])), [['a', 'a']]);
  assert.deepEqual(cycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), []);
});

test('the layer check refuses upward imports and screen-to-screen imports', () => {
  const p = (f) => `${POPUP}/${f}`;
  const graph = new Map([
    [p('ui/dom.js'), [p('components/gate.js'), p('api.js'), p('ui/format.js')]],
    [p('components/gate.js'), [p('screens/home.js'), p('ui/dom.js'), p('components/account-tag.js')]],
    [p('screens/home.js'), [p('router.js'), p('screens/settings.js'), p('components/gate.js'), 'extension/shared/account-name.js']],
    [p('screens/approve.js'), [p('screens/unlock.js')]],
    [p('api.js'), [p('ui/dom.js')]],
    [p('router.js'), [p('screens/home.js')]],
  ]);
  assert.deepEqual(layerViolations(graph).sort(), [
    `${p('api.js')} → ${p('ui/dom.js')}`,
    `${p('components/gate.js')} → ${p('screens/home.js')}`,
    `${p('screens/home.js')} → ${p('router.js')}`,
    `${p('screens/home.js')} → ${p('screens/settings.js')}`,
    `${p('ui/dom.js')} → ${p('components/gate.js')}`,
  ]);
});

test('the worker layer check refuses upward and sideways imports, and shared/ importing the rest', () => {
  const w = (f) => `${WORKER}/${f}`;
  const graph = new Map([
    [w('platform/store.js'), [w('wallet/core.js'), `${SHARED}/rpc-errors.js`]],
    [w('wallet/core.js'), [w('platform/store.js'), w('wallet/hex.js')]],
    [w('dapp/pipeline.js'), [w('popup/api.js'), w('wallet/core.js')]],
    [w('popup/api.js'), [w('index.js'), w('dapp/methods.js')]],
    [w('index.js'), [w('dapp/pipeline.js'), w('popup/api.js')]],
    [w('stray.js'), []],
    [`${SHARED}/rpc-errors.js`, [w('platform/store.js'), `${SHARED}/page-channel.js`]],
  ]);
  assert.deepEqual(workerViolations(graph).sort(), [
    `${SHARED}/rpc-errors.js → ${w('platform/store.js')}`,
    `${w('dapp/pipeline.js')} → ${w('popup/api.js')}`,
    `${w('platform/store.js')} → ${w('wallet/core.js')}`,
    `${w('popup/api.js')} → ${w('dapp/methods.js')}`,
    `${w('popup/api.js')} → ${w('index.js')}`,
    `${w('stray.js')} → (no layer)`,
  ].sort());
});

test('the worker imports only downwards: platform ← wallet ← dapp, popup ← index.js; shared/ imports only shared/ and the catalogs', () => {
  const { graph } = extensionGraph();
  for (const folder of Object.keys(WORKER_LAYERS)) {
    assert.ok([...graph.keys()].some((f) => f.startsWith(`${WORKER}/${folder}/`)), `${WORKER}/${folder}/ has modules`);
  }
  assert.deepEqual(workerViolations(graph), []);
});

test('only index.js registers Chrome event listeners in the worker', () => {
  const { graph } = extensionGraph();
  const listening = [...graph.keys()].filter((f) => f.startsWith(`${WORKER}/`)
    && /\.on[A-Z]\w*\.addListener\(/.test(readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(listening, [`${WORKER}/index.js`]);
});

test('every relative import within extension/ names a file that exists', () => {
  const { graph, missing } = extensionGraph();
  assert.deepEqual(missing, []);
  // The graph is really read: the popup's entry reaches the router, and the router the screens.
  assert.ok(graph.get(`${POPUP}/main.js`).includes(`${POPUP}/router.js`));
  assert.ok(graph.get(`${POPUP}/router.js`).includes(`${POPUP}/screens/home.js`));
  assert.ok(graph.get('extension/content/bridge.js').includes('extension/shared/page-channel.js')); // a multi-line import
});

test('no module of extension/ imports itself through other modules', () => {
  assert.deepEqual(cycles(extensionGraph().graph).map((c) => c.join(' → ')), []);
});

test('the popup imports only downwards: api ← ui ← components ← screens ← router', () => {
  const { graph } = extensionGraph();
  for (const folder of ['ui', 'components', 'screens']) {
    assert.ok([...graph.keys()].some((f) => f.startsWith(`${POPUP}/${folder}/`)), `${POPUP}/${folder}/ has modules`);
  }
  assert.deepEqual(layerViolations(graph), []);
});

test('every screen the popup opens by name is one the router has', async () => {
  const named = new Set();
  for (const file of jsFiles(path.join(EXTENSION, 'popup'))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\bgo\(\s*'([^']+)'/g)) named.add(match[1]);
    for (const match of source.matchAll(/\bopen\(\s*'([^']+)'/g)) named.add(match[1]);
  }
  const router = readFileSync(path.join(EXTENSION, 'popup/router.js'), 'utf8');
  const byState = /const BY_STATE = \{([^}]*)\}/.exec(router);
  assert.ok(byState, 'router.js maps each wallet state to a screen in BY_STATE');
  for (const match of byState[1].matchAll(/:\s*'([^']+)'/g)) named.add(match[1]);
  const table = /export const SCREENS = Object\.freeze\(\{([^}]*)\}\)/.exec(router);
  assert.ok(table, 'router.js declares its SCREENS table');
  const known = new Set([...table[1].matchAll(/^\s*'?([a-z-]+)'?\s*:/gm)].map((m) => m[1]));
  assert.ok(named.size > 10, `found ${named.size} screen names opened by name`);
  assert.deepEqual([...named].filter((name) => !known.has(name)), []);
});
