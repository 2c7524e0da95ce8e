// The same suite under Node: the core loaded with initSync from pkg/'s bytes.
import { readFileSync } from 'node:fs';
import { initSync } from '../pkg/keystead.js';
import * as core from '../pkg/keystead.js';
import { runAll } from './suite.mjs';

export async function runInNode(options) {
  initSync({ module: readFileSync(new URL('../pkg/keystead_bg.wasm', import.meta.url)) });
  return runAll(core, options);
}
