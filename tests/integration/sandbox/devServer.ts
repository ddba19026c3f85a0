/**
 * Development aid only: serves lib/sandbox from a plain Node HTTP server (no Next build), so the
 * sandbox tests can run while the console's build is broken or slow:
 * `SANDBOX_TEST_INPROC=1 npx vitest run tests/integration/sandbox`. The real runs use next start.
 */
import { createServer } from 'node:http';
import { Readable } from 'node:stream';
import { handleSandboxRequest } from '../../../lib/sandbox/index';
import { getServerApi } from '../../../lib/server/api';
import { PEER_HEADER, decodableUrl, installPeerToken } from '../../../scripts/server/edge.mjs';

const port = Number(process.env.PORT || 3999);
const token = installPeerToken();
createServer(async (req, res) => {
  // as scripts/start.mjs does: the caller's address for the console-session policy, a decodable path
  req.headers[PEER_HEADER] = `${token} ${req.socket.remoteAddress ?? ''}`;
  const url = `http://${req.headers.host}${decodableUrl(req.url ?? '/')}`;
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const request = new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream) : undefined,
    duplex: 'half',
  } as RequestInit);
  // as the /api_v3 route does: the server's API description (RECIPES_API, else the built-in one)
  const r = await handleSandboxRequest(request, (await getServerApi()).api);
  res.writeHead(r.status, Object.fromEntries(r.headers));
  if (r.body) Readable.fromWeb(r.body as never).pipe(res);
  else res.end();
}).listen(port, '127.0.0.1');
