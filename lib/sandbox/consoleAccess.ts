/**
 * Who may get the console's own session (`GET /api_v3/sandbox/session`, an ADMIN KS): one small
 * policy, for both modes.
 *
 * By default: only a browser on this machine, on a page of this server, gets a KS of the shared
 * sandbox partner.
 * - The caller must be a loopback address (127.0.0.0/8, ::1). The address comes from the socket,
 *   stamped on the request by the server `npm start` runs (scripts/start.mjs, see peerOf); a server
 *   started some other way (`next start`) cannot tell, and the session is refused.
 * - The `Host` header must be a loopback name (localhost, 127.x.x.x, [::1]) or one listed in
 *   SANDBOX_CONSOLE_HOSTS. A DNS-rebinding page (evil.example resolving to 127.0.0.1) sends its own
 *   name and is refused. The port is not checked: an SSH tunnel may forward another port.
 * - A cross-origin caller is refused too (an `Origin` other than the Host, or
 *   `Sec-Fetch-Site: cross-site`), although it could not read the answer anyway (no CORS header).
 *
 * Public mode (CONSOLE_PUBLIC=1, public.ts): any browser may ask, from anywhere, but it gets a KS
 * of its OWN visitor partner (by its cookie), never of the shared one:
 * - the `Host` must be one the console is published at (CONSOLE_PUBLIC_URL's, SANDBOX_CONSOLE_HOSTS)
 *   when any is set: a DNS-rebinding name is refused;
 * - only a same-origin page may ask: an `Origin` other than the published one (or the Host), a
 *   `Sec-Fetch-Site` other than same-origin/none, or origin "null" is refused, so a page of another
 *   site cannot use a visitor's cookie to get a session of that visitor's partner.
 */

/** Request header in which scripts/start.mjs passes the socket's address: `<token> <address>`. */
export const PEER_HEADER = 'x-recipe-console-peer';
/** globalThis key of the per-process token scripts/start.mjs sets (the header is trusted only with it). */
export const PEER_TOKEN_KEY = Symbol.for('recipe-console.peer-token');

export interface ConsoleAccessRequest {
  /** The caller's IP address, when the server knows it. */
  peer?: string | undefined;
  host?: string | null;
  origin?: string | null;
  fetchSite?: string | null;
}

export interface ConsoleAccessSettings {
  /** Extra allowed Host names, lower case: `name` or `name:port`. */
  consoleHosts: string[];
  /** Public mode: the Host names the console is published at (empty: any), and its public origin. */
  public?: { hosts: string[]; origin?: string | undefined } | undefined;
}

/** Allowed: which partner's session (the shared sandbox partner, or the visitor's own). */
export type ConsoleAccessDecision = { allowed: true; partner: 'shared' | 'visitor' } | { allowed: false; reason: string };

/** The caller's address as stamped by scripts/start.mjs, or undefined when it cannot be trusted. */
export function peerOf(headers: Headers): string | undefined {
  const token = (globalThis as { [PEER_TOKEN_KEY]?: unknown })[PEER_TOKEN_KEY];
  const value = headers.get(PEER_HEADER);
  if (typeof token !== 'string' || token.length < 16 || !value) return undefined;
  const i = value.indexOf(' ');
  if (i < 0 || value.slice(0, i) !== token) return undefined;
  return value.slice(i + 1).trim() || undefined;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  let a = address.trim().toLowerCase();
  if (a.startsWith('::ffff:')) a = a.slice(7);
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  return !!m && m.slice(1).every((x) => Number(x) <= 255);
}

/** `Host` header -> [hostname (lower case, IPv6 in brackets), port or '']; undefined when malformed. */
export function splitHost(host: string): [string, string] | undefined {
  const h = host.trim().toLowerCase();
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/.exec(h);
  return m ? [m[1]!, m[2] ?? ''] : undefined;
}

function isLoopbackName(hostname: string): boolean {
  if (hostname === 'localhost' || hostname === 'localhost.') return true;
  if (hostname.startsWith('[') && hostname.endsWith(']')) return isLoopbackAddress(hostname.slice(1, -1));
  return isLoopbackAddress(hostname);
}

export function consoleSessionDecision(req: ConsoleAccessRequest, settings: ConsoleAccessSettings): ConsoleAccessDecision {
  if (settings.public) return publicDecision(req, settings.public);
  const howToConnect =
    'You can still connect with the sandbox partner ID and admin secret in the connection panel (npm run sandbox:credentials prints them).';
  if (req.peer === undefined) {
    return {
      allowed: false,
      reason: `The server cannot tell where this request comes from (it was not started with "npm start"), so it hands out no console session. ${howToConnect}`,
    };
  }
  if (!isLoopbackAddress(req.peer)) {
    return {
      allowed: false,
      reason: `The console session is handed only to a browser on the machine that runs the server (this request came from ${req.peer}). ${howToConnect}`,
    };
  }
  const host = req.host ? splitHost(req.host) : undefined;
  if (!host)
    return { allowed: false, reason: `The request has no usable Host header. Open the console at http://localhost:PORT. ${howToConnect}` };
  const [name, port] = host;
  const listed = settings.consoleHosts.includes(name) || (port !== '' && settings.consoleHosts.includes(`${name}:${port}`));
  if (!isLoopbackName(name) && !listed) {
    return {
      allowed: false,
      reason: `The console session is handed only to pages opened at localhost or 127.0.0.1, not at "${name}". Open the console at http://localhost${port ? ':' + port : ''}, or add "${name}" to SANDBOX_CONSOLE_HOSTS when you start the server. ${howToConnect}`,
    };
  }
  if (req.fetchSite === 'cross-site') return { allowed: false, reason: 'A page of another site asked for the console session: refused.' };
  if (req.origin && req.origin !== 'null') {
    let originHost: string | undefined;
    try {
      originHost = new URL(req.origin).host.toLowerCase();
    } catch {
      originHost = undefined;
    }
    if (originHost !== req.host!.trim().toLowerCase())
      return { allowed: false, reason: `A page of another origin (${req.origin.slice(0, 100)}) asked for the console session: refused.` };
  } else if (req.origin === 'null') {
    return { allowed: false, reason: 'A sandboxed page (origin "null") asked for the console session: refused.' };
  }
  return { allowed: true, partner: 'shared' };
}

/** Public mode: see the file comment. */
function publicDecision(req: ConsoleAccessRequest, pub: NonNullable<ConsoleAccessSettings['public']>): ConsoleAccessDecision {
  const host = req.host ? splitHost(req.host) : undefined;
  if (!host) return { allowed: false, reason: 'The request has no usable Host header. Open the console at its published address.' };
  const [name, port] = host;
  const hostText = port ? `${name}:${port}` : name;
  if (pub.hosts.length && !pub.hosts.includes(name) && !pub.hosts.includes(hostText)) {
    return {
      allowed: false,
      reason: `This console is published at ${pub.hosts.join(', ')}, not at "${hostText.slice(0, 100)}": open it there.`,
    };
  }
  if (req.fetchSite && req.fetchSite !== 'same-origin' && req.fetchSite !== 'none') {
    return { allowed: false, reason: "Only the console's own pages may ask for a sandbox session: a page of another site asked, refused." };
  }
  if (req.origin === 'null') return { allowed: false, reason: 'A sandboxed page (origin "null") asked for the sandbox session: refused.' };
  if (req.origin) {
    let origin: URL | undefined;
    try {
      origin = new URL(req.origin);
    } catch {
      origin = undefined;
    }
    const same = pub.origin ? origin?.origin === pub.origin : origin?.host.toLowerCase() === hostText;
    if (!same)
      return { allowed: false, reason: `A page of another origin (${req.origin.slice(0, 100)}) asked for the sandbox session: refused.` };
  }
  return { allowed: true, partner: 'visitor' };
}
