/**
 * The editor's lint: exactly what `npm run recipes:lint` does for one file. Paths and parameters
 * are checked against the Kaltura API description, except for a recipe whose METADATA names its
 * own OpenAPI document (`openapi`), which the linter does not fetch.
 */
import { parseRecipe, type Recipe } from '@/lib/recipe';
import { getKalturaDescription } from '@/lib/api';

export function lintRecipe(source: string): Recipe {
  const recipe = parseRecipe(source, { api: getKalturaDescription() });
  return recipe.metadata.openapi ? parseRecipe(source) : recipe;
}
