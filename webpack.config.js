// Builds the extension (extension/ + the core in pkg/) into dist/, and the demo dApp into
// dist-demo/. Load dist/ unpacked in Chromium; `make start` serves dist-demo/.
//
// No eval-based source maps (the MV3 CSP forbids eval) and no minification, so that what runs
// in the browser is readable when someone audits the unpacked extension.
import path from 'node:path';
import CopyPlugin from 'copy-webpack-plugin';

const root = import.meta.dirname;
const at = (...p) => path.resolve(root, ...p);

const common = {
  mode: 'production',
  devtool: false,
  optimization: { minimize: false },
  performance: { hints: false },
  // The core is loaded from an explicit URL (core.js), so webpack must not turn wasm-bindgen's
  // default `new URL('keystead_bg.wasm', import.meta.url)` into a second copy of the module.
  module: { parser: { javascript: { url: false } } },
};

// The phrase guard reads the core's word lists (src/*.txt) as text at build time: one copy each.
const wordLists = { test: /\.txt$/, type: 'asset/source' };

const extension = {
  ...common,
  name: 'extension',
  entry: {
    background: at('extension/background/index.js'),
    bridge: at('extension/content/bridge.js'),
    guard: at('extension/content/phrase-guard/guard.js'),
    inpage: at('extension/inpage/provider.js'),
    popup: at('extension/popup/main.js'),
    offscreen: at('extension/offscreen/clipboard.js'),
  },
  module: { ...common.module, rules: [wordLists] },
  output: { path: at('dist'), filename: '[name].js', clean: true },
  plugins: [
    new CopyPlugin({
      patterns: [
        { from: at('extension/manifest.json') },
        { from: at('extension/popup/popup.html') },
        { from: at('extension/popup/popup.css') },
        { from: at('extension/offscreen/offscreen.html') },
        { from: at('extension/icons'), to: 'icons' },
        { from: at('extension/_locales'), to: '_locales' },
        { from: at('pkg/keystead_bg.wasm') },
      ],
    }),
  ],
};

// The demo dApp, and beside it one page per dApp library (demo/libraries/), each used the way
// sites use it over window.ethereum: the end-to-end tests drive them.
const LIBRARY_PAGES = ['ethers', 'viem', 'wagmi'];
const demo = {
  ...common,
  name: 'demo',
  entry: {
    demo: at('demo/main.js'),
    ...Object.fromEntries(LIBRARY_PAGES.map((page) => [`libraries/${page}`, at(`demo/libraries/${page}.js`)])),
  },
  output: { path: at('dist-demo'), filename: '[name].js', clean: true },
  plugins: [new CopyPlugin({
    patterns: [
      { from: at('demo/index.html') },
      ...LIBRARY_PAGES.map((page) => ({ from: at(`demo/libraries/${page}.html`), to: 'libraries/' })),
      { from: at('demo/libraries/page.css'), to: 'libraries/' },
    ],
  })],
};

export default [extension, demo];
