/**
 * GET /api/description: the API description the server uses (RECIPES_API, else the built-in one)
 * as plain parts (operations, classes, enums), for the /author editor's lint, completion and
 * preview, which may reach any operation. Recipe pages never load it: they get a slice.
 */
import { getServerApi } from '@/lib/server/api';
import { descriptionPartsJson } from '@/lib/server/description-json';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const server = await getServerApi();
  const { body, etag } = descriptionPartsJson(server.api, server.label);
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
  return new Response(body, {
    headers: { 'content-type': 'application/json; charset=utf-8', etag, 'cache-control': 'no-cache' },
  });
}
