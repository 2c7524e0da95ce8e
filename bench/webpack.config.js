// Bundles the bench page (bench/browser.mjs + the JS peers) into target/bench/bench.js.
// Not minified (the peers run as published); the core's .wasm is fetched from /pkg/ at runtime.
import path from 'node:path';
import webpack from 'webpack';

const root = path.resolve(import.meta.dirname, '..');

export default {
  mode: 'production',
  devtool: false,
  entry: path.join(root, 'bench/browser.mjs'),
  output: { path: path.join(root, 'target/bench'), filename: 'bench.js' },
  optimization: { minimize: false },
  performance: { hints: false },
  // wasm-bindgen's default `new URL('keystead_bg.wasm', import.meta.url)` is not used (the
  // page passes the URL), so webpack must not emit a copy of the module for it.
  module: { parser: { javascript: { url: false } } },
  // browser-passworder and eth-sig-util use Node's global Buffer.
  plugins: [new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] })],
  // Node-only modules some peers import for features the bench does not use (e.g. micro-ftch,
  // behind @ethereumjs/util's JSON-RPC provider helper).
  resolve: { fallback: Object.fromEntries(['crypto', 'stream', 'http', 'https', 'url', 'util', 'zlib'].map((m) => [m, false])) },
};
