/**
 * Test-only route: `/recipes/extra/<slug>` serves `<slug>.md` from the folder named by the
 * environment variable RECIPES_EXTRA_DIR (e.g. tests/fixtures/recipes), rendered per request.
 * Without RECIPES_EXTRA_DIR every address here is a 404. See lib/server/recipes.ts.
 */
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { loadExtraRecipe } from '@/lib/server/recipes';
import { getServerApi } from '@/lib/server/api';
import { recipePageSlice } from '@/lib/server/slice';
import { pageCode } from '../../page-code';
import { RecipePage } from '@/components/recipe/RecipePage';

export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const loaded = loadExtraRecipe(slug, (await getServerApi()).api);
  return { title: loaded ? loaded.recipe.title || slug : 'Recipe not found', robots: { index: false } };
}

export default async function ExtraRecipeRoute({ params }: Props) {
  const { slug } = await params;
  const server = await getServerApi();
  const loaded = loadExtraRecipe(slug, server.api);
  if (!loaded) notFound();
  const slice = recipePageSlice(loaded.recipe, server.api);
  return (
    <main id="main" className="page page-recipe" tabIndex={-1}>
      <RecipePage
        slug={slug}
        recipe={loaded.recipe}
        slice={slice}
        apiError={server.error}
        file={`${slug}.md`}
        initialCode={await pageCode(loaded.recipe, slice)}
      />
    </main>
  );
}
