/** What a service action gets besides its arguments. */
import type { KsData } from './ks';
import type { SandboxCore } from './core';

export interface Session extends KsData {
  ks: string;
}

export interface CallContext {
  core: SandboxCore;
  /** The validated session, when the call carried a KS. */
  session?: Session;
  /** `partnerId` named by the request (for calls without a KS). */
  partnerId?: number;
  /** Base URL of this server as the client reached it, e.g. `http://localhost:3000`. */
  baseUrl: string;
}

export type Action = (ctx: CallContext, args: Record<string, unknown>) => unknown | Promise<unknown>;
