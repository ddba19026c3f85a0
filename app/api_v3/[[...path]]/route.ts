/**
 * The built-in Kaltura sandbox at /api_v3/... : a thin adapter to lib/sandbox, which follows the
 * server's API description (RECIPES_API, else the built-in one: lib/server/api.ts). Every method is
 * answered by the sandbox (PUT, DELETE and PATCH as API calls, like POST), so that no request gets
 * Next's plain-text 405 instead of a Kaltura answer.
 */
import { getServerApi } from '@/lib/server/api';
import { handleSandboxRequest } from '@/lib/sandbox';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const { api } = await getServerApi();
  return handleSandboxRequest(request, api);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const DELETE = handle;
export const PATCH = handle;
export const OPTIONS = handle;
export const HEAD = handle;
