/**
 * Runs only for paths that contain a `%` (see `config.matcher`): a path whose percent-encoding
 * does not decode (`/api_v3/service/%E0%A4%A/...`) would otherwise fail inside Next's router with
 * its own plain "Internal Server Error". Such a segment is taken literally instead (its `%`
 * escaped as `%25`), so the sandbox answers with a Kaltura error and a page with its 404.
 *
 * The matcher is narrow on purpose: Next buffers the body of every request a proxy sees (and cuts
 * it at 10 MB), which upload chunks must never go through.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { decodablePath } from '@/lib/server/path';

export function proxy(request: NextRequest): NextResponse {
  const raw = request.nextUrl.pathname;
  const fixed = decodablePath(raw);
  if (fixed === raw) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = fixed;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ['/(.*%.*)'] };
