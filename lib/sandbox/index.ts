/**
 * The built-in Kaltura sandbox. One instance per server process (kept on globalThis so that every
 * route module shares it), created at the first request.
 */
import { readSettings } from './config';
import { SandboxCore } from './core';
import { SandboxHttp } from './http';

export { readSettings } from './config';
export { SandboxCore } from './core';
export { SandboxHttp, CORS_HEADERS } from './http';
export { KalturaApiError } from './errors';

const KEY = Symbol.for('recipe-console.sandbox');
type Holder = { [KEY]?: SandboxHttp };

export function getSandbox(): SandboxHttp {
  const g = globalThis as Holder;
  g[KEY] ??= new SandboxHttp(new SandboxCore(readSettings()));
  return g[KEY];
}

/** Handles one request of the `/api_v3/...` route. */
export async function handleSandboxRequest(request: Request): Promise<Response> {
  let sandbox: SandboxHttp;
  try {
    sandbox = getSandbox();
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
