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
  /**
   * Set by the sandbox itself when it makes what every Kaltura account has (the partner's default
   * access-control profile): a visitor's quota does not stop it (references.ts).
   */
  accountSetup?: true;
}

export type Action = (ctx: CallContext, args: Record<string, unknown>) => unknown | Promise<unknown>;
