import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { relative } from 'node:path';
import { loadRecipe, resolveRelated } from '@/lib/server/recipes';
import { getServerApi } from '@/lib/server/api';
import { recipePageSlice } from '@/lib/server/slice';
import { liveReloadEnabled } from '@/lib/server/recipe-watch';
import { pageCode } from '../page-code';
import { RecipePage } from '@/components/recipe/RecipePage';

interface Props {
  params: Promise<{ slug: string }>;
}

/**
 * Rendered per request (recipes are parsed once per file version, see lib/server/recipes.ts): the
 * API description is a setting of the running server (RECIPES_API), and a recipe file edited or
 * added after the build shows on the next load.
 */
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const loaded = loadRecipe(slug, (await getServerApi()).api);
  if (!loaded) return { title: 'Recipe not found' };
  return { title: loaded.recipe.title || slug, description: loaded.recipe.metadata.summary };
}

export default async function RecipeRoute({ params }: Props) {
  const { slug } = await params;
  const server = await getServerApi();
  const loaded = loadRecipe(slug, server.api);
  if (!loaded) notFound();
  const slice = recipePageSlice(loaded.recipe, server.api);
  const code = await pageCode(loaded.recipe, slice);
  return (
    <main id="main" className="page page-recipe" tabIndex={-1}>
      <RecipePage
        slug={slug}
        recipe={loaded.recipe}
        slice={slice}
        apiError={server.error}
        liveReload={liveReloadEnabled()}
        file={relative(process.cwd(), loaded.path)}
        related={resolveRelated(loaded.recipe.metadata.relatedRecipes, slug, server.api)}
        initialCode={code}
      />
    </main>
  );
}
