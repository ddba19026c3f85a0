/**
 * The built-in Kaltura sandbox. One instance per server process (kept on globalThis so that every
 * route module shares it), created at the first request, following the API description the
 * server gives it (the console's: RECIPES_API, else the built-in one; see app/api_v3).
 */
import type { ApiDescription } from '../description/types';
import { readSettings } from './config';
import { SandboxCore } from './core';
import { SandboxHttp } from './http';

export { readSettings } from './config';
export { SandboxCore } from './core';
export { SandboxHttp, CORS_HEADERS } from './http';
export { KalturaApiError } from './errors';

const KEY = Symbol.for('recipe-console.sandbox');
type Holder = { [KEY]?: Promise<SandboxHttp> | undefined };

/** The process's sandbox, following `desc` when given (the built-in description otherwise); opened at the first call. */
export async function getSandbox(desc?: ApiDescription): Promise<SandboxHttp> {
  const g = globalThis as Holder;
  let pending = g[KEY];
  if (!pending) {
    pending = SandboxCore.create(readSettings(), desc).then((core) => new SandboxHttp(core));
    g[KEY] = pending;
    // a failed start (a database not reachable yet) is tried again at the next request
    pending.catch(() => {
      if (g[KEY] === pending) g[KEY] = undefined;
    });
  }
  const sandbox = await pending;
  if (desc) sandbox.core.useDescription(desc);
  return sandbox;
}

/** The process's sandbox if it was asked for (never starts one): for the health answer. */
export function startedSandbox(): Promise<SandboxHttp> | undefined {
  return (globalThis as Holder)[KEY];
}

/** Handles one request of the `/api_v3/...` route, with the server's API description. */
export async function handleSandboxRequest(request: Request, desc?: ApiDescription): Promise<Response> {
  let sandbox: SandboxHttp;
  try {
    sandbox = await getSandbox(desc);
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
