#!/usr/bin/env node
// `npm start`: builds the console if there is no build yet, then serves it (and `npm run dev`,
// with --dev: the development server). The console's own HTTP server around Next.js (a custom
// server, same router and build as `next start`), because it must know things `next start`
// cannot tell the app (scripts/server/edge.mjs):
// - where a request comes from: the sandbox hands its console session only to this machine;
// - what to do with a path whose percent-encoding is broken (Next would answer a bare 500);
// - the security headers, with the hashes of the build's inline scripts.
//
// Settings (environment): PORT (3000); HOST, the address to listen on: 127.0.0.1 (this machine
// only) unless set, e.g. HOST=0.0.0.0 to serve the network; CONSOLE_CONNECT_SRC, more sources the
// pages may call (e.g. `http://kaltura.lan:8080`; https: and this server are always allowed);
// NEXT_DIST_DIR (.next); CONSOLE_PUBLIC / CONSOLE_PUBLIC_URL (public mode, lib/sandbox/public.ts).
// All settings: README.md, "Settings". The sandbox's own are in lib/sandbox/README.md.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEdge, parseConnectSrc } from './server/edge.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');
process.env.NEXT_TELEMETRY_DISABLED = '1';
// before Next (and React) load: they pick their production or development code by it
process.env.NODE_ENV = dev ? 'development' : 'production';
const distDir = process.env.NEXT_DIST_DIR || '.next';

if (!dev && !existsSync(join(root, distDir, 'BUILD_ID'))) {
  console.log('No build yet: building the console once (about a minute)...');
  const r = spawnSync(join(root, 'node_modules/.bin/next'), ['build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '127.0.0.1';
const { default: next } = await import('next');
const app = next({ dev, dir: root, hostname: 'localhost', port });
await app.prepare();
const handle = app.getRequestHandler();
const edge = createEdge({ distDir: join(root, distDir), dev, connectSrc: parseConnectSrc(process.env.CONSOLE_CONNECT_SRC) });

const server = createServer((req, res) => {
  edge.prepare(req, res);
  handle(req, res).catch((e) => {
    console.error('[server] request failed:', e?.message ?? e);
    if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
    res.end('Internal Server Error');
  });
});
server.on('clientError', (err, socket) => edge.clientError(err, socket));
if (dev) server.on('upgrade', app.getUpgradeHandler());
server.on('error', (e) => {
  console.error(
    `Could not listen on ${host}:${port}: ${e.message}${e.code === 'EADDRINUSE' ? ` (another program uses port ${port}: PORT=${port + 1} npm start)` : ''}`,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  const shown = host.includes(':') ? `[${host}]` : host;
  const local = ['127.0.0.1', 'localhost', '::1'].includes(host);
  console.log(`Recipe console ${dev ? '(development) ' : ''}at http://localhost:${port}/ (listening on ${shown}:${port})`);
  if (local) console.log('Only this machine can reach it. To serve other machines too: HOST=0.0.0.0 npm start');
  else if (/^(1|true|yes|on)$/i.test(process.env.CONSOLE_PUBLIC ?? '')) {
    console.log(
      `Public mode (CONSOLE_PUBLIC): listening on ${shown}; each visitor's browser gets a sandbox partner of its own ` +
        `(quotas, removed when idle), never the shared one.${process.env.CONSOLE_PUBLIC_URL ? ` Published at ${process.env.CONSOLE_PUBLIC_URL}.` : ' Set CONSOLE_PUBLIC_URL to the address visitors open.'}`,
    );
  } else {
    console.log(
      `WARNING: listening on ${shown}: other machines can reach the console and the sandbox API. ` +
        'The console session (an ADMIN KS) is still handed only to browsers on this machine (CONSOLE_PUBLIC=1 gives each visitor a partner of its own).',
    );
  }
});

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close();
    server.closeAllConnections();
    app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
