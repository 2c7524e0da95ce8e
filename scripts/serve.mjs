#!/usr/bin/env node
/**
 * A tiny static file server for the demo dApp (plain Node, no dependencies), bound to
 * 127.0.0.1. GET and HEAD only; a path that resolves outside the served folder (`..`, encoded
 * or not, or a symlink pointing out) is refused.
 *
 *   node scripts/serve.mjs [--dir dist-demo] [--port 5173]
 *
 * From a test: `const server = serve(dir, 0); await once(server, 'listening');`
 * then `server.address().port` is the random port.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const HOST = '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
};

/** The file a URL path names inside `root` (a real path), or null when it lies outside. */
function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    file = fs.realpathSync(file);
  } catch {
    return file.startsWith(root + path.sep) ? file : null; // missing: a 404 if inside
  }
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

function reply(res, status, text) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    reply(res, 405, `${req.method} is not supported: this server only serves files (GET, HEAD).`);
    return;
  }
  const { pathname } = new URL(req.url, 'http://localhost');
  const file = resolveInside(root, pathname);
  if (!file) {
    reply(res, 403, `${pathname} lies outside the served folder.`);
    return;
  }
  fs.stat(file, (error, stat) => {
    if (error || !stat.isFile()) {
      reply(res, 404, `${pathname} was not found in the served folder.`);
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
}

/**
 * Serves `dir` on 127.0.0.1:`port` (0 picks a free port). Returns the http.Server; it is
 * listening once it has emitted 'listening' (errors such as EADDRINUSE come as 'error').
 */
export function serve(dir, port = 5173) {
  const root = fs.realpathSync(path.resolve(dir));
  const server = http.createServer((req, res) => handle(root, req, res));
  server.listen(port, HOST);
  return server;
}

function parseArgs(argv) {
  const options = { dir: 'dist-demo', port: 5173 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--dir' && value) options.dir = value;
    else if (flag === '--port' && /^\d+$/.test(value ?? '') && Number(value) < 65536) options.port = Number(value);
    else throw new Error(`unexpected argument "${flag}${value ? ` ${value}` : ''}"; usage: serve.mjs [--dir DIR] [--port PORT]`);
  }
  return options;
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
    if (!fs.statSync(options.dir).isDirectory()) throw new Error(`${options.dir} is not a folder`);
  } catch (error) {
    console.error(`[serve] ${error.code === 'ENOENT' ? `${options.dir} does not exist; build it first (npx webpack)` : error.message}`);
    process.exit(2);
  }
  const server = serve(options.dir, options.port);
  server.on('listening', () => {
    console.log(`[serve] ${options.dir} at http://${HOST}:${server.address().port}/`);
  });
  server.on('error', (error) => {
    console.error(error.code === 'EADDRINUSE'
      ? `[serve] port ${options.port} on ${HOST} is already in use: stop what runs there or pass --port N.`
      : `[serve] ${error.message}`);
    process.exit(1);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
