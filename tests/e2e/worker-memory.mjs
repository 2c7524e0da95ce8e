// Reads the extension service worker's WebAssembly memory from outside, as an attacker with
// DevTools access (CDP) would: attach to the worker target, find every WebAssembly.Memory on
// the heap (Runtime.queryObjects), copy each buffer out in base64 chunks. No hook in the product.

const CHUNK = 1 << 20;

/**
 * A CDP client for the extension's service worker, through a page's CDP session
 * (Target.attachToTarget without flatten: commands and answers travel inside Target messages).
 */
async function attachWorker(browser, page) {
  const cdp = await browser.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!target) throw new Error('the extension has no running service worker to attach to');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${message.error.message} (${message.error.code})`));
    else waiter.resolve(message.result);
  });
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
  });
  const detach = async () => {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
    await cdp.detach();
  };
  return { send, detach };
}

/** Copies of every WebAssembly.Memory buffer in the worker, as Node Buffers. */
export async function readWorkerMemories(browser, page) {
  const worker = await attachWorker(browser, page);
  try {
    await worker.send('Runtime.enable');
    const group = 'memory-scan';
    const proto = await worker.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype', objectGroup: group });
    const { objects } = await worker.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId, objectGroup: group });
    const call = async (functionDeclaration, args) => (await worker.send('Runtime.callFunctionOn', {
      objectId: objects.objectId, functionDeclaration, arguments: args.map((value) => ({ value })), returnByValue: true,
    })).result.value;
    const sizes = await call('function () { return this.map((m) => m.buffer.byteLength); }', []);
    const memories = [];
    for (const [i, size] of sizes.entries()) {
      const parts = [];
      for (let start = 0; start < size; start += CHUNK) {
        const b64 = await call(`function (i, start, len) {
          const bytes = new Uint8Array(this[i].buffer, start, Math.min(len, this[i].buffer.byteLength - start));
          let s = '';
          for (let j = 0; j < bytes.length; j += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(j, j + 0x8000));
          return btoa(s);
        }`, [i, start, CHUNK]);
        parts.push(Buffer.from(b64, 'base64'));
      }
      memories.push(Buffer.concat(parts));
    }
    await worker.send('Runtime.releaseObjectGroup', { objectGroup: group });
    return memories;
  } finally {
    await worker.detach();
  }
}

/** How many times `needle` occurs in `haystack` (overlapping matches counted). */
export function occurrences(haystack, needle) {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

/**
 * `{ [form name]: count }` of every form of `secrets` (`{ name: Buffer }`) found in any of the
 * memories; forms with no match are left out.
 */
export function scan(memories, secrets) {
  const found = {};
  for (const [name, bytes] of Object.entries(secrets)) {
    const count = memories.reduce((sum, memory) => sum + occurrences(memory, bytes), 0);
    if (count > 0) found[name] = count;
  }
  return found;
}
