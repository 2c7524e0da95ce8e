// What logs subscriptions cost the node (the shared block poller, extension/background/wallet/
// block-poller.js): anvil runs on 127.0.0.1:8546 behind a counting proxy on 127.0.0.1:8545 (the
// built-in network's URL), so every JSON-RPC call the worker makes is counted by method. First one
// page, then twenty pages (tabs of a site) each hold an eth_subscribe("logs") for an
// OpenZeppelin ERC-20's Transfers; for each of BLOCKS transfers (one block each) the runner waits
// until every page got the log, and the rows are the node requests per block: twenty pages
// against one (target: no more than 1.5×), and eth_getLogs per block with twenty pages (target
// 1). Not a timing: the "median ms" column holds the count. `make bench` runs it after the
// extension rows; alone (dist/ built): `node bench/subscriptions.mjs`.
import { createServer, request as httpRequest } from 'node:http';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';

const PROXY_PORT = 8545; // the built-in network's RPC URL
const ANVIL_PORT = 8546;
const BLOCKS = 10;
const PAGES = 20;

const PAGE = `<!doctype html><meta charset="utf-8"><title>subscriber</title>
<script>
  window.logs = 0;
  window.ethereum.on('message', (m) => { if (m.type === 'eth_subscription') window.logs += 1; });
</script><p>subscriber</p>`;

/** A proxy to anvil that counts the JSON-RPC methods of each POST. */
async function countingProxy() {
  const counts = new Map();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    if (req.method === 'POST') {
      try {
        const json = JSON.parse(body.toString());
        for (const call of Array.isArray(json) ? json : [json]) counts.set(call.method, (counts.get(call.method) ?? 0) + 1);
      } catch {
        // not JSON: anvil answers it
      }
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: ANVIL_PORT, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  });
  server.listen(PROXY_PORT, '127.0.0.1');
  await once(server, 'listening');
  return { counts, reset: () => counts.clear(), stop: () => { server.closeAllConnections(); server.close(); } };
}

const total = (counts) => [...counts.values()].reduce((a, b) => a + b, 0);

/** Runs the subscription rows; returns rows for bench/run.mjs's table. */
export async function run({ log = () => {} } = {}) {
  const harness = await import('../tests/e2e/harness.mjs');
  const { deployToken, sendToken } = await import('../tests/e2e/erc20.mjs');
  const chain = await harness.startAnvil(ANVIL_PORT, 31337);
  const proxy = await countingProxy();
  const site = await harness.startSite({ '/': PAGE });
  const browser = await harness.launch();
  try {
    const token = await deployToken(chain);
    const pages = [];
    const open = async () => {
      const page = await browser.context.newPage();
      await page.goto(`${site.origin}/`);
      await page.waitForFunction(() => window.ethereum?.isConnected());
      await page.evaluate((address) => window.ethereum.request({ method: 'eth_subscribe', params: ['logs', { address }] }), token);
      pages.push(page);
    };
    /** Requests per block while BLOCKS transfers are mined, each heard by every page. */
    const measure = async () => {
      const before = await Promise.all(pages.map((p) => p.evaluate(() => window.logs)));
      proxy.reset();
      for (let i = 1; i <= BLOCKS; i++) {
        await sendToken(chain, token, '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', 1n);
        await Promise.all(pages.map((p, n) => p.waitForFunction((want) => window.logs >= want, before[n] + i)));
      }
      // The runner's own calls (it sends through anvil directly, not the proxy) are not counted.
      const counts = new Map(proxy.counts);
      return { all: total(counts) / BLOCKS, getLogs: (counts.get('eth_getLogs') ?? 0) / BLOCKS, counts };
    };
    await open();
    const one = await measure();
    while (pages.length < PAGES) await open();
    const twenty = await measure();
    const show = (m) => [...m.counts].map(([k, v]) => `${k} ${v}`).join(', ');
    log(`1 page: ${one.all.toFixed(2)} node requests per block (${show(one)}); ${PAGES} pages: ${twenty.all.toFixed(2)} (${show(twenty)})`);
    return [
      {
        op: `${PAGES} pages × logs subscription: node requests per block`,
        ms: { 'keystead, 20 pages': twenty.all, 'one page': one.all },
        unit: 'requests',
        target: { noSlowerThan: 1.5 },
      },
      { op: `${PAGES} pages × logs subscription: eth_getLogs per block (target 1)`, ms: { keystead: twenty.getLogs }, unit: 'requests', target: { underMs: 1.5 } },
    ];
  } finally {
    await browser.close();
    site.stop();
    proxy.stop();
    chain.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await run({ log: console.log })) console.log(JSON.stringify(row));
}
