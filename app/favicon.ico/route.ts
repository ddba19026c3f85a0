/**
 * Browsers ask for /favicon.ico on their own (Chromium does on the 404 page, before it reads the
 * page's <link rel="icon">). Answer with the same SVG as app/icon.svg instead of a 404, so no
 * page logs a failed resource. Rendered once at build time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const dynamic = 'force-static';

export function GET(): Response {
  const svg = readFileSync(join(process.cwd(), 'app/icon.svg'));
  return new Response(svg, {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400' },
  });
}
