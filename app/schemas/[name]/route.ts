/**
 * GET /schemas/api-call.schema.json and /schemas/metadata.schema.json: the JSON Schemas of a
 * recipe's API Call and METADATA blocks (lib/recipe/schemas), for editors (see docs/authoring.md).
 */
import { apiCallSchema, metadataSchema } from '@/lib/recipe';

const SCHEMAS: Record<string, unknown> = {
  'api-call.schema.json': apiCallSchema,
  'metadata.schema.json': metadataSchema,
};

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }): Promise<Response> {
  const { name } = await params;
  const schema = Object.prototype.hasOwnProperty.call(SCHEMAS, name) ? SCHEMAS[name] : undefined;
  if (!schema) return Response.json({ error: `No schema "${name}": there are ${Object.keys(SCHEMAS).join(' and ')}.` }, { status: 404 });
  return Response.json(schema, {
    headers: { 'content-type': 'application/schema+json; charset=utf-8', 'cache-control': 'public, max-age=300' },
  });
}
