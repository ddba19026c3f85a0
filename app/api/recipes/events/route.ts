/**
 * GET /api/recipes/events: server-sent events, one `change` event per added, edited or deleted
 * recipe file (`{"slug": "...", "kind": "add|change|delete"}`), so an open page can reload itself.
 * Only when live reload is on (see lib/server/recipe-watch.ts); otherwise 404.
 */
import { recipesDir } from '@/lib/server/recipes';
import { liveReloadEnabled, watchRecipes } from '@/lib/server/recipe-watch';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Response {
  if (!liveReloadEnabled()) {
    return Response.json({ error: 'Live reload is off on this server (RECIPES_LIVE_RELOAD=1 turns it on).' }, { status: 404 });
  }
  const encoder = new TextEncoder();
  let stop = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send('retry: 1000\n: watching the recipes folder\n\n');
      const unwatch = watchRecipes(recipesDir(), (c) => send(`event: change\ndata: ${JSON.stringify({ slug: c.slug, kind: c.kind })}\n\n`));
      const heartbeat = setInterval(() => send(': ping\n\n'), 25_000);
      stop = () => {
        clearInterval(heartbeat);
        unwatch();
      };
      request.signal.addEventListener('abort', () => {
        stop();
        try {
          controller.close();
        } catch {
          /* closed already */
        }
      });
    },
    cancel() {
      stop();
    },
  });
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
  });
}
