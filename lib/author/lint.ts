/**
 * The editor's lint: exactly what `npm run recipes:lint` does for one file. Paths and parameters
 * are checked against the API description the server uses (RECIPES_API, loaded from
 * /api/description; the built-in Kaltura description otherwise), except for a recipe whose
 * METADATA names its own OpenAPI document (`openapi`), which the linter does not fetch.
 * Each linter holds its own description (the editor's worker one, the main-thread fallback another).
 */
import { parseRecipe, type Recipe } from '@/lib/recipe';
import { describeParts, getKalturaDescription, type ApiDescription, type DescriptionParts } from '@/lib/description';

export interface EditorLint {
  /** Lints against `parts` from now on (the server's configured description). */
  setDescription(parts: DescriptionParts): ApiDescription;
  lint(source: string): Recipe;
}

export function createEditorLint(): EditorLint {
  let configured: ApiDescription | undefined;
  return {
    setDescription(parts) {
      configured = describeParts(parts);
      return configured;
    },
    lint(source) {
      const recipe = parseRecipe(source, { api: configured ?? getKalturaDescription() });
      return recipe.metadata.openapi ? parseRecipe(source) : recipe;
    },
  };
}
