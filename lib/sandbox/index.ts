/**
 * The built-in Kaltura sandbox. One instance per server process (kept on globalThis so that every
 * route module shares it), created at the first request, following the API description the
 * server gives it (the console's: RECIPES_API, else the built-in one; see app/api_v3).
 */
import type { ApiDescription } from '../api/types';
import { readSettings } from './config';
import { SandboxCore } from './core';
import { SandboxHttp } from './http';

export { readSettings } from './config';
export { SandboxCore } from './core';
export { SandboxHttp, CORS_HEADERS } from './http';
export { KalturaApiError } from './errors';

const KEY = Symbol.for('recipe-console.sandbox');
type Holder = { [KEY]?: SandboxHttp };

/** The process's sandbox, following `desc` when given (the built-in description otherwise). */
export function getSandbox(desc?: ApiDescription): SandboxHttp {
  const g = globalThis as Holder;
  g[KEY] ??= new SandboxHttp(new SandboxCore(readSettings(), desc));
  if (desc) g[KEY].core.useDescription(desc);
  return g[KEY];
}

/** Handles one request of the `/api_v3/...` route, with the server's API description. */
export async function handleSandboxRequest(request: Request, desc?: ApiDescription): Promise<Response> {
  let sandbox: SandboxHttp;
  try {
    sandbox = getSandbox(desc);
  } catch (e) {
    console.error('[sandbox] could not start:', (e as Error)?.message ?? e);
    const body = JSON.stringify({
      code: 'INTERNAL_SERVERL_ERROR',
      message: 'Internal server error occurred',
      objectType: 'KalturaAPIException',
      args: {},
    });
    return new Response(body, { headers: { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*' } });
  }
  return sandbox.handle(request);
}
