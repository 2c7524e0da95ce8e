/**
 * A dApp page written with @wagmi/core (createConfig, the injected connector over
 * window.ethereum) that sends EIP-5792 batches as wagmi apps do: sendCalls (viem's
 * wallet_sendCalls, atomicRequired false unless forceAtomic), getCallsStatus,
 * waitForCallsStatus, getCapabilities and showCallsStatus. For the end-to-end tests it exposes
 * `window.libraryPage = { ready, heard, connect(), sendCalls(calls, { forceAtomic }),
 * getCallsStatus(id), waitForCallsStatus(id), getCapabilities(), showCallsStatus(id) }`, where a
 * call is `{ to, value? }` (wei as a decimal string) or `{ token, to, amount }` (an ERC-20
 * transfer), and every answer is plain JSON (bigints as decimal strings), or `{ error: { name,
 * code, message } }`.
 */
import { createConfig, connect, sendCalls, getCallsStatus, waitForCallsStatus, getCapabilities, showCallsStatus, injected } from '@wagmi/core';
import { custom, erc20Abi } from 'viem';
import { foundry } from 'viem/chains';
import { record } from './record.js';

const config = createConfig({
  chains: [foundry],
  connectors: [injected()],
  multiInjectedProviderDiscovery: false,
  transports: { [foundry.id]: custom(window.ethereum) },
});

/** JSON-safe: bigints as decimal strings. */
const plain = (value) => (value === undefined ? null : JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v))));

/** `work()`'s answer as plain JSON, or the error it threw; recorded either way. */
async function run(kind, work) {
  try {
    const result = plain(await work());
    record({ kind, result });
    return result;
  } catch (e) {
    const cause = e.walk?.((c) => typeof c?.code === 'number') ?? e;
    const error = { name: e.name, code: cause?.code ?? e.code, message: e.shortMessage ?? e.message };
    record({ kind, error });
    return { error };
  }
}

const toCall = (c) => (c.token
  ? { to: c.token, abi: erc20Abi, functionName: 'transfer', args: [c.to, BigInt(c.amount)] }
  : { to: c.to, value: BigInt(c.value ?? 0) });

window.libraryPage = Object.freeze({
  ready: true,
  heard: [],
  connect: () => run('connect', () => connect(config, { connector: config.connectors[0] })),
  sendCalls: (calls, { forceAtomic = false } = {}) => run('sendCalls', () => sendCalls(config, { calls: calls.map(toCall), forceAtomic })),
  getCallsStatus: (id) => run('getCallsStatus', () => getCallsStatus(config, { id })),
  waitForCallsStatus: (id) => run('waitForCallsStatus', () => waitForCallsStatus(config, { id, pollingInterval: 250, timeout: 60_000 })),
  getCapabilities: () => run('getCapabilities', () => getCapabilities(config)),
  showCallsStatus: (id) => run('showCallsStatus', () => showCallsStatus(config, { id })),
});
