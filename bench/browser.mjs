// The page's entry (bundled by bench/webpack.config.js): loads the core, runs the suite, and
// exposes the rows as the promise `window.benchResults` for the runner to await.
import init, * as core from '../pkg/keystead.js';
import { runAll } from './suite.mjs';

const only = new URLSearchParams(location.search).get('only');
window.benchResults = (async () => {
  await init({ module_or_path: '/pkg/keystead_bg.wasm' });
  return runAll(core, { only, log: (m) => console.log(m) });
})();
