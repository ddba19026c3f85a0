/**
 * The editor's lint: exactly what `npm run recipes:lint` does for one file. Paths and parameters
 * are checked against the API description the server uses (RECIPES_API, loaded from
 * /api/description; the built-in Kaltura description otherwise), except for a recipe whose
 * METADATA names its own OpenAPI document (`openapi`), which the linter does not fetch.
 */
import { parseRecipe, type Recipe } from '@/lib/recipe';
import { describeParts, getKalturaDescription, type ApiDescription, type DescriptionParts } from '@/lib/api';

let configured: ApiDescription | undefined;

/** Lints against `parts` from now on (the server's configured description). */
export function setLintDescription(parts: DescriptionParts): ApiDescription {
  configured = describeParts(parts);
  return configured;
}

export function lintRecipe(source: string): Recipe {
  const recipe = parseRecipe(source, { api: configured ?? getKalturaDescription() });
  return recipe.metadata.openapi ? parseRecipe(source) : recipe;
}
