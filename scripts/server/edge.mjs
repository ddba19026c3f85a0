// What the console's own HTTP server (scripts/start.mjs) does to each request before Next.js
// sees it, as plain functions (unit-tested in tests/unit/server/edge.test.ts):
//
// - stamps the socket's address on the request (PEER_HEADER, with a per-process token), the only
//   way the sandbox can tell a caller on this machine from one on the network
//   (lib/sandbox/consoleAccess.ts reads it; a header a client sends is overwritten);
// - makes the path decodable: a segment whose percent-encoding is broken (`%E0%A4%A`, a lone `%`)
//   is taken literally (its `%` escaped as `%25`). Next's router would answer such a path with a
//   bare 500 ("failed to decode param"): it decodes route parameters from the URL as received.
// - sets the security headers: `X-Content-Type-Options: nosniff`, `Referrer-Policy: no-referrer`,
//   and on pages a Content-Security-Policy that runs only the console's own scripts: `'self'` for
//   its files, and Next's inline scripts by their sha256 hashes: read once from the build's HTML
//   for prerendered pages, taken from the HTML itself for any other page (rendered per request, a
//   404, or rendered on demand and cached by Next: a per-request nonce would not match a cached
//   page). See policy() for every directive.
// - answers requests Node's HTTP parser refuses (431 headers too large, 400 malformed) with a
//   Kaltura-shaped JSON error instead of Node's empty answer.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Same values as lib/sandbox/consoleAccess.ts (a unit test keeps them equal). */
export const PEER_HEADER = 'x-recipe-console-peer';
export const PEER_TOKEN_KEY = Symbol.for('recipe-console.peer-token');

/** The Demo iframe's document (app/demo-frame/route.ts): it sets its own policy. */
export const DEMO_FRAME_PATH = '/demo-frame';

/** Makes the per-process token that marks PEER_HEADER as set by this server, visible to the sandbox. */
export function installPeerToken() {
  const token = randomBytes(18).toString('base64url');
  globalThis[PEER_TOKEN_KEY] = token;
  return token;
}

/** A URL path that decodes: each segment whose percent-encoding is broken is kept as literal text. */
export function decodablePath(path) {
  if (!path.includes('%')) return path;
  return path
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replaceAll('%', '%25');
      }
    })
    .join('/');
}

/** The request target with its path made decodable (the query is left as it is). */
export function decodableUrl(url) {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const fixed = decodablePath(path);
  return fixed === path ? url : fixed + (q < 0 ? '' : url.slice(q));
}

/** 'sha256-...' of each inline script of an HTML text (scripts with `src` are files, covered by 'self'). */
export function inlineScriptHashes(html) {
  const out = [];
  const re = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (/\bsrc\s*=/i.test(m[1])) continue;
    out.push(`'sha256-${createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
  }
  return [...new Set(out)];
}

/**
 * The prerendered pages of a build: path -> hashes of their inline scripts. Read once at start from
 * `{distDir}/prerender-manifest.json` and the HTML files next to it (empty for a dev server).
 */
export function loadStaticPages(distDir) {
  const pages = new Map();
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(distDir, 'prerender-manifest.json'), 'utf8'));
  } catch {
    return pages;
  }
  for (const [route, info] of Object.entries(manifest.routes ?? {})) {
    if (info?.routeType && info.routeType !== 'page') continue;
    const file = join(distDir, 'server', 'app', `${route === '/' ? '/index' : route}.html`);
    if (!existsSync(file)) continue;
    pages.set(route, inlineScriptHashes(readFileSync(file, 'utf8')));
  }
  return pages;
}

/** Extra connect-src sources from CONSOLE_CONNECT_SRC (space or comma separated); junk is dropped. */
export function parseConnectSrc(text) {
  return String(text ?? '')
    .split(/[\s,]+/)
    .filter((s) => /^(https?|wss?):\/\/[A-Za-z0-9.\-[\]:*]+(\/[^\s;,'"]*)?$/.test(s));
}

/**
 * The console's Content-Security-Policy. `scripts`: hashes and/or a nonce source: no inline script
 * runs without one, so markup that reached a page could run nothing. 'unsafe-eval' is there for
 * ajv, which compiles JSON Schemas (form validation, the editor's recipe checks) into functions in
 * the browser; it lets no inline script or handler run. connect-src is 'self' plus any https:
 * origin (the connection panel may point the console at any Kaltura endpoint, and a recipe's
 * `openapi` at any description URL) plus CONSOLE_CONNECT_SRC for plain http endpoints other than
 * this server. Styles may be inline (React and the editor set them); nothing may frame the console.
 */
export function policy({ scripts, dev = false, connectSrc = [] }) {
  const script = ["'self'", ...scripts, "'unsafe-eval'"];
  const connect = ["'self'", 'https:', ...connectSrc, ...(dev ? ['ws:', 'wss:'] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "media-src 'self' blob: https:",
    "worker-src 'self' blob:",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Paths that get no page policy: the sandbox API and the console's JSON routes (not pages; the
 * recipe-change event stream must not be held back), the block schemas, and the Demo frame (its
 * own policy).
 */
function isPagePath(pathname) {
  return !(
    pathname === '/api_v3' ||
    pathname.startsWith('/api_v3/') ||
    pathname.startsWith('/api/') ||
    pathname.startsWith('/schemas/') ||
    pathname === DEMO_FRAME_PATH ||
    pathname.startsWith('/_next/static/')
  );
}

/**
 * The security headers of one request. `response`: headers to set on the answer now. When the page
 * is not a prerendered one (rendered per request, a 404, a page rendered on demand and cached by
 * Next with whatever it held then), `hashLater` is true: the policy is made from the page's own
 * HTML when it is complete (see bufferForPolicy), so it allows exactly the inline scripts the page
 * carries, whichever render they come from.
 */
export function securityHeaders(pathname, { staticPages, dev = false, connectSrc = [] }) {
  const response = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
  if (!isPagePath(pathname)) return { response, hashLater: false };
  const known = staticPages.get(pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname);
  if (known && !dev) {
    response['Content-Security-Policy'] = policy({ scripts: known, dev, connectSrc });
    return { response, hashLater: false };
  }
  return { response, hashLater: true };
}

/**
 * Holds back the answer until it is complete; if it is HTML, sets the Content-Security-Policy made
 * from its inline scripts (`makePolicy(html)`), then sends it as it was. Pages are small; other
 * answers on such paths (RSC payloads, JSON) pass unchanged, just not streamed. The request must
 * not ask for compression (the caller removes Accept-Encoding), so the bytes are the HTML.
 */
export function bufferForPolicy(res, makePolicy) {
  const chunks = [];
  let head;
  const orig = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const toBuffer = (chunk, encoding) =>
    chunk === undefined || chunk === null
      ? undefined
      : Buffer.isBuffer(chunk)
        ? chunk
        : typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
          : Buffer.from(chunk);
  res.writeHead = function (status, ...rest) {
    head = [status, ...rest];
    return res;
  };
  res.flushHeaders = function () {};
  res.write = function (chunk, encoding, cb) {
    const b = toBuffer(chunk, encoding);
    if (b) chunks.push(b);
    const done = typeof encoding === 'function' ? encoding : cb;
    if (done) process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, cb) {
    if (typeof chunk === 'function') [chunk, cb] = [undefined, chunk];
    else if (typeof encoding === 'function') [encoding, cb] = [undefined, encoding];
    const b = toBuffer(chunk, encoding);
    if (b) chunks.push(b);
    Object.assign(res, orig);
    const body = Buffer.concat(chunks);
    if (head) {
      // headers given to writeHead go on the answer first, so that the policy below is the last word
      const [status, ...rest] = head;
      const hdrs = typeof rest[0] === 'string' ? rest[1] : rest[0];
      if (hdrs && typeof hdrs === 'object') {
        if (Array.isArray(hdrs)) for (let i = 0; i + 1 < hdrs.length; i += 2) res.setHeader(hdrs[i], hdrs[i + 1]);
        else for (const [k, v] of Object.entries(hdrs)) if (v !== undefined) res.setHeader(k, v);
      }
      res.statusCode = status;
      if (typeof rest[0] === 'string') res.statusMessage = rest[0];
    }
    const type = String(res.getHeader('content-type') ?? '');
    if (/^text\/html/i.test(type) && !res.getHeader('content-encoding'))
      res.setHeader('Content-Security-Policy', makePolicy(body.toString('utf8')));
    return res.end(body, cb);
  };
}

/** A Kaltura-shaped error body for answers Node's parser gives (no request reached Next). */
export function parserErrorAnswer(code) {
  const tooLarge = code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const what = tooLarge
    ? 'request headers (the URL and headers are over 16 KiB: send parameters in the request body, not in the URL)'
    : status === 408
      ? 'request (it took too long to arrive)'
      : 'request (not valid HTTP)';
  const body = JSON.stringify({
    code: 'INVALID_FIELD_VALUE',
    message: `value in field [${what}] is not valid`,
    objectType: 'KalturaAPIException',
    args: { FIELD_NAME: what },
  });
  const reason = tooLarge ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  return (
    `HTTP/1.1 ${status} ${reason}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    'Access-Control-Allow-Origin: *\r\n' +
    'X-Content-Type-Options: nosniff\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  );
}

/**
 * The per-request work, bound to one server's settings: call it first in the request listener.
 * `distDir` is read once (the prerendered pages' script hashes).
 */
export function createEdge({ distDir, dev = false, connectSrc = [] }) {
  const token = installPeerToken();
  const staticPages = dev ? new Map() : loadStaticPages(distDir);
  return {
    staticPages,
    prepare(req, res) {
      req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ''}`;
      if (req.url) req.url = decodableUrl(req.url);
      let pathname = (req.url ?? '/').split('?')[0];
      try {
        pathname = decodeURI(pathname);
      } catch {
        /* decodable by now; keep it raw otherwise */
      }
      // a policy in the request would make Next stamp its nonce on scripts: this server sets policies
      delete req.headers['content-security-policy'];
      const { response, hashLater } = securityHeaders(pathname, { staticPages, dev, connectSrc });
      for (const [k, v] of Object.entries(response)) res.setHeader(k, v);
      if (hashLater && (req.method === 'GET' || req.method === 'HEAD')) {
        delete req.headers['accept-encoding'];
        bufferForPolicy(res, (html) => policy({ scripts: inlineScriptHashes(html), dev, connectSrc }));
      }
    },
    clientError(err, socket) {
      if (err?.code === 'ECONNRESET' || !socket.writable) {
        socket.destroy();
        return;
      }
      socket.end(parserErrorAnswer(err?.code));
    },
  };
}
