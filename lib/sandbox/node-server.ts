/**
 * The sandbox in-process, behind a plain Node HTTP server (no Next.js): the HTTP edge
 * (`SandboxHttp.handle`, a web Request in, a Response out) adapted to node:http, on a loopback
 * port. Used by `npm run recipes:test` (its default target, on a temporary data folder) and by
 * tests and benchmarks that need a sandbox without a build. Each server has its own SandboxCore
 * (not the process-wide one of `getSandbox`), so several can run side by side.
 *
 * It also measures itself: the time the server was busy (union of the intervals from a request's
 * arrival to the end of its answer), so that callers can tell their own time from the sandbox's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { ApiDescription } from '../description/types';
import type { SandboxSettings } from './config';
import { SandboxCore } from './core';
import { SandboxHttp } from './http';

export interface SandboxServerOptions {
  settings: SandboxSettings;
  /** The API description the sandbox follows (default: the built-in one). */
  api?: ApiDescription;
  /** Loopback only unless told otherwise. */
  host?: string;
  /** 0 (default): any free port. */
  port?: number;
  /** Do not print the sandbox's "ready" line (a caller that reports on stdout says what it runs). */
  quiet?: boolean;
  /** Called for every request once it is answered (method, path without the query, time). */
  onRequest?: (r: { method: string; path: string; ms: number }) => void;
}

export interface SandboxServer {
  /** Base URL without /api_v3, e.g. `http://127.0.0.1:40123`. */
  url: string;
  core: SandboxCore;
  /** Milliseconds during which at least one request was being served. */
  busyMs(): number;
  /** Requests answered so far. */
  requests(): number;
  /** Stops listening, waits for open requests, closes the store. */
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage, base: string): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    // HTTP/2 pseudo-headers never reach node:http/1.1; anything Headers refuses is dropped.
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      /* an invalid header name or value */
    }
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', base), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream) : undefined,
    duplex: 'half',
  } as RequestInit);
}

async function send(res: ServerResponse, r: Response): Promise<void> {
  const headers: Record<string, string> = {};
  r.headers.forEach((v, k) => {
    headers[k] = v;
  });
  res.writeHead(r.status, headers);
  if (!r.body) {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    const body = Readable.fromWeb(r.body as unknown as NodeWebReadableStream);
    body.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => resolve());
    body.pipe(res);
  });
}

export async function startSandboxServer(opts: SandboxServerOptions): Promise<SandboxServer> {
  const host = opts.host ?? '127.0.0.1';
  const core = await SandboxCore.create(opts.settings, opts.api);
  const http = new SandboxHttp(core);
  let busy = 0;
  let open = 0;
  let since = 0;
  let count = 0;
  let base = '';
  const server = createServer((req, res) => {
    const t0 = performance.now();
    if (open++ === 0) since = t0;
    const done = () => {
      const t1 = performance.now();
      if (--open === 0) busy += t1 - since;
      count++;
      opts.onRequest?.({ method: req.method ?? 'GET', path: (req.url ?? '/').split('?')[0]!, ms: t1 - t0 });
    };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      done();
    };
    res.on('close', finish);
    http
      .handle(toRequest(req, base))
      .then((r) => send(res, r))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  base = `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
  if (opts.quiet) {
    // The core announces itself once, at its first request: do it now, silently.
    const log = console.log;
    console.log = () => undefined;
    try {
      core.announce(base);
    } finally {
      console.log = log;
    }
  }
  return {
    url: base,
    core,
    busyMs: () => busy + (open > 0 ? performance.now() - since : 0),
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          core
            .close()
            .catch(() => undefined)
            .finally(resolve);
        });
        server.closeAllConnections?.();
      }),
  };
}
