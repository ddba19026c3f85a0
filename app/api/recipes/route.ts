/**
 * POST /api/recipes {name, content, overwrite?}: saves a recipe from /author into `recipes/`.
 * Only when the console runs in development mode (`next dev`); otherwise 403, because a deployed
 * console must not let visitors write files.
 */
import { recipesDir } from '@/lib/server/recipes';
import { MAX_RECIPE_BYTES, saveRecipe, savingAllowed } from './save';

export const dynamic = 'force-dynamic';

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

function sameOrigin(origin: string, request: Request): boolean {
  try {
    const o = new URL(origin);
    return o.origin === new URL(request.url).origin || o.host === request.headers.get('host');
  } catch {
    return false;
  }
}

export async function POST(request: Request): Promise<Response> {
  if (!savingAllowed()) {
    return json(403, {
      error:
        'Saving into recipes/ works only in development mode (npm run dev) or with RECIPES_ALLOW_SAVE=1. Use "Download .md" and put the file in recipes/ yourself.',
    });
  }
  // Only the console's own pages may save (a page on another site must not write files here).
  const origin = request.headers.get('origin');
  if (origin && !sameOrigin(origin, request)) {
    return json(403, { error: "Saving is only allowed from the console's own /author page." });
  }
  const type = request.headers.get('content-type') ?? '';
  if (!type.includes('application/json'))
    return json(415, { error: 'Send the recipe as JSON: {"name": "my-recipe.md", "content": "..."}.' });
  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_RECIPE_BYTES * 2)
    return json(413, { error: `The request is too large: recipes are limited to ${MAX_RECIPE_BYTES / 1024} KB.` });
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json(400, { error: 'The request body is not valid JSON: send {"name": "my-recipe.md", "content": "..."}.' });
  }
  if (typeof body !== 'object' || body === null) return json(400, { error: 'Send an object: {"name": "my-recipe.md", "content": "..."}.' });
  const { name, content, overwrite } = body as Record<string, unknown>;
  const result = saveRecipe(recipesDir(), { name, content, overwrite });
  if ('error' in result)
    return json(result.status, result.status === 409 ? { error: result.error, existing: result.existing } : { error: result.error });
  return json(result.status, { slug: result.slug, path: result.path, url: `/recipes/${result.slug}` });
}
