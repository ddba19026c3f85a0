/**
 * GET /api/health: 200 `{"status":"ok",...}` when the server and its sandbox (storage included)
 * answer, 503 with the reason otherwise (lib/sandbox/health.ts). For load balancers and Docker's
 * HEALTHCHECK; HEAD answers the status alone.
 */
import { health } from '@/lib/sandbox/health';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function answer(request: Request): Promise<Response> {
  const h = await health();
  const status = h.status === 'ok' ? 200 : 503;
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  return new Response(request.method === 'HEAD' ? null : JSON.stringify(h), { status, headers });
}

export const GET = answer;
export const HEAD = answer;
